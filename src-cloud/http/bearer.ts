import type { FastifyRequest } from 'fastify';
import type { Role } from '../../src-shared/domain/user';
import { hasRole, type AuthContext } from '../accounts/auth-context';
import { resolveSession } from '../accounts/sessions';
import type { CloudServices } from '../services';
import { HttpError } from './errors';

/** `Authorization: Bearer <token>` -> the caller, checked against the route's role. */
export async function authenticate(
  services: CloudServices,
  request: FastifyRequest,
  minRole: Role,
): Promise<AuthContext> {
  const header = request.headers.authorization;
  if (!header) {
    throw new HttpError(
      401,
      'missing_token',
      'send Authorization: Bearer <token> (from POST /v1/auth/login)',
    );
  }
  const match = /^Bearer ([\w-]{20,200})$/.exec(header);
  if (!match?.[1]) {
    throw new HttpError(401, 'invalid_token', 'the Authorization header must be "Bearer <token>"');
  }
  const auth = await resolveSession(services.db, match[1], services.now(), services.sessions);
  if (!hasRole(auth.role, minRole)) {
    throw new HttpError(
      403,
      'forbidden',
      `this needs the ${minRole} role; you are ${auth.role === 'agent' ? 'an' : 'a'} ${auth.role}`,
    );
  }
  return auth;
}
