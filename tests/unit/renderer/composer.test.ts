import { describe, expect, test } from 'vitest';
import type { Conversation, Lead } from '../../../src-shared/domain';
import { DEMO_STORES } from '../../../src-shared/demo';
import { channelOptions } from '../../../src-renderer/conversations/composer/channels';
import { composerDisabledReason } from '../../../src-renderer/conversations/composer/disabled-reason';
import { insertAt } from '../../../src-renderer/conversations/composer/insert-text';
import { matchingReplies } from '../../../src-renderer/conversations/composer/saved-reply-search';
import { storeLinkButtons } from '../../../src-renderer/conversations/composer/store-links';

type ChannelLead = Parameters<typeof channelOptions>[0];
const lead: ChannelLead = {
  firstName: 'Dana',
  lastName: 'Whitfield',
  phones: [{ number: '+19701234567', type: 'mobile' }],
  email: 'dana@example.com',
  lastChannel: null,
  source: 'Text',
};
const conversation = (channel: Conversation['channel'], createdAt: number) => ({
  channel,
  createdAt,
});

describe('the channel the composer sends on', () => {
  test('the channel the customer used last comes first, then the others that can be used', () => {
    const options = channelOptions({ ...lead, lastChannel: 'chat' }, [
      conversation('sms', 1),
      conversation('chat', 2),
    ]);
    expect(options).toEqual([
      { channel: 'chat', blocked: null },
      { channel: 'sms', blocked: null },
      { channel: 'email', blocked: null },
    ]);
  });

  test('chat and Messenger are offered only where the customer started them', () => {
    const channels = channelOptions(lead, []).map((o) => o.channel);
    expect(channels).toEqual(['sms', 'email']);
  });

  test('a voice call is never a channel to write on', () => {
    const options = channelOptions({ ...lead, lastChannel: 'voice' }, [
      conversation('voice', 5),
      conversation('email', 1),
    ]);
    expect(options[0]).toEqual({ channel: 'email', blocked: null });
    expect(options.map((o) => o.channel)).not.toContain('voice');
  });

  test('a web-chat lead with no conversation and no phone or email is blocked, with the reason', () => {
    const options = channelOptions({ ...lead, phones: [], email: null, source: 'Chat' }, []);
    expect(options).toEqual([
      { channel: 'chat', blocked: 'Only the customer can start a chat conversation.' },
    ]);
  });
});

describe('why the composer is disabled', () => {
  const alive: Pick<Lead, 'firstName' | 'lastName' | 'status' | 'optedOut'> = {
    firstName: 'Dana',
    lastName: 'Whitfield',
    status: 'hot',
    optedOut: false,
  };
  const sms = { channel: 'sms' as const, blocked: null };

  test('a Dead or opted-out lead cannot be messaged, but can get a note', () => {
    for (const dead of [
      { ...alive, status: 'dead' as const },
      { ...alive, optedOut: true },
    ]) {
      expect(composerDisabledReason({ mode: 'message', lead: dead, channel: sms })).toMatch(
        /^Dana Whitfield opted out \(Dead\): nobody can message them/,
      );
      expect(composerDisabledReason({ mode: 'note', lead: dead, channel: sms })).toBeNull();
    }
  });

  test('a blocked channel says why; a usable one is fine', () => {
    const chat = { channel: 'chat' as const, blocked: 'Only the customer can start a chat.' };
    expect(composerDisabledReason({ mode: 'message', lead: alive, channel: chat })).toBe(
      'Only the customer can start a chat.',
    );
    expect(composerDisabledReason({ mode: 'message', lead: alive, channel: sms })).toBeNull();
  });

  test('a read-only lead (another agent holds it) stops messages and notes with its reason', () => {
    const readOnlyReason = 'Ana Ruiz is in this lead';
    for (const mode of ['message', 'note'] as const) {
      expect(composerDisabledReason({ mode, lead: alive, channel: sms, readOnlyReason })).toBe(
        readOnlyReason,
      );
    }
  });
});

describe('inserting into the reply', () => {
  test('at the caret, with a space so it does not run into the word before', () => {
    expect(insertAt('Hi there', { start: 2, end: 2 }, '{lead.firstName}')).toEqual({
      text: 'Hi {lead.firstName} there',
      caret: 19,
    });
    expect(insertAt('', { start: 0, end: 0 }, '👍')).toEqual({ text: '👍', caret: 2 });
  });

  test('over a selection', () => {
    expect(insertAt('Hi NAME!', { start: 3, end: 7 }, 'Dana')).toEqual({
      text: 'Hi Dana!',
      caret: 7,
    });
  });
});

describe('Send Directions, Send Voucher, Send Credit App', () => {
  test('insert the store’s own links', () => {
    const store = DEMO_STORES[0]!.row;
    const buttons = storeLinkButtons(store);
    expect(buttons.map((b) => b.text)).toEqual([
      `Here are directions to ${store.name}: ${store.links.directions}`,
      `Here is your voucher for ${store.name}: ${store.links.voucher}`,
      `You can apply for financing securely here: ${store.links.creditApp}`,
    ]);
  });

  test('are off, with the reason, when the store has no such link', () => {
    const store = {
      name: 'Plain Motors',
      links: { directions: null, voucher: null, creditApp: null },
    };
    for (const button of storeLinkButtons(store)) {
      expect(button.text).toBeNull();
      expect(button.missing).toMatch(/^Plain Motors has no .* link set up\.$/);
    }
  });
});

describe('searching saved replies', () => {
  const replies = [
    { id: '1', tenantId: 't', storeId: null, title: 'Directions', body: 'We are at 1 Main St' },
    { id: '2', tenantId: 't', storeId: null, title: 'Voucher', body: 'Here is your $500 voucher' },
  ];
  test('every word typed must appear in the title or the text, in any case', () => {
    expect(matchingReplies(replies, 'VOUCHER 500').map((r) => r.id)).toEqual(['2']);
    expect(matchingReplies(replies, 'main').map((r) => r.id)).toEqual(['1']);
    expect(matchingReplies(replies, '  ').map((r) => r.id)).toEqual(['1', '2']);
    expect(matchingReplies(replies, 'lease')).toEqual([]);
  });
});
