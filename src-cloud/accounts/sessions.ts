import { v7 as uuidv7 } from 'uuid';
import type { User } from '../../src-shared/domain/user';
import type { Queryable } from '../db/db';
import { HttpError } from '../http/errors';
import { publish } from '../live/bus';
import type { AuthContext } from './auth-context';
import type { SessionCache } from './session-cache';
import { hashToken, newToken } from './tokens';

export async function createSession(
  q: Queryable,
  user: Pick<User, 'id' | 'tenantId'>,
  now: number,
  ttlMs: number,
): Promise<string> {
  const token = newToken();
  await q.query(
    `INSERT INTO sessions (id, token_hash, tenant_id, user_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [uuidv7(), hashToken(token), user.tenantId, user.id, now, now + ttlMs],
  );
  return token;
}

/**
 * The caller behind a bearer token, or a 401 that says why: no such token (mistyped, forged,
 * or from another cloud), expired, signed out, or the user was disabled.
 */
export async function resolveSession(
  q: Queryable,
  token: string,
  now: number,
  cache?: SessionCache,
): Promise<AuthContext> {
  const tokenHash = hashToken(token);
  const cached = cache?.get(tokenHash, now);
  if (cached) return cached;
  const [found] = await q.query<{
    id: string;
    expires_at: number;
    revoked_at: number | null;
    disabled_at: number | null;
    row: User;
  }>(
    `SELECT s.id, s.expires_at, s.revoked_at, u.disabled_at, u.row
     FROM sessions s JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id AND NOT u.deleted
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  if (!found)
    throw new HttpError(401, 'invalid_token', 'the bearer token is not a session of this cloud');
  if (found.disabled_at !== null)
    throw new HttpError(401, 'user_disabled', 'this user was disabled by an admin');
  if (found.revoked_at !== null)
    throw new HttpError(401, 'session_revoked', 'this session was signed out; sign in again');
  if (found.expires_at <= now)
    throw new HttpError(401, 'session_expired', 'the session expired; sign in again');
  const user = found.row;
  const auth: AuthContext = {
    sessionId: found.id,
    tenantId: user.tenantId,
    userId: user.id,
    role: user.role,
    storeIds: user.storeIds,
    user,
  };
  cache?.set(tokenHash, auth, found.expires_at, now);
  return auth;
}

/**
 * Revokes sessions (all of a user's, or all but one) and closes their live sockets on every
 * cloud process once the transaction commits.
 */
export async function revokeSessions(
  q: Queryable,
  who: { tenantId: string; userId: string; exceptSessionId?: string; sessionId?: string },
  now: number,
): Promise<void> {
  const revoked = await q.query<{ id: string }>(
    `UPDATE sessions SET revoked_at = $5
     WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL
       AND ($3::text IS NULL OR id = $3) AND ($4::text IS NULL OR id <> $4)
     RETURNING id`,
    [who.tenantId, who.userId, who.sessionId ?? null, who.exceptSessionId ?? null, now],
  );
  if (revoked.length > 0) {
    await publish(q, {
      type: 'revoke',
      tenantId: who.tenantId,
      sessionIds: revoked.map((s) => s.id),
    });
  }
}
