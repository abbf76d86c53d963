import type { Role } from '../../src-shared/domain/user';

/** The Agents panel is for those who run a floor: managers and admins (DESIGN §6). */
export function canSeeAgents(role: Role | undefined): boolean {
  switch (role) {
    case 'manager':
    case 'admin':
      return true;
    case 'agent':
    case undefined:
      return false;
  }
}
