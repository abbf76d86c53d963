import type { Role, User } from '../../src-shared/domain/user';

/** Who is calling, resolved from the bearer token on every request. */
export interface AuthContext {
  sessionId: string;
  tenantId: string;
  userId: string;
  role: Role;
  storeIds: string[];
  user: User;
}

const ROLE_RANK: Record<Role, number> = { agent: 0, manager: 1, admin: 2 };

/** Roles are nested: a manager may do what an agent may, an admin what a manager may. */
export function hasRole(role: Role, minRole: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minRole];
}

/** Managers and admins work every store of the tenant; agents their member stores. */
export function seesEveryStore(auth: Pick<AuthContext, 'role'>): boolean {
  return hasRole(auth.role, 'manager');
}

export function canSeeStore(
  auth: Pick<AuthContext, 'role' | 'storeIds'>,
  storeId: string,
): boolean {
  return seesEveryStore(auth) || auth.storeIds.includes(storeId);
}
