import type { SavedReply } from '../../../src-shared';
import type { Statements } from '../statements';
import { storeFirst } from './store-first';

/**
 * The saved replies an agent may use on a lead of `storeId`: the store's own first, then the
 * ones for every store, each by title. A few dozen rows per tenant: read whole and filtered here.
 */
export function savedReplies(statements: Statements, storeId: string): SavedReply[] {
  const all = (statements.get('SELECT doc FROM saved_replies').pluck().all() as string[]).map(
    (doc) => JSON.parse(doc) as SavedReply,
  );
  return storeFirst(all, storeId, (a, b) => a.title.localeCompare(b.title));
}
