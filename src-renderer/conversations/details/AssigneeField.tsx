import { useId } from 'react';
import { leadDisplayName, type Lead } from '../../../src-shared/domain/lead';
import { ROLES, type User } from '../../../src-shared/domain/user';
import { useDirectory } from '../../directory/directory-store';
import { updateLead } from './update-lead';

const UNASSIGNED = '';
const isManager = (user: Pick<User, 'role'>) =>
  ROLES.indexOf(user.role) >= ROLES.indexOf('manager');

/**
 * Who the lead is assigned to. A manager may give it to anyone who works the store; an agent
 * may take an unassigned lead or let go of their own (the cloud's rule, offered here first).
 */
export function AssigneeField({ lead }: { lead: Lead }) {
  const me = useDirectory((s) => s.directory?.me ?? null);
  const users = useDirectory((s) => s.directory?.users ?? []);
  const selectId = useId();
  if (!me) return null;
  const worksStore = (user: User) => isManager(user) || user.storeIds.includes(lead.storeId);
  const current = lead.assignedUserId;
  const choices = isManager(me)
    ? users.filter((user) => worksStore(user) || user.id === current)
    : users.filter((user) => user.id === current || (current === null && user.id === me.id));
  const mayUnassign = isManager(me) || current === null || current === me.id;

  return (
    <div className="details-row">
      <label className="details-key" htmlFor={selectId}>
        Assigned
      </label>
      <select
        id={selectId}
        data-testid="details-assignee"
        value={current ?? UNASSIGNED}
        onChange={(event) => {
          const assignedUserId = event.target.value || null;
          void updateLead(
            { id: lead.id, name: leadDisplayName(lead) },
            { assignedUserId },
            'the assignment',
          );
        }}
      >
        {mayUnassign && <option value={UNASSIGNED}>Unassigned</option>}
        {choices.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
    </div>
  );
}
