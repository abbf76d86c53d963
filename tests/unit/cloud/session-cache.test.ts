import { describe, expect, test } from 'vitest';
import type { AuthContext } from '../../../src-cloud/accounts/auth-context';
import { SessionCache } from '../../../src-cloud/accounts/session-cache';

const auth = (sessionId: string, userId: string) =>
  ({ sessionId, userId, tenantId: 't', role: 'agent', storeIds: [] }) as unknown as AuthContext;

describe('the session cache', () => {
  test('serves a session until it expires, and at most 30 s without a fresh read', () => {
    const cache = new SessionCache();
    cache.set('h1', auth('s1', 'u1'), 1_000_000, 0);
    expect(cache.get('h1', 29_999)?.sessionId).toBe('s1');
    expect(cache.get('h1', 30_000)).toBeUndefined();
    cache.set('h2', auth('s2', 'u1'), 500, 0);
    expect(cache.get('h2', 500)).toBeUndefined();
  });

  test('forgets revoked sessions, a user, or everything', () => {
    const cache = new SessionCache();
    cache.set('h1', auth('s1', 'u1'), 1e9, 0);
    cache.set('h2', auth('s2', 'u1'), 1e9, 0);
    cache.set('h3', auth('s3', 'u2'), 1e9, 0);
    cache.forgetSessions(['s1']);
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h2', 1)).toBeDefined();
    cache.forgetUser('u1');
    expect(cache.get('h2', 1)).toBeUndefined();
    expect(cache.get('h3', 1)).toBeDefined();
    cache.clear();
    expect(cache.get('h3', 1)).toBeUndefined();
  });
});
