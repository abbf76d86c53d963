import type { QueuePage, QueueSort } from '../../../src-shared';
import type { World } from './world';

/** Follows `next` to the end; fails on a repeated id (a page overlapping the one before). */
export function walkQueue(page: (after: string | null) => QueuePage): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const result = page(after);
    ids.push(...result.rows.map((row) => row.id));
    if (result.next === null) break;
    after = result.next;
  }
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) throw new Error(`pages repeated ${repeated.join(', ')}`);
  return ids;
}

/** The order the queue promises, computed from the leads themselves. */
export function expectedOrder(world: World, ids: string[], sort: QueueSort): string[] {
  const leads = new Map(world.leads.map((lead) => [lead.id, lead]));
  const activity = (id: string) => {
    const lead = leads.get(id)!;
    return lead.lastMessageAt ?? lead.createdAt;
  };
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (sort === 'newest') return [...ids].sort((a, b) => activity(b) - activity(a) || byId(b, a));
  const rank = (id: string) => leads.get(id)!.awaitingSince ?? 9e15 - activity(id);
  return [...ids].sort((a, b) => rank(a) - rank(b) || byId(a, b));
}
