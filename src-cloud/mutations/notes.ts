import type { MutationArgs } from '../../src-shared/sync/mutations';
import type { MutationContext } from './context';
import { loadLead, saveLead } from './rows';
import { addTimelineEvent } from './timeline';

const EXCERPT_LENGTH = 500;

/** A note is a timeline event (id minted by the desktop); the queue shows the latest one. */
export async function addNote(ctx: MutationContext, args: MutationArgs<'addNote'>) {
  const lead = await loadLead(ctx, args.leadId);
  await addTimelineEvent(ctx, lead, 'note', args.text, {}, args.noteId);
  await saveLead(ctx, lead, { notesExcerpt: args.text.slice(0, EXCERPT_LENGTH) });
}
