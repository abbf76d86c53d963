import type { Store } from '../../src-shared/domain/tenant';
import type { MutationContext } from './context';

/** "Tue, Jan 16, 3:00 PM CST": an instant as the store's staff and customers read it. */
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
  const timeZone = found?.row.timeZone ?? 'UTC';
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(at);
  try {
    return format(timeZone);
  } catch {
    return format('UTC'); // a store saved with a zone this runtime does not know
  }
}
