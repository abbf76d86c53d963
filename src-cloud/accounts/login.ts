import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { User } from '../../src-shared/domain/user';
import type { LoginRequest } from '../../src-shared/sync/protocol';
import type { z } from 'zod';
import { HttpError } from '../http/errors';
import type { CloudServices } from '../services';
import { dummyHash, verifyPassword } from './passwords';
import { checkAttempts, countAttempt } from './rate-limit';
import { createSession } from './sessions';

/** Marks the demo users' password_hash: their shared password works only in demo mode. */
export const DEMO_PASSWORD_HASH = 'demo';

const WRONG = () => new HttpError(401, 'invalid_credentials', 'wrong email or password');

/**
 * POST /v1/auth/login. Rate limited per address (every attempt) and per email (failures); an
 * unknown email costs the same time as a wrong password, and both get the same answer.
 */
export async function login(
  services: CloudServices,
  request: z.infer<typeof LoginRequest>,
  ip: string,
): Promise<{ token: string; user: User }> {
  const { db, config } = services;
  const email = request.email.toLowerCase();
  const now = services.now();
  await countAttempt(db, `ip:${ip}`, config.loginLimit.perAddress, now);
  await checkAttempts(db, `email:${email}`, config.loginLimit.perEmail, now);

  const [found] = await db.query<{
    row: User;
    password_hash: string | null;
    disabled_at: number | null;
  }>('SELECT row, password_hash, disabled_at FROM users WHERE email = $1 AND NOT deleted', [email]);
  const stored = found?.password_hash ?? null;
  const matches =
    stored === DEMO_PASSWORD_HASH
      ? config.demo && request.password === DEMO_PASSWORD
      : await verifyPassword(request.password, stored ?? (await dummyHash()));
  if (!found || !matches) {
    await countAttempt(db, `email:${email}`, config.loginLimit.perEmail, now);
    throw WRONG();
  }
  if (found.disabled_at !== null) {
    throw new HttpError(403, 'user_disabled', 'this user was disabled by an admin');
  }
  const token = await createSession(db, found.row, now, config.sessionTtlMs);
  return { token, user: found.row };
}
