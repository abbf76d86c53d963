import type { Lead } from '../../src-shared/domain/lead';
import { queueEmail } from '../email-outbox/queue-email';
import { loadLeadHistory } from '../lead-emails/lead-history';
import { TRANSCRIPT_CHANNELS, transcriptEmail } from '../lead-emails/transcript-email';
import type { MutationContext } from './context';
import { loadRow } from './rows';

/**
 * A lead marked Done (DESIGN §8, §9): the transcript of each of its text and chat conversations
 * that has messages goes to the store's transcript addresses; none configured, none sent.
 */
export async function queueTranscriptsOnDone(ctx: MutationContext, lead: Lead): Promise<void> {
  const store = await loadRow(ctx, 'stores', lead.storeId, 'store');
  const to = store.contacts.transcriptEmails;
  if (to.length === 0) return;
  const { lines } = await loadLeadHistory(ctx.tx, lead);
  for (const channel of TRANSCRIPT_CHANNELS) {
    const ofChannel = lines.filter((line) => line.channel === channel);
    if (ofChannel.length === 0) continue;
    await queueEmail(
      ctx.tx,
      {
        id: ctx.newId(),
        tenantId: ctx.auth.tenantId,
        leadId: lead.id,
        kind: 'transcript',
        recipients: to,
        ...transcriptEmail(lead, store, channel, ofChannel, ctx.auth.user.name),
      },
      ctx.now,
    );
  }
}
