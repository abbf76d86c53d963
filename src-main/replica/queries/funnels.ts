import type { Funnel } from '../../../src-shared';
import type { Statements } from '../statements';
import { storeFirst } from './store-first';

/**
 * The funnels an agent may assign to a lead of `storeId`: the store's own first, then the ones
 * for every store, each by name. A few per tenant: read whole and filtered here.
 */
export function funnels(statements: Statements, storeId: string): Funnel[] {
  const all = (statements.get('SELECT doc FROM funnels').pluck().all() as string[]).map(
    (doc) => JSON.parse(doc) as Funnel,
  );
  return storeFirst(all, storeId, (a, b) => a.name.localeCompare(b.name));
}
