import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { User } from '../../src-shared/domain/user';
import { toE164 } from '../../src-shared/phone/phone';
import type { CountryCode } from 'libphonenumber-js';
import type { Tx } from '../db/db';
import { HttpError } from '../http/errors';
import type { CloudServices } from '../services';
import { writeInTenant } from '../sync/tenant-write';
import type { AuthContext } from './auth-context';
import { createInvite, sendInvite } from './invites';
import type { CreateUserRequest } from './schemas';
import { revokeSessions } from './sessions';

/** An admin creates a user, who gets an email with a link to set their password. */
export async function createUser(
  services: CloudServices,
  admin: AuthContext,
  request: z.infer<typeof CreateUserRequest>,
): Promise<{ user: User; inviteEmail: 'sent' | 'failed' }> {
  const phone = request.phone ? toE164(request.phone, request.country as CountryCode) : null;
  if (request.phone && !phone) {
    throw new HttpError(
      400,
      'invalid_request',
      `phone: "${request.phone}" is not a phone number in ${request.country}`,
    );
  }
  const now = services.now();
  const user: User = {
    id: uuidv7(),
    tenantId: admin.tenantId,
    name: request.name,
    email: request.email,
    role: request.role,
    storeIds: [...new Set(request.storeIds)],
    photoUrl: request.photoUrl,
    phone,
    extension: '',
    preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
  };
  const token = await writeInTenant(services.db, admin.tenantId, async (tx, write) => {
    await requireStores(tx, admin.tenantId, user.storeIds);
    const [taken] = await tx.query('SELECT 1 FROM users WHERE email = $1', [
      user.email.toLowerCase(),
    ]);
    if (taken) throw new HttpError(409, 'email_taken', `${user.email} already has an account`);
    await write.insert('users', user);
    await tx.query('UPDATE users SET country = $3 WHERE tenant_id = $1 AND id = $2', [
      admin.tenantId,
      user.id,
      request.country,
    ]);
    return createInvite(tx, user, admin.userId, now, services.config.inviteTtlMs);
  });
  return { user, inviteEmail: await sendInvite(services, user, token) };
}

/** A new link for a user who lost or let expire theirs; older links stop working. */
export async function resendInvite(
  services: CloudServices,
  admin: AuthContext,
  userId: string,
): Promise<{ inviteEmail: 'sent' | 'failed' }> {
  const now = services.now();
  const { user, token } = await services.db.transaction(async (tx) => {
    const found = await loadUser(tx, admin.tenantId, userId);
    return {
      user: found,
      token: await createInvite(tx, found, admin.userId, now, services.config.inviteTtlMs),
    };
  });
  return { inviteEmail: await sendInvite(services, user, token) };
}

/** Disabling signs the user out everywhere at once; enabling lets them sign in again. */
export async function setUserDisabled(
  services: CloudServices,
  admin: AuthContext,
  userId: string,
  disabled: boolean,
): Promise<void> {
  if (disabled && userId === admin.userId) {
    throw new HttpError(409, 'invalid_state', 'you cannot disable yourself; ask another admin');
  }
  const now = services.now();
  await services.db.transaction(async (tx) => {
    await loadUser(tx, admin.tenantId, userId);
    await tx.query('UPDATE users SET disabled_at = $3 WHERE tenant_id = $1 AND id = $2', [
      admin.tenantId,
      userId,
      disabled ? now : null,
    ]);
    if (disabled) await revokeSessions(tx, { tenantId: admin.tenantId, userId }, now);
  });
  services.sessions.forgetUser(userId);
}

async function loadUser(tx: Tx, tenantId: string, userId: string): Promise<User> {
  const [found] = await tx.query<{ row: User }>(
    'SELECT row FROM users WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [tenantId, userId],
  );
  if (!found) throw new HttpError(404, 'not_found', `user ${userId} not found`);
  return found.row;
}

async function requireStores(tx: Tx, tenantId: string, storeIds: string[]): Promise<void> {
  const found = await tx.query<{ id: string }>(
    'SELECT id FROM stores WHERE tenant_id = $1 AND id = ANY($2::text[]) AND NOT deleted',
    [tenantId, storeIds],
  );
  const missing = storeIds.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0)
    throw new HttpError(404, 'not_found', `stores not found: ${missing.join(', ')}`);
}
