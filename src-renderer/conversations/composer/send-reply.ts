import { v7 as uuidv7 } from 'uuid';
import type { Channel } from '../../../src-shared/domain/conversation';
import type { MediaRef } from '../../../src-shared/domain/media';
import { sendChange } from '../../changes/send-change';

interface To {
  leadId: string;
  name: string;
}

/**
 * Sends the reply through the changes path (DESIGN §4): in the thread at once as queued, and to
 * the cloud in order. `body` is already rendered (smart fields filled in): what the customer
 * reads. Resolves true when the core took it; a refusal has been shown to the user.
 */
export async function sendReply(
  to: To,
  reply: { channel: Channel; body: string; media: MediaRef[]; scheduledAt?: number | null },
): Promise<boolean> {
  const args = {
    leadId: to.leadId,
    messageId: uuidv7(),
    ...reply,
    scheduledAt: reply.scheduledAt ?? null,
  };
  const what = args.scheduledAt === null ? 'send a message' : 'schedule a message';
  return (await sendChange('sendMessage', args, `${what} to ${to.name}`)) !== null;
}

/** An internal note: a timeline event the customer never sees, never a message. */
export async function addNote(to: To, text: string): Promise<boolean> {
  const args = { leadId: to.leadId, noteId: uuidv7(), text };
  return (await sendChange('addNote', args, `add a note to ${to.name}`)) !== null;
}
