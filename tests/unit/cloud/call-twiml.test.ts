import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { callEnd, advanceStatus } from '../../../src-cloud/calls/call-state';
import { routeInboundCall, type InboundCaller } from '../../../src-cloud/calls/inbound-routing';
import {
  connectCustomerTwiml,
  forwardCallTwiml,
  goodbyeTwiml,
  nobodyCanTakeTwiml,
  pressAnyKeyTwiml,
} from '../../../src-cloud/calls/twiml';
import type { User } from '../../../src-shared/domain/user';

/** The TwiML document's <Response> children, as elements. */
function verbs(twiml: string): Element[] {
  const doc = new DOMParser().parseFromString(twiml, 'text/xml');
  const response = doc.documentElement;
  expect(response?.tagName).toBe('Response');
  return children(response as Element);
}
const children = (element: Element) =>
  Array.from({ length: element.childNodes.length }, (_, i) => element.childNodes[i]).filter(
    (node): node is Element => node?.nodeType === 1,
  );

describe('click-to-call TwiML', () => {
  it('asks the agent for one key, so a voicemail greeting never reaches the customer', () => {
    const [gather, say, hangup, ...rest] = verbs(
      pressAnyKeyTwiml({
        customerName: 'Olive <Smith> & Co',
        bridgeUrl: 'https://x.test/b?a=1&b=2',
      }),
    );
    expect(rest).toEqual([]);
    expect(gather?.tagName).toBe('Gather');
    expect(gather?.getAttribute('numDigits')).toBe('1');
    expect(gather?.getAttribute('action')).toBe('https://x.test/b?a=1&b=2');
    expect(gather?.getAttribute('method')).toBe('POST');
    const [prompt] = children(gather as Element);
    expect(prompt?.tagName).toBe('Say');
    // A name is text, escaped by the builder: never markup of its own.
    expect(prompt?.textContent).toBe('Press any key to connect you to Olive <Smith> & Co.');
    expect(say?.tagName).toBe('Say');
    expect(say?.textContent).toMatch(/Goodbye/);
    expect(hangup?.tagName).toBe('Hangup');
  });

  it("dials the customer with the store's number as caller id, reporting the dial's end", () => {
    const [dial, ...rest] = verbs(
      connectCustomerTwiml({
        storeNumber: '+13035550142',
        customerNumber: '+13035550123',
        dialledUrl: 'https://x.test/d',
      }),
    );
    expect(rest).toEqual([]);
    expect(dial?.tagName).toBe('Dial');
    expect(dial?.getAttribute('callerId')).toBe('+13035550142');
    expect(dial?.getAttribute('action')).toBe('https://x.test/d');
    const [number] = children(dial as Element);
    expect(number?.tagName).toBe('Number');
    expect(number?.textContent).toBe('+13035550123');
    // The extension is the agent's (dialled on their leg): the customer's number has none.
    expect(number?.hasAttribute('sendDigits')).toBe(false);
  });

  it('says goodbye and hangs up when no key came', () => {
    expect(verbs(goodbyeTwiml()).map((verb) => verb.tagName)).toEqual(['Say', 'Hangup']);
  });
});

describe('inbound call TwiML', () => {
  it("forwards to the agent's phone and dials their extension after it answers", () => {
    const [dial] = verbs(
      forwardCallTwiml({ number: '+17205550100', sendDigits: 'ww1#', dialledUrl: 'https://x/d' }),
    );
    expect(dial?.tagName).toBe('Dial');
    expect(dial?.hasAttribute('callerId')).toBe(false);
    const [number] = children(dial as Element);
    expect(number?.textContent).toBe('+17205550100');
    expect(number?.getAttribute('sendDigits')).toBe('ww1#');
  });

  it('forwards to a store number without digits', () => {
    const [dial] = verbs(
      forwardCallTwiml({ number: '+13035550100', sendDigits: '', dialledUrl: 'https://x/d' }),
    );
    const [number] = children(dial as Element);
    expect(number?.hasAttribute('sendDigits')).toBe(false);
  });

  it('tells the caller that nobody can take the call', () => {
    const [say, hangup] = verbs(nobodyCanTakeTwiml('Front Range North'));
    expect(say?.textContent).toMatch(/Front Range North.*Nobody can take your call/);
    expect(hangup?.tagName).toBe('Hangup');
  });
});

describe('inbound call routing', () => {
  const agent = (changes: Partial<User> = {}): User => ({
    id: 'u1',
    tenantId: 't1',
    name: 'Ana Ruiz',
    email: 'ana@x.test',
    role: 'agent',
    storeIds: ['s1'],
    photoUrl: null,
    phone: '+17205550100',
    extension: ',9',
    preferences: { forwardLeadCalls: true, copyMeOnEmails: true, playSounds: true },
    ...changes,
  });
  const caller = (changes: Partial<InboundCaller> = {}): InboundCaller => ({
    calledNumber: '+13035550142',
    callerNumber: '+13035550123',
    store: { leadCallsNumber: '+13035550111', mainPhone: '+13035550100' },
    hasConversation: true,
    assignedAgent: agent(),
    ...changes,
  });

  it("goes to the assigned agent's phone, with the extension, when they forward lead calls", () => {
    expect(routeInboundCall(caller())).toMatchObject({
      to: 'agent',
      number: '+17205550100',
      sendDigits: 'ww9',
    });
  });

  it("otherwise goes to the store's lead-calls number", () => {
    for (const changes of [
      { hasConversation: false },
      { assignedAgent: null },
      { assignedAgent: agent({ phone: null }) },
      {
        assignedAgent: agent({
          preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
        }),
      },
    ]) {
      expect(routeInboundCall(caller(changes))).toEqual({
        to: 'leadCallsNumber',
        number: '+13035550111',
        sendDigits: '',
      });
    }
  });

  it('else the main number, else nobody, and never back to the number called', () => {
    const noAgent = { assignedAgent: null };
    expect(
      routeInboundCall(
        caller({ ...noAgent, store: { leadCallsNumber: null, mainPhone: '+13035550100' } }),
      ),
    ).toMatchObject({ to: 'mainPhone', number: '+13035550100' });
    expect(
      routeInboundCall(
        caller({
          ...noAgent,
          calledNumber: '+13035550111',
          store: { leadCallsNumber: '+13035550111', mainPhone: null },
        }),
      ),
    ).toEqual({ to: 'nobody' });
    expect(
      routeInboundCall(caller({ ...noAgent, store: { leadCallsNumber: null, mainPhone: null } })),
    ).toEqual({ to: 'nobody' });
  });
});

describe('call state from callbacks in any order', () => {
  it('never moves a leg backwards', () => {
    expect(advanceStatus('completed', 'ringing')).toBe('completed');
    expect(advanceStatus('in-progress', 'ringing')).toBe('in-progress');
    expect(advanceStatus('ringing', 'completed')).toBe('completed');
    expect(advanceStatus('busy', 'completed')).toBe('busy');
  });

  const outbound = {
    direction: 'outbound' as const,
    firstStatus: 'completed',
    firstDuration: 200,
    dialledStatus: null,
    dialledDuration: null,
  };
  it('is over only when the first leg is, and the dialled leg decides the outcome', () => {
    expect(callEnd({ ...outbound, firstStatus: 'in-progress' })).toBeNull();
    expect(callEnd({ ...outbound, dialledStatus: 'completed', dialledDuration: 192 })).toEqual({
      outcome: 'connected',
      durationSeconds: 192,
    });
    expect(callEnd({ ...outbound, dialledStatus: 'busy' })).toEqual({
      outcome: 'busy',
      durationSeconds: 0,
    });
    expect(callEnd({ ...outbound, dialledStatus: 'no-answer' })?.outcome).toBe('no-answer');
    expect(callEnd(outbound)?.outcome).toBe('agent-unreachable');
    expect(callEnd({ ...outbound, firstStatus: 'no-answer' })?.outcome).toBe('agent-unreachable');
    expect(callEnd({ ...outbound, dialledStatus: 'ringing' })?.outcome).toBe('canceled');
  });
});
