import type { AuthContext } from './auth-context';

/** How long a cached session is trusted for what no event announces (a renamed user). */
const MAX_AGE_MS = 30_000;

interface Entry {
  auth: AuthContext;
  /** The session's own expiry, or MAX_AGE after it was read, whichever comes first. */
  validUntil: number;
}

/**
 * Sessions already looked up by this process, by token hash, so that the request of every
 * poked desktop costs one database round trip, not two. It is a cache, not state: a sign-out,
 * password change or disabled user anywhere reaches every process as a `revoke` on the bus,
 * which forgets those sessions here (the revoking process forgets them as soon as it commits;
 * others a notification later); a lost bus connection forgets everything.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limit = 10_000) {}

  get(tokenHash: string, now: number): AuthContext | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.validUntil <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.auth;
  }

  set(tokenHash: string, auth: AuthContext, sessionExpiresAt: number, now: number): void {
    if (this.entries.size >= this.limit) this.entries.clear(); // crude, and rare: start over
    this.entries.set(tokenHash, { auth, validUntil: Math.min(sessionExpiresAt, now + MAX_AGE_MS) });
  }

  forgetSessions(sessionIds: readonly string[]): void {
    const gone = new Set(sessionIds);
    for (const [hash, entry] of this.entries)
      if (gone.has(entry.auth.sessionId)) this.entries.delete(hash);
  }

  /** Called by the process that revoked, right after its commit: no wait for the bus. */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries)
      if (entry.auth.userId === userId) this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}
