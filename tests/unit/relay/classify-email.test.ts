import { describe, expect, test } from 'vitest';
import { classifyEmail, type EmailFacts } from '../../../src-cloud/relay/classify-email';

const plain: EmailFacts = {
  envelopeFrom: 'pat@customer.test',
  fromAddress: 'pat@customer.test',
  subject: 'Re: Your inquiry',
  contentType: 'text/plain',
  headers: new Map(),
};
const withHeaders = (entries: [string, unknown][], changes: Partial<EmailFacts> = {}) =>
  classifyEmail({ ...plain, ...changes, headers: new Map(entries) }, false);

describe('who an arriving email is', () => {
  test("the customer's own mail, or an agent's when it comes from a user's address", () => {
    expect(classifyEmail(plain, false)).toBe('customer');
    expect(classifyEmail(plain, true)).toBe('agent');
  });

  test('auto-replies by header or subject, even from an agent', () => {
    expect(withHeaders([['auto-submitted', 'auto-replied']])).toBe('auto_reply');
    expect(withHeaders([['auto-submitted', 'no']])).toBe('customer');
    expect(withHeaders([['x-autoreply', 'yes']])).toBe('auto_reply');
    expect(withHeaders([['precedence', 'bulk']])).toBe('auto_reply');
    expect(withHeaders([['precedence', 'auto_reply']])).toBe('auto_reply');
    expect(withHeaders([['x-auto-response-suppress', 'OOF, AutoReply']])).toBe('auto_reply');
    expect(withHeaders([], { subject: 'Out of Office: Re: Your inquiry' })).toBe('auto_reply');
    expect(withHeaders([], { subject: 'Automatic reply: Civic' })).toBe('auto_reply');
    expect(classifyEmail({ ...plain, subject: 'Out of Office until Monday' }, true)).toBe(
      'auto_reply',
    );
  });

  test('bounces by report type, MAILER-DAEMON or the empty sender', () => {
    expect(withHeaders([], { contentType: 'multipart/report' })).toBe('bounce');
    expect(withHeaders([], { fromAddress: 'MAILER-DAEMON@mx.test' })).toBe('bounce');
    expect(withHeaders([], { envelopeFrom: null })).toBe('bounce');
  });
});
