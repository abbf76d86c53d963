import { describe, expect, test } from 'vitest';
import { parseClientFrame } from '../../../src-cloud/live/client-frame';

describe('frames a desktop sends on /v1/live', () => {
  test('a ping and a presence frame are read', () => {
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ ok: true, frame: { type: 'ping' } });
    const presence = { type: 'presence', deviceId: 'laptop-1', state: 'away', reason: 'idle' };
    expect(parseClientFrame(JSON.stringify(presence))).toEqual({ ok: true, frame: presence });
  });

  test.each([
    ['not JSON', '{not json', /not JSON/],
    ['an unknown type', '{"type":"typing","leadId":"l1"}', /type/],
    [
      'a state that does not exist',
      '{"type":"presence","deviceId":"d","state":"busy","reason":"idle"}',
      /state/,
    ],
    [
      'a field too many',
      '{"type":"presence","deviceId":"d","state":"away","reason":"idle","userId":"someone"}',
      /userId/,
    ],
    ['a missing device id', '{"type":"presence","state":"away","reason":"idle"}', /deviceId/],
    ['not an object', '"ping"', /./],
  ])('%s is refused, with the reason', (_name, text, reason) => {
    const parsed = parseClientFrame(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toMatch(reason);
    expect(parsed.bytes).toBe(Buffer.byteLength(text));
  });

  test('a refused frame is never quoted whole, only what it called itself', () => {
    const secret = 'x'.repeat(5000);
    const parsed = parseClientFrame(JSON.stringify({ type: 'y'.repeat(500), body: secret }));
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain(secret);
    if (!parsed.ok) expect(parsed.type).toBe('y'.repeat(40));
  });
});
