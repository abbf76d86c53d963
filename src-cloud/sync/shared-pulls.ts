import type { AuthContext } from '../accounts/auth-context';
import type { Queryable } from '../db/db';
import { pull, type PullPage } from './pull';
import { pageFromTail, readTail } from './tail-pull';

export type Caller = Pick<AuthContext, 'tenantId' | 'userId' | 'role' | 'storeIds'>;

interface Member {
  caller: Caller;
  resolve(page: PullPage): void;
  reject(error: unknown): void;
}

/**
 * One (tenant, since, limit), present from its first caller until its last batch is answered.
 * `waiting` is the batch not started yet: whoever arrives joins it, whether or not the previous
 * batch's query is still running.
 */
interface Key {
  waiting: Member[];
}

/**
 * Pulls of one tenant from the same `since` share one query. After a poke, every desktop of a
 * dealer group asks for the same tail within a few milliseconds; answering each with its own
 * PULL_SQL kept the pool busy writing the same query hundreds of times.
 *
 * A batch never joins a query already running: a desktop pulls because it heard of version V,
 * and a snapshot taken before V committed would leave it stale until the next poke. So callers
 * wait in an open batch; its query starts once they are all in (the next turn of the event
 * loop gathers those that arrive together; starting the first at once measured no better);
 * callers arriving while it runs form the next batch, which starts when it finishes. Nothing is
 * kept once a batch is answered.
 *
 * A tail longer than one page (a desktop catching up) is not shared: each caller pulls on its
 * own, as `pull()` pages it.
 */
export class SharedPulls {
  private readonly keys = new Map<string, Key>();

  constructor(private readonly db: Queryable) {}

  /** What `pull(db, caller, since, limit)` would answer, from a snapshot taken after this call. */
  pull(caller: Caller, since: number, limit: number): Promise<PullPage> {
    const id = JSON.stringify([caller.tenantId, since, limit]);
    return new Promise<PullPage>((resolve, reject) => {
      let key = this.keys.get(id);
      if (!key) {
        this.keys.set(id, (key = { waiting: [] }));
        this.startSoon(id, key, caller.tenantId, since, limit);
      }
      key.waiting.push({ caller, resolve, reject });
    });
  }

  /** How many tails are being gathered or read (0 when idle: nothing is kept). */
  get size(): number {
    return this.keys.size;
  }

  private startSoon(id: string, key: Key, tenantId: string, since: number, limit: number): void {
    setImmediate(() => void this.run(id, key, tenantId, since, limit));
  }

  private async run(id: string, key: Key, tenantId: string, since: number, limit: number) {
    const batch = key.waiting;
    key.waiting = [];
    try {
      const tail = await readTail(this.db, tenantId, since, limit);
      for (const member of batch) {
        try {
          const page = pageFromTail(tail, member.caller, since, limit);
          if (page) member.resolve(page);
          else pull(this.db, member.caller, since, limit).then(member.resolve, member.reject);
        } catch (error) {
          member.reject(error);
        }
      }
    } catch (error) {
      for (const member of batch) member.reject(error);
    } finally {
      if (key.waiting.length > 0) this.startSoon(id, key, tenantId, since, limit);
      else this.keys.delete(id);
    }
  }
}
