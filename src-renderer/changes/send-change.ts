import type { MutationArgs, MutationName } from '../../src-shared/sync/mutations';
import { request } from '../api/request';

/** The changes this window sent, by mutation id: what to name if the cloud undoes one. */
const sentChanges = new Map<string, string>();
/** Enough for a day of clicking; the oldest are forgotten first. */
const REMEMBER = 500;

/**
 * Sends one user change (DESIGN §4): the core applies it to the replica at once, which re-draws
 * the views through `replicaChanged`, and queues it for the cloud. `what` names the change in
 * words ("set Dana Whitfield to Warm") for an error now or an undo notice later.
 * Resolves with the mutation id, or null when the core refused it (the user has been told).
 */
export async function sendChange<N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
  what: string,
): Promise<string | null> {
  const sent = await request('mutate', { name, args }, what);
  if (!sent) return null;
  sentChanges.set(sent.mutationId, what);
  if (sentChanges.size > REMEMBER) {
    const oldest = sentChanges.keys().next().value;
    if (oldest !== undefined) sentChanges.delete(oldest);
  }
  return sent.mutationId;
}

/** How this window worded a change it sent; null for one sent before it opened. */
export function sentChangeWords(mutationId: string): string | null {
  return sentChanges.get(mutationId) ?? null;
}
