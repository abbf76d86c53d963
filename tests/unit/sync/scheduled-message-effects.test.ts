import { describe, expect, it } from 'vitest';
import type { Message, User } from '../../../src-shared';
import { EFFECTS, LocalRefusal, type Rows } from '../../../src-main/sync/effects';
import { noRows, NOW } from './fixture';

const agent = (id: string, role: User['role'] = 'agent'): User => ({
  id,
  tenantId: 'tenant-1',
  name: id,
  email: `${id}@demo.test`,
  role,
  storeIds: ['store-a'],
  photoUrl: null,
  phone: null,
  extension: '',
  preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
});
const author = agent('author');
const scheduled: Message = {
  id: 'message-1',
  tenantId: 'tenant-1',
  leadId: 'lead-1',
  conversationId: 'conversation-1',
  direction: 'out',
  authorUserId: author.id,
  body: 'See you Saturday',
  media: [],
  status: 'scheduled',
  errorCode: null,
  providerId: null,
  scheduledAt: NOW + 3_600_000,
  createdAt: NOW - 60_000,
};

function rows(message: Message | null = scheduled): Rows {
  return { ...noRows(), message: (id) => (id === message?.id ? message : null) };
}
const as = (me: User) => ({ me, now: NOW, mutationId: 'm-1' });
const later = NOW + 7_200_000;

describe('a scheduled message on this PC, before the cloud answers', () => {
  it('shows its new time at once', () => {
    expect(
      EFFECTS.rescheduleMessage(rows(), { messageId: 'message-1', scheduledAt: later }, as(author)),
    ).toEqual([{ table: 'messages', op: 'upsert', row: { ...scheduled, scheduledAt: later } }]);
  });

  it('leaves the thread at once when cancelled', () => {
    expect(EFFECTS.cancelScheduledMessage(rows(), { messageId: 'message-1' }, as(author))).toEqual([
      { table: 'messages', op: 'delete', id: 'message-1' },
    ]);
  });

  it('is refused here, with the reason, for another agent, for a time past, or once sent', () => {
    const other = as(agent('other'));
    expect(() => EFFECTS.cancelScheduledMessage(rows(), { messageId: 'message-1' }, other)).toThrow(
      LocalRefusal,
    );
    expect(() =>
      EFFECTS.rescheduleMessage(
        rows(),
        { messageId: 'message-1', scheduledAt: NOW - 1 },
        as(author),
      ),
    ).toThrow(/future/);
    const sent = rows({ ...scheduled, status: 'sent' });
    expect(() =>
      EFFECTS.cancelScheduledMessage(sent, { messageId: 'message-1' }, as(author)),
    ).toThrow(/no longer scheduled/);
  });

  it('a manager may change anyone’s', () => {
    const manager = as(agent('boss', 'manager'));
    expect(
      EFFECTS.cancelScheduledMessage(rows(), { messageId: 'message-1' }, manager),
    ).toHaveLength(1);
  });

  it('a message not on this PC is left to the cloud', () => {
    expect(
      EFFECTS.cancelScheduledMessage(rows(null), { messageId: 'message-1' }, as(author)),
    ).toEqual([]);
  });
});
