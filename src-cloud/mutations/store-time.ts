import type { MutationContext } from './context';
import { loadRow } from './rows';

/** "Tue, Jan 16, 3:00 PM CST": an instant as the store's staff and customers read it. */
export async function storeTime(
  ctx: MutationContext,
  storeId: string,
  at: number,
): Promise<string> {
  const store = await loadRow(ctx, 'stores', storeId);
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
    return format(store.timeZone);
  } catch {
    return format('UTC'); // a store saved with a zone this runtime does not know
  }
}
