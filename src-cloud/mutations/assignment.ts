import type { Lead } from '../../src-shared/domain/lead';
import type { User } from '../../src-shared/domain/user';
import { hasRole } from '../accounts/auth-context';
import type { MutationContext } from './context';
import { reject } from './rejection';

/**
 * Who may give a lead to whom. Managers reassign freely; an agent may take an unassigned lead
 * or let go of their own, nothing else. The new assignee must be an active user who works the
 * lead's store, or they could not even see it. Returns the new assignee (null: unassigned).
 */
export async function checkAssignment(
  ctx: MutationContext,
  lead: Lead,
  assigneeId: string | null,
): Promise<User | null> {
  const me = ctx.auth.userId;
  if (!hasRole(ctx.auth.role, 'manager')) {
    const takesUnassigned = lead.assignedUserId === null && assigneeId === me;
    const releasesOwn = lead.assignedUserId === me && assigneeId === null;
    if (!takesUnassigned && !releasesOwn) {
      reject(
        'forbidden',
        'only a manager can reassign a lead; an agent can take an unassigned one',
      );
    }
  }
  if (assigneeId === null) return null;
  const [found] = await ctx.tx.query<{ row: User; disabled_at: number | null }>(
    `SELECT row, disabled_at FROM users WHERE tenant_id = $1 AND id = $2 AND NOT deleted`,
    [ctx.auth.tenantId, assigneeId],
  );
  if (!found) reject('not_found', `user ${assigneeId} not found`);
  const assignee = found.row;
  if (found.disabled_at !== null) reject('invalid_state', `${assignee.name} is disabled`);
  if (!hasRole(assignee.role, 'manager') && !assignee.storeIds.includes(lead.storeId)) {
    reject('not_member', `${assignee.name} does not work at this lead's store`);
  }
  return assignee;
}
