import { ok, type TimelineEvent } from '../../../src-shared';
import type { LeadExtras } from '../../../src-shared/console-api/lead-extras';
import { detectLanguage } from '../../../src-shared/language/detect-language';
import type { Replica } from '../../replica/replica';
import type { HandlerTable } from './handler';

/** Pages as large as the thread read allows: few round trips through a long history. */
const PAGE = 500;
/** The newest customer text read for the language: more says nothing new. */
const LANGUAGE_SAMPLE_CHARS = 4_000;

/**
 * Every note and the newest of the customer's own words, read through the thread's pages from
 * the newest back (the thread index), so the details pane needs no query of its own.
 */
export function readLeadExtras(replica: Replica, leadId: string): LeadExtras {
  const notes: TimelineEvent[] = [];
  const inbound: string[] = [];
  let sampled = 0;
  let before: string | null = null;
  do {
    const page = replica.thread(leadId, before, PAGE);
    for (const item of [...page.items].reverse()) {
      if (item.kind === 'event' && item.event.kind === 'note') notes.push(item.event);
      if (item.kind === 'message' && item.message.direction === 'in') {
        if (sampled < LANGUAGE_SAMPLE_CHARS) inbound.push(item.message.body);
        sampled += item.message.body.length;
      }
    }
    before = page.before;
  } while (before !== null);
  return { notes, detectedLanguage: detectLanguage(inbound) };
}

export const leadExtrasHandlers: Pick<HandlerTable, 'getLeadExtras'> = {
  getLeadExtras: ({ leadId }, { replica }) => ok(readLeadExtras(replica(), leadId)),
};
