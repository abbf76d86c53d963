import { requireLead, leadChange, timelineEvent, type Effect } from './effect';

/** As the cloud keeps it: the queue's notes icon shows the start of the latest note. */
const EXCERPT_LENGTH = 500;

export const addNote: Effect<'addNote'> = (rows, { leadId, noteId, text }, context) => {
  const lead = requireLead(rows, leadId);
  return [
    timelineEvent(context, lead, 'note', text, {}, noteId),
    ...leadChange(lead, { notesExcerpt: text.slice(0, EXCERPT_LENGTH) }, context.now),
  ];
};
