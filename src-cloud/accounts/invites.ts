import { v7 as uuidv7 } from 'uuid';
import type { User } from '../../src-shared/domain/user';
import type { Queryable } from '../db/db';
import { inviteEmail } from '../email/invite-email';
import { HttpError } from '../http/errors';
import type { CloudServices } from '../services';
import { hashPassword } from './passwords';
import { createSession, revokeSessions } from './sessions';
import { hashToken, newToken } from './tokens';

/**
 * Invites: a single-use link, valid for `inviteTtlMs`, by which a new user sets their password.
 * A new invite replaces the user's older ones. The token travels in the link's fragment (#),
 * which browsers never send to a server, so it stays out of access logs.
 */
export async function createInvite(
  q: Queryable,
  user: Pick<User, 'id' | 'tenantId'>,
  createdByUserId: string,
  now: number,
  ttlMs: number,
): Promise<string> {
  const token = newToken();
  await q.query(
    `UPDATE invites SET used_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND used_at IS NULL`,
    [user.tenantId, user.id, now],
  );
  await q.query(
    `INSERT INTO invites (id, token_hash, tenant_id, user_id, created_by_user_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [uuidv7(), hashToken(token), user.tenantId, user.id, createdByUserId, now, now + ttlMs],
  );
  return token;
}

/** Emails the link; a failure is reported, not thrown: the user exists either way. */
export async function sendInvite(
  services: CloudServices,
  user: Pick<User, 'name' | 'email'>,
  token: string,
): Promise<'sent' | 'failed'> {
  const link = `${services.publicUrl()}/invite#token=${token}`;
  try {
    await services.mailer.send(inviteEmail(user, link, services.config.inviteTtlMs));
    return 'sent';
  } catch (error) {
    services.log.warn({ err: error, to: user.email }, 'the invite email could not be sent');
    return 'failed';
  }
}

/** POST /v1/invites/accept: sets the password, uses the invite up, and signs the user in. */
export async function acceptInvite(
  services: CloudServices,
  token: string,
  password: string,
): Promise<{ token: string; user: User }> {
  const now = services.now();
  const passwordHash = await hashPassword(password);
  const accepted = await services.db.transaction(async (tx) => {
    const [invite] = await tx.query<{
      id: string;
      tenant_id: string;
      user_id: string;
      expires_at: number;
      used_at: number | null;
    }>(
      'SELECT id, tenant_id, user_id, expires_at, used_at FROM invites WHERE token_hash = $1 FOR UPDATE',
      [hashToken(token)],
    );
    if (!invite)
      throw new HttpError(
        404,
        'invalid_invite',
        'this invite link is not valid; ask your admin for a new one',
      );
    if (invite.used_at !== null)
      throw new HttpError(
        410,
        'invite_used',
        'this invite link was already used or replaced by a newer one',
      );
    if (invite.expires_at <= now)
      throw new HttpError(
        410,
        'invite_expired',
        'this invite link expired; ask your admin for a new one',
      );
    const [user] = await tx.query<{ row: User }>(
      `UPDATE users SET password_hash = $3 WHERE tenant_id = $1 AND id = $2 AND NOT deleted
         AND disabled_at IS NULL RETURNING row`,
      [invite.tenant_id, invite.user_id, passwordHash],
    );
    if (!user)
      throw new HttpError(410, 'invite_expired', 'this user no longer exists or was disabled');
    await tx.query('UPDATE invites SET used_at = $2 WHERE id = $1', [invite.id, now]);
    await revokeSessions(tx, { tenantId: invite.tenant_id, userId: invite.user_id }, now);
    const session = await createSession(tx, user.row, now, services.config.sessionTtlMs);
    return { token: session, user: user.row };
  });
  services.sessions.forgetUser(accepted.user.id);
  return accepted;
}
