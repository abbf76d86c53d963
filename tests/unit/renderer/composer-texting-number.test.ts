import { describe, expect, test } from 'vitest';
import { cannotStartConversation } from '../../../src-shared/domain/conversation-start';
import { channelOptions } from '../../../src-renderer/conversations/composer/channels';

const lead = {
  firstName: 'Dana',
  lastName: 'Whitfield',
  phones: [{ number: '+13035550123', type: 'mobile' as const }],
  email: null,
  lastChannel: null,
  source: 'Text' as const,
};
const noNumber = { name: 'Acme South', textingNumber: null };
const withNumber = { name: 'Acme North', textingNumber: '+13035550142' };

describe('texting from a store with no texting number', () => {
  test('the composer says so before sending, on a new and on an existing conversation', () => {
    const reason = 'Acme South has no texting number: an admin sets it in Contact settings.';
    expect(channelOptions(lead, [], noNumber)).toEqual([{ channel: 'sms', blocked: reason }]);
    expect(
      channelOptions(lead, [{ channel: 'sms', createdAt: 1 }], noNumber).find(
        (o) => o.channel === 'sms',
      ),
    ).toEqual({ channel: 'sms', blocked: reason });
    expect(channelOptions(lead, [], withNumber)).toEqual([{ channel: 'sms', blocked: null }]);
  });

  test('the shared rule refuses with its own code; a lead without a phone is said first', () => {
    expect(cannotStartConversation(lead, 'sms', noNumber)?.code).toBe('no_texting_number');
    expect(cannotStartConversation({ ...lead, phones: [] }, 'sms', noNumber)?.code).toBe(
      'no_phone',
    );
    expect(cannotStartConversation(lead, 'sms', withNumber)).toBeNull();
  });
});
