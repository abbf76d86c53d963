import { describe, expect, test } from 'vitest';
import { cannotStartConversation } from '../../../src-shared/domain/conversation-start';

const lead = {
  firstName: 'Dana',
  lastName: 'Whitfield',
  phones: [{ number: '+19701234567', type: 'mobile' as const }],
  email: 'dana@example.com',
};

describe('who may start a conversation on which channel', () => {
  test('an agent may start a text with a phone and an email with an address', () => {
    expect(cannotStartConversation(lead, 'sms')).toBeNull();
    expect(cannotStartConversation(lead, 'email')).toBeNull();
  });

  test('a text needs a phone and an email an address', () => {
    expect(cannotStartConversation({ ...lead, phones: [] }, 'sms')).toEqual({
      code: 'no_phone',
      reason: 'Dana Whitfield has no phone number to text',
    });
    expect(cannotStartConversation({ ...lead, email: null }, 'email')).toEqual({
      code: 'no_email',
      reason: 'Dana Whitfield has no email address',
    });
  });

  test('only the customer starts a web chat or a Messenger conversation', () => {
    expect(cannotStartConversation(lead, 'chat')?.code).toBe('no_conversation');
    expect(cannotStartConversation(lead, 'messenger')).toEqual({
      code: 'no_conversation',
      reason: 'only the customer can start a messenger conversation',
    });
  });

  test('nobody writes on a voice call', () => {
    expect(cannotStartConversation(lead, 'voice')?.code).toBe('invalid_channel');
  });
});
