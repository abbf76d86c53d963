import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to this host: whoever opened the one-time link it printed. The token is spent on
 * first use and swapped for an HttpOnly, SameSite=Strict cookie, so another local user or a web
 * page cannot reach a console they were not handed.
 */
export function createSessionGate(port: number) {
  // Cookies are not scoped by port: two hosts on 127.0.0.1 must not overwrite each other's.
  const cookieName = `showroom_session_${port}`;
  const token = randomBytes(32).toString('base64url');
  let tokenSpent = false;
  const sessions = new Set<string>();

  return {
    token,
    cookieName,

    /** Spends the token if `candidate` is it; answers the Set-Cookie value, or null. */
    redeem(candidate: string): string | null {
      if (tokenSpent || !sameSecret(candidate, token)) return null;
      tokenSpent = true;
      const session = randomBytes(32).toString('base64url');
      sessions.add(session);
      return `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },

    hasSession(cookieHeader: string | undefined): boolean {
      const session = readCookie(cookieHeader, cookieName);
      return session !== null && [...sessions].some((known) => sameSecret(session, known));
    },
  };
}

export type SessionGate = ReturnType<typeof createSessionGate>;

/** Compares secrets in constant time; hashing first makes the lengths equal. */
function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
