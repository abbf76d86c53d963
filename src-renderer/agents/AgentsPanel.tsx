import { useEffect, useRef } from 'react';
import { PRESENCE_STATES, type PresenceState } from '../../src-shared/presence/presence';
import { useScreen } from '../app/screen-store';
import { useDirectory } from '../directory/directory-store';
import { formatWaited } from '../lib/time';
import { useNow } from '../lib/use-now';
import { describePresence } from '../presence/describe-presence';
import { useAgentsPresence } from './agents-store';
import { canSeeAgents } from './can-see-agents';

const ROLE_LABELS = { agent: 'Agent', manager: 'Manager', admin: 'Admin' } as const;
const STATE_LABELS: Record<PresenceState, string> = {
  online: 'online',
  away: 'away',
  extended_away: 'extended away',
  offline: 'offline',
};

/**
 * Every user of the dealer group with their presence and its reason, live (DESIGN §6): who is
 * at a desk to take the next lead. Rows stay in name order so nobody jumps while read.
 */
export function AgentsPanel() {
  const directory = useDirectory((s) => s.directory);
  const storesById = useDirectory((s) => s.storesById);
  const byUserId = useAgentsPresence((s) => s.byUserId);
  const loaded = useAgentsPresence((s) => s.loaded);
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  const allowed = canSeeAgents(directory?.me.role);

  useEffect(() => {
    heading.current?.focus();
    if (allowed) void useAgentsPresence.getState().load();
  }, [allowed]);

  const users = [...(directory?.users ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const counts = new Map<PresenceState, number>();
  for (const user of users) {
    const state = describePresence(byUserId.get(user.id) ?? null).state;
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const summary = PRESENCE_STATES.filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${STATE_LABELS[s]}`)
    .join(' · ');

  return (
    <main
      className="agents-panel"
      data-testid="agents-panel"
      data-loaded={loaded}
      aria-labelledby="agents-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') useScreen.getState().back();
      }}
    >
      <div className="screen-head">
        <h1 id="agents-title" ref={heading} tabIndex={-1}>
          Agents
        </h1>
        <button
          type="button"
          className="button-quiet screen-close"
          data-testid="agents-close"
          onClick={() => useScreen.getState().back()}
        >
          Back to console
        </button>
      </div>
      {!allowed ? (
        <p className="form-error" role="alert">
          Only managers and admins can see the Agents panel.
        </p>
      ) : (
        <>
          <p className="screen-intro" aria-live="polite">
            {summary || 'Nobody to show yet.'}
          </p>
          <table className="agents-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Stores</th>
                <th scope="col">Status</th>
                <th scope="col">For</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const presence = byUserId.get(user.id) ?? null;
                const words = describePresence(presence);
                const stores = user.storeIds
                  .map((id) => storesById.get(id)?.name)
                  .filter(Boolean)
                  .join(', ');
                return (
                  <tr key={user.id} data-testid="agent-row" data-user-id={user.id}>
                    <th scope="row" className="agents-name">
                      {user.name}
                    </th>
                    <td>{ROLE_LABELS[user.role]}</td>
                    <td className="agents-stores">{stores || '—'}</td>
                    <td
                      className={`agents-presence presence-${words.state}`}
                      data-testid="agent-presence"
                      data-state={words.state}
                      data-reason={presence?.reason}
                    >
                      <span className="presence-dot" aria-hidden />
                      {words.label}
                    </td>
                    <td className="agents-since">
                      {/* The cloud says since 0 for a user no device ever reported: no duration. */}
                      {presence && presence.since > 0 ? formatWaited(presence.since, now) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
