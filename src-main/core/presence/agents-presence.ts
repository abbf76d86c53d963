import { fail, ok, type ApiResult, type User, type UserPresence } from '../../../src-shared';
import type { EventHub } from '../events';

/**
 * The Agents panel's data (DESIGN §6): every user's presence as the cloud last said it on the
 * live socket (a snapshot on connect, then one frame per change). Held in memory only; gone when
 * the session ends.
 */
export class AgentsPresence {
  private readonly users = new Map<string, UserPresence>();

  constructor(
    private readonly emit: EventHub['emit'],
    /** The signed-in user. */
    private readonly me: () => User | null,
  ) {}

  /** Managers and admins only. */
  list(): ApiResult<UserPresence[]> {
    const me = this.me();
    if (!me) return fail('not_signed_in', 'Sign in to see the Agents panel.');
    if (me.role === 'agent') return fail('forbidden', 'Only managers see the Agents panel.');
    return ok(this.all());
  }

  snapshot(users: UserPresence[]): void {
    this.users.clear();
    for (const user of users) this.users.set(user.userId, user);
    this.changed();
  }

  update(user: UserPresence): void {
    this.users.set(user.userId, user);
    this.changed();
  }

  /** The session ended: nothing here is true any more. */
  clear(): void {
    if (this.users.size === 0) return;
    this.users.clear();
    this.changed();
  }

  private all(): UserPresence[] {
    return [...this.users.values()];
  }

  private changed(): void {
    // Agents never see the panel, so their renderer is not told either.
    if (this.me()?.role === 'agent') return;
    this.emit('agentsPresenceChanged', this.all());
  }
}
