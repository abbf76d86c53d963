import type { Db, Tx } from '../db/db';
import { BUS_CHANNEL } from '../live/bus';
import { syncWriter, type SyncWriter } from './writer';

/**
 * Takes the tenant's clock row for the rest of the transaction: the per-tenant write lock.
 * Every transaction that writes synced rows takes it first, so versions commit in order.
 */
export async function lockTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.query('SELECT clock FROM tenants WHERE id = $1 FOR UPDATE', [tenantId]);
}

/** Queues the poke that goes out to every process's live sockets when this transaction commits. */
export async function pokeOnCommit(tx: Tx, tenantId: string): Promise<void> {
  // One round trip: the clock is read by the statement that queues the notification (a
  // BusEvent 'poke' with the clock as its version).
  await tx.query(
    `SELECT pg_notify($1, json_build_object(
       'type', 'poke', 'tenantId', id, 'version', clock)::text)
     FROM tenants WHERE id = $2`,
    [BUS_CHANNEL, tenantId],
  );
}

/** Ids made of these only are safe as SQL literals (tenant ids are UUIDs). */
const LITERAL_SAFE_ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * One transaction writing synced rows of a tenant, outside the mutation path (admin routes, a
 * customer's message). The lock travels with BEGIN and the poke with COMMIT: every round trip
 * made while holding the tenant's lock is one the tenant's other writes wait for.
 */
export function writeInTenant<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx, write: SyncWriter) => Promise<T>,
): Promise<T> {
  if (!LITERAL_SAFE_ID.test(tenantId)) return writeInTenantSlowly(db, tenantId, work);
  const id = `'${tenantId}'`;
  let wrote = false;
  return db.transaction(
    async (tx) => {
      const write = syncWriter(tx, tenantId);
      const result = await work(tx, write);
      wrote = write.wrote;
      return result;
    },
    {
      begin: `SELECT clock FROM tenants WHERE id = ${id} FOR UPDATE`,
      // As pokeOnCommit: the clock is read by the statement that queues the notification.
      beforeCommit: () =>
        wrote
          ? `SELECT pg_notify('${BUS_CHANNEL}', json_build_object(
               'type', 'poke', 'tenantId', id, 'version', clock)::text)
             FROM tenants WHERE id = ${id}`
          : null,
    },
  );
}

function writeInTenantSlowly<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx, write: SyncWriter) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const write = syncWriter(tx, tenantId);
    const result = await work(tx, write);
    if (write.wrote) await pokeOnCommit(tx, tenantId);
    return result;
  });
}
