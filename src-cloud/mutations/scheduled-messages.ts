import type { Message } from '../../src-shared/domain/conversation';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import { hasRole } from '../accounts/auth-context';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { loadRow } from './rows';

/**
 * A scheduled message the caller may change: one of theirs (a manager: anyone's) that has not
 * gone out yet. Once the job that releases due messages has taken it (status no longer
 * 'scheduled'), it is too late: the same tenant lock orders the two, so one of them wins.
 */
async function changeableScheduled(ctx: MutationContext, messageId: string): Promise<Message> {
  const message = await loadRow(ctx, 'messages', messageId, 'message');
  if (message.status !== 'scheduled') {
    reject(
      'invalid_state',
      `this message is no longer scheduled (it is ${message.status}): it can no longer be changed`,
    );
  }
  if (message.authorUserId !== ctx.auth.userId && !hasRole(ctx.auth.role, 'manager')) {
    reject('forbidden', 'only the agent who scheduled this message, or a manager, may change it');
  }
  return message;
}

/** A new time for a scheduled message; it must be in the future. */
export async function rescheduleMessage(
  ctx: MutationContext,
  args: MutationArgs<'rescheduleMessage'>,
) {
  const message = await changeableScheduled(ctx, args.messageId);
  if (args.scheduledAt <= ctx.now) {
    reject('invalid_time', 'the new time has passed: pick a time in the future');
  }
  if (message.scheduledAt === args.scheduledAt) return;
  await ctx.write.update('messages', { ...message, scheduledAt: args.scheduledAt });
}

/** The scheduled message is taken back: it leaves the thread and the Scheduled folder. */
export async function cancelScheduledMessage(
  ctx: MutationContext,
  args: MutationArgs<'cancelScheduledMessage'>,
) {
  await changeableScheduled(ctx, args.messageId);
  await ctx.write.remove('messages', args.messageId);
}
