import { sendChange } from '../../changes/send-change';

/** A new time for a scheduled message; true when the core took it (a refusal was shown). */
export async function rescheduleMessage(messageId: string, scheduledAt: number): Promise<boolean> {
  const sent = await sendChange(
    'rescheduleMessage',
    { messageId, scheduledAt },
    'move a scheduled message',
  );
  return sent !== null;
}

/** Takes a scheduled message back before it goes out. */
export async function cancelScheduledMessage(messageId: string): Promise<boolean> {
  const sent = await sendChange(
    'cancelScheduledMessage',
    { messageId },
    'cancel a scheduled message',
  );
  return sent !== null;
}
