import { LoginRequest, LoginResponse } from '../../src-shared/sync/protocol';
import { HttpError } from '../http/errors';
import { publicRoute, signedInRoute } from '../http/route';
import { acceptInvite } from './invites';
import { invitePage } from './invite-page';
import { login } from './login';
import { hashPassword, verifyPassword } from './passwords';
import { AcceptInviteRequest, ChangePasswordRequest, MeResponse, TokenResponse } from './schemas';
import { createSession, revokeSessions } from './sessions';

export const accountRoutes = [
  publicRoute({
    method: 'POST',
    url: '/v1/auth/login',
    summary: 'Sign in with email and password; answers a bearer token. Rate limited.',
    body: LoginRequest,
    response: LoginResponse,
    handle: ({ services, body, ip }) => login(services, body, ip),
  }),

  signedInRoute({
    method: 'POST',
    url: '/v1/auth/logout',
    summary: 'Sign out: this token stops working and its live socket closes.',
    access: 'agent',
    handle: async ({ services, auth }) => {
      await services.db.transaction((tx) =>
        revokeSessions(
          tx,
          { tenantId: auth.tenantId, userId: auth.userId, sessionId: auth.sessionId },
          services.now(),
        ),
      );
      services.sessions.forgetSessions([auth.sessionId]);
    },
  }),

  signedInRoute({
    method: 'POST',
    url: '/v1/auth/password',
    summary: 'Change your password: every session of yours ends; answers a fresh token.',
    access: 'agent',
    body: ChangePasswordRequest,
    response: TokenResponse,
    handle: async ({ services, auth, body }) => {
      const [found] = await services.db.query<{ password_hash: string | null }>(
        'SELECT password_hash FROM users WHERE tenant_id = $1 AND id = $2',
        [auth.tenantId, auth.userId],
      );
      if (
        !found?.password_hash ||
        !(await verifyPassword(body.currentPassword, found.password_hash))
      ) {
        throw new HttpError(403, 'invalid_credentials', 'the current password is wrong');
      }
      const hash = await hashPassword(body.newPassword);
      const now = services.now();
      const token = await services.db.transaction(async (tx) => {
        await tx.query('UPDATE users SET password_hash = $3 WHERE tenant_id = $1 AND id = $2', [
          auth.tenantId,
          auth.userId,
          hash,
        ]);
        await revokeSessions(tx, { tenantId: auth.tenantId, userId: auth.userId }, now);
        return createSession(tx, auth.user, now, services.config.sessionTtlMs);
      });
      services.sessions.forgetUser(auth.userId);
      return { token };
    },
  }),

  signedInRoute({
    method: 'GET',
    url: '/v1/me',
    summary: 'The signed-in user: checks a stored token on start-up.',
    access: 'agent',
    response: MeResponse,
    handle: async ({ auth }) => ({ user: auth.user }),
  }),

  publicRoute({
    method: 'POST',
    url: '/v1/invites/accept',
    summary: 'Set the password with an invite token (single use); answers a bearer token.',
    body: AcceptInviteRequest,
    response: LoginResponse,
    handle: ({ services, body }) => acceptInvite(services, body.token, body.password),
  }),

  publicRoute({
    method: 'GET',
    url: '/invite',
    summary: 'The page an invite link opens: a form to set the password.',
    status: 200,
    handle: async ({ reply }) => reply.type('text/html; charset=utf-8').send(invitePage()),
  }),
];
