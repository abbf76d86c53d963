import type { Db, Tx } from '../db/db';
import type { SyncWriter } from './writer';
import { writeInTenant } from './tenant-write';

/** A write of a tenant's synced rows, as `writeInTenant` runs it; run again if its group fails. */
export type TenantWork<T> = (tx: Tx, write: SyncWriter) => Promise<T>;

interface Waiting {
  work: TenantWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Enough to share the lock and the commit; few enough that nobody waits long behind a group. */
export const MAX_GROUP = 50;

/**
 * Group commit for one process's writes of a tenant (customers' messages arriving by the
 * hundred). A dealer group's writes take turns on its write lock anyway; here they take turns
 * in this process instead of in PostgreSQL, and those that arrive while one transaction runs go
 * together into the next: one BEGIN with the lock, one COMMIT with one poke, for all of them,
 * where each used to pay its own and a queue of connections sat waiting on the lock.
 *
 * Each work is answered only after its group commits. One that throws rolls its group back;
 * then every member runs again in a transaction of its own, so only the one that fails fails,
 * and nothing of the others is lost. Works must therefore write only through `tx` and `write`
 * (anything else they do, like choosing ids, is done again on the second run).
 */
export class GroupedWrites {
  private readonly waiting = new Map<string, Waiting[]>();

  constructor(
    private readonly db: Db,
    private readonly maxGroup = MAX_GROUP,
  ) {}

  write<T>(tenantId: string, work: TenantWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.waiting.get(tenantId);
      const waiting: Waiting = { work, resolve: resolve as (value: unknown) => void, reject };
      if (queue) {
        queue.push(waiting);
        return;
      }
      // No queue: nothing of this tenant runs here now. The queue lives while its writes run.
      this.waiting.set(tenantId, [waiting]);
      void this.drain(tenantId);
    });
  }

  /** Runs the tenant's waiting writes, a group at a time, until none are left. */
  private async drain(tenantId: string): Promise<void> {
    const queue = this.waiting.get(tenantId)!;
    while (queue.length > 0) {
      const group = queue.splice(0, this.maxGroup);
      await (group.length === 1 ? this.alone(tenantId, group[0]!) : this.together(tenantId, group));
    }
    this.waiting.delete(tenantId);
  }

  private async together(tenantId: string, group: Waiting[]): Promise<void> {
    let results: unknown[];
    try {
      results = await writeInTenant(this.db, tenantId, async (tx, write) => {
        const done: unknown[] = [];
        for (const { work } of group) done.push(await work(tx, write));
        return done;
      });
    } catch {
      for (const waiting of group) await this.alone(tenantId, waiting);
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  private async alone(tenantId: string, waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await writeInTenant(this.db, tenantId, waiting.work));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
