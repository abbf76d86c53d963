import { formatStoreTime } from '../../src-shared/domain/store-time';
import type { Store } from '../../src-shared/domain/tenant';
import type { MutationContext } from './context';

/** An instant in the time zone of the given store (formatStoreTime). */
export async function storeTime(
  ctx: MutationContext,
  storeId: string,
  at: number,
): Promise<string> {
  // Not loadRow: the appointment's store may be one the caller does not work (the lead moved).
  const [found] = await ctx.tx.query<{ row: Store }>(
    'SELECT row FROM stores WHERE tenant_id = $1 AND id = $2',
    [ctx.auth.tenantId, storeId],
  );
  return formatStoreTime(at, found?.row.timeZone);
}
