import type { Message, SyncChange } from '../../../src-shared';
import { LocalRefusal, type Effect, type EffectContext, type Rows } from './effect';

/**
 * The cloud's rule asked first (src-cloud/mutations/scheduled-messages.ts): a message still
 * scheduled, the user's own or any for a manager. A message not on this PC is left to the cloud.
 */
function changeableScheduled(
  rows: Rows,
  messageId: string,
  context: EffectContext,
): Message | null {
  const message = rows.message(messageId);
  if (!message) return null;
  if (message.status !== 'scheduled') {
    throw new LocalRefusal(
      'invalid_arguments',
      'This message is no longer scheduled: it can no longer be changed.',
    );
  }
  const manager = context.me.role === 'manager' || context.me.role === 'admin';
  if (message.authorUserId !== context.me.id && !manager) {
    throw new LocalRefusal(
      'forbidden',
      'Only the agent who scheduled this message, or a manager, may change it.',
    );
  }
  return message;
}

/** The message shows its new time at once. */
export const rescheduleMessage: Effect<'rescheduleMessage'> = (rows, args, context) => {
  const message = changeableScheduled(rows, args.messageId, context);
  if (!message) return [];
  if (args.scheduledAt <= context.now) {
    throw new LocalRefusal('invalid_arguments', 'That time has passed: pick a time in the future.');
  }
  const changes: SyncChange[] = [
    { table: 'messages', op: 'upsert', row: { ...message, scheduledAt: args.scheduledAt } },
  ];
  return message.scheduledAt === args.scheduledAt ? [] : changes;
};

/** The message leaves the thread and the Scheduled folder at once. */
export const cancelScheduledMessage: Effect<'cancelScheduledMessage'> = (rows, args, context) => {
  const message = changeableScheduled(rows, args.messageId, context);
  return message ? [{ table: 'messages', op: 'delete', id: message.id }] : [];
};
