import type { Db, Tx } from '../db/db';
import type { SyncWriter } from '../sync/writer';
import { writeInTenant } from '../sync/tenant-write';

/** One email's writes, to run inside a tenant's write transaction. */
export type TenantWork<R> = (tx: Tx, write: SyncWriter) => Promise<R>;

interface Pending {
  work: TenantWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Enough to amortise a transaction, few enough that no email waits long behind the others. */
const MAX_BATCH = 25;

/**
 * Group commit for arriving emails. Every write of a tenant takes its clock row's lock (one
 * writer at a time), so emails arriving together would queue for it one transaction each; here
 * the ones waiting are written together in one transaction, one lock and one poke. If that
 * transaction fails, each is retried alone, so one bad email (a lead deleted meanwhile) fails
 * only itself. In-process only: it holds nothing another process needs to know.
 */
export class TenantBatches {
  private readonly queues = new Map<string, Pending[]>();

  constructor(private readonly db: Db) {}

  run<R>(tenantId: string, work: TenantWork<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(tenantId);
      const pending: Pending = { work, resolve: resolve as (value: unknown) => void, reject };
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(tenantId, [pending]);
      void this.drain(tenantId);
    });
  }

  private async drain(tenantId: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(tenantId) ?? [];
      const batch = queue.splice(0, MAX_BATCH);
      if (batch.length === 0) {
        this.queues.delete(tenantId);
        return;
      }
      await this.write(tenantId, batch);
    }
  }

  private async write(tenantId: string, batch: Pending[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await writeInTenant(this.db, tenantId, async (tx, write) => {
          const done: unknown[] = [];
          for (const pending of batch) done.push(await pending.work(tx, write));
          return done;
        });
        batch.forEach((pending, i) => pending.resolve(results[i]));
        return;
      } catch {
        // Rolled back as a whole: each on its own below, so only the culprit fails.
      }
    }
    for (const pending of batch) {
      try {
        pending.resolve(await writeInTenant(this.db, tenantId, pending.work));
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
