import type { Replica } from '../../replica/replica';
import type { Rows } from '../effects';

/** The effects' view of the replica: its rows as they are now, local effects included. */
export function replicaRows(replica: Replica): Rows {
  return {
    lead: (id) => replica.syncedRow('leads', id),
    appointment: (id) => replica.syncedRow('appointments', id),
    message: (id) => replica.syncedRow('messages', id),
    user: (id) => replica.syncedRow('users', id),
    store: (id) => replica.syncedRow('stores', id),
    conversations: (leadId) => replica.lead(leadId)?.conversations ?? [],
    funnel: (id) => replica.syncedRow('funnels', id),
  };
}
