import { describe, expect, it } from 'vitest';
import {
  callEventText,
  callLength,
  checkCallingSettings,
  extensionToSendDigits,
} from '../../../src-shared/calls';

describe('extension strings (seed 004: a comma waits 1 second)', () => {
  it("maps the seed's example ,1,,,234# to half-second waits: wait 1 s, 1, wait 3 s, 234#", () => {
    expect(extensionToSendDigits(',1,,,234#')).toEqual({ ok: true, sendDigits: 'ww1wwwwww234#' });
  });

  it('keeps digits, * and # as keys, and an empty extension dials nothing', () => {
    expect(extensionToSendDigits('*72#0')).toEqual({ ok: true, sendDigits: '*72#0' });
    expect(extensionToSendDigits('')).toEqual({ ok: true, sendDigits: '' });
    expect(extensionToSendDigits(',,')).toEqual({ ok: true, sendDigits: 'wwww' });
  });

  it('names every character it cannot dial', () => {
    const result = extensionToSendDigits('1w2 x;w');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain('"w", a space, "x", ";"');
    expect(extensionToSendDigits('12W').ok).toBe(false);
  });

  it('refuses more keys than Twilio dials (32), pauses not counted', () => {
    expect(extensionToSendDigits('1'.repeat(32) + ',,,,').ok).toBe(true);
    const tooMany = extensionToSendDigits('1'.repeat(33));
    expect(!tooMany.ok && tooMany.problem).toMatch(/33 keys.*at most 32/);
  });
});

describe('calling settings as typed', () => {
  it('stores any phone format as E.164 and trims the extension', () => {
    expect(
      checkCallingSettings({ phone: '(303) 555-0188', extension: ' ,1# ', forwardLeadCalls: true }),
    ).toEqual({
      ok: true,
      settings: { phone: '+13035550188', extension: ',1#', forwardLeadCalls: true },
    });
    expect(checkCallingSettings({ phone: '  ', extension: '', forwardLeadCalls: false })).toEqual({
      ok: true,
      settings: { phone: null, extension: '', forwardLeadCalls: false },
    });
  });

  it('names the field that is wrong', () => {
    expect(
      checkCallingSettings({ phone: 'call me', extension: '', forwardLeadCalls: false }),
    ).toMatchObject({ ok: false, field: 'phone' });
    expect(
      checkCallingSettings({ phone: '3035550188', extension: '12a', forwardLeadCalls: false }),
    ).toMatchObject({ ok: false, field: 'extension' });
    expect(
      checkCallingSettings({ phone: null, extension: '12', forwardLeadCalls: false }),
    ).toMatchObject({ ok: false, field: 'extension', problem: /needs a phone/ });
  });
});

describe('a call as the thread words it', () => {
  it('gives the length in minutes and seconds', () => {
    expect(callLength(192)).toBe('3 min 12 s');
    expect(callLength(45)).toBe('45 s');
    expect(callLength(120)).toBe('2 min');
    expect(callLength(0)).toBe('0 s');
  });

  it('says who called and how it went', () => {
    const outbound = { direction: 'outbound' as const, agentName: 'Ana Ruiz', durationSeconds: 0 };
    expect(callEventText({ ...outbound, outcome: 'connected', durationSeconds: 192 })).toBe(
      'Call by Ana Ruiz, 3 min 12 s',
    );
    expect(callEventText({ ...outbound, outcome: 'no-answer' })).toBe(
      'Call by Ana Ruiz: No answer',
    );
    expect(callEventText({ ...outbound, outcome: 'busy' })).toBe('Call by Ana Ruiz: Busy');
    expect(
      callEventText({
        direction: 'inbound',
        agentName: null,
        outcome: 'connected',
        durationSeconds: 61,
      }),
    ).toBe('Call from the customer to the store, 1 min 1 s');
  });
});
