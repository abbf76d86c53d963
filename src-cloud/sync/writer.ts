import { SYNC_TABLES, type SyncRow, type SyncTable } from '../../src-shared/sync/changes';
import type { Tx } from '../db/db';
import { moveLeadThread } from './lead-move';
import { scopeOf } from './scope';

/**
 * The only way rows of the synced tables are written. Each write takes the next value of the
 * tenant's clock (db/migrations/0001-sync-tables.sql), so a pull `since` an older version
 * carries it, and the commit pokes the tenant's desktops. Every row is checked against its
 * SYNC_TABLES schema first: the cloud never stores a row a replica would refuse.
 */
export interface SyncWriter {
  /** False when a row with this id already exists (a client-minted id used twice). */
  insert<T extends SyncTable>(table: T, row: SyncRow<T>): Promise<boolean>;
  update<T extends SyncTable>(table: T, row: SyncRow<T>): Promise<void>;
  /**
   * Several inserts and updates in one statement, one round trip, each with its own version in
   * the order given (a customer's message: its lead, conversation and message). A row of a
   * lead's thread takes the store of that lead when the lead is among them. Each row at most
   * once; an insert whose id exists, or an update of a row that does not, throws.
   */
  putAll(puts: readonly Put[]): Promise<void>;
  /** Leaves a tombstone, so replicas delete the row on their next pull. */
  remove(table: SyncTable, id: string): Promise<void>;
  /** True once anything was written: the commit must poke. */
  readonly wrote: boolean;
}

/**
 * A lead's thread rows take the lead's store; other rows bring theirs (or null: everyone). Two
 * spellings, so that a statement's plan never hangs on whether $3 is null: with one COALESCE,
 * PostgreSQL re-planned every write to fold away the branch that value made dead.
 */
const storeOf = (known: boolean) =>
  known
    ? `$3::text`
    : // $3 (null here) is still named: PostgreSQL refuses a parameter a statement never uses.
      `(SELECT l.store_id FROM leads l WHERE l.tenant_id = $1 AND l.id = $5::text AND $3::text IS NULL)`;
const TICK = `UPDATE tenants SET clock = clock + 1 WHERE id = $1 RETURNING clock`;

/**
 * When a row changes store, the store it leaves is remembered, so that store's agents pull a
 * delete for it; a row moving back to a store it once left is simply visible there again.
 */
const formerStores = (store: string) => `array_remove(
  CASE WHEN t.store_id IS NOT NULL AND t.store_id IS DISTINCT FROM ${store}
        AND NOT t.store_id = ANY(t.former_store_ids)
       THEN array_append(t.former_store_ids, t.store_id) ELSE t.former_store_ids END,
  ${store})`;

const insertSql = (table: SyncTable, storeKnown: boolean) =>
  `WITH tick AS (${TICK})
   INSERT INTO ${table} (tenant_id, id, version, store_id, owner_user_id, lead_id, row)
   SELECT $1, $2, tick.clock, ${storeOf(storeKnown)}, $4, $5, $6::jsonb FROM tick
   ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`;

const updateSql = (table: SyncTable, storeKnown: boolean) =>
  `WITH tick AS (${TICK})
   UPDATE ${table} t SET version = tick.clock, row = $6::jsonb, deleted = false,
     store_id = ${storeOf(storeKnown)}, owner_user_id = $4, lead_id = $5,
     former_store_ids = ${formerStores(storeOf(storeKnown))}
   FROM tick WHERE t.tenant_id = $1 AND t.id = $2
   RETURNING t.id, t.store_id AS store_id,
     (SELECT o.store_id FROM ${table} o WHERE o.tenant_id = $1 AND o.id = $2) AS old_store_id`;

/** One row for `putAll`: inserted (new) or updated (existing). */
export type Put = {
  [T in Exclude<SyncTable, 'tenants'>]: { op: 'insert' | 'update'; table: T; row: SyncRow<T> };
}[Exclude<SyncTable, 'tenants'>];

/**
 * `putAll`'s statement: the clock moves by the number of rows at once (a statement may change
 * the tenant's row only once), each row takes base + its place, and each answers whether it was
 * written and, for an update, whether its store changed. A store to look up reads the lead as it
 * was before the statement: `putAll` names the store itself when the lead is in the same batch.
 */
function putAllSql(shape: readonly { op: Put['op']; table: SyncTable; storeKnown: boolean }[]) {
  const writes = shape.map(({ op, table, storeKnown }, i) => {
    const at = 2 + i * 5; // $1 is the tenant; then id, store, owner, lead and row of each
    const [id, owner, lead, row] = [`$${at}`, `$${at + 2}`, `$${at + 3}`, `$${at + 4}::jsonb`];
    const store = storeKnown
      ? `$${at + 1}::text`
      : `(SELECT l.store_id FROM leads l WHERE l.tenant_id = $1 AND l.id = ${lead}::text
           AND $${at + 1}::text IS NULL)`;
    const version = `tick.base + ${i + 1}`;
    return op === 'insert'
      ? `w${i} AS (INSERT INTO ${table} (tenant_id, id, version, store_id, owner_user_id, lead_id, row)
           SELECT $1, ${id}, ${version}, ${store}, ${owner}, ${lead}, ${row} FROM tick
           ON CONFLICT (tenant_id, id) DO NOTHING RETURNING false AS moved)`
      : `w${i} AS (UPDATE ${table} t SET version = ${version}, row = ${row}, deleted = false,
           store_id = ${store}, owner_user_id = ${owner}, lead_id = ${lead},
           former_store_ids = ${formerStores(store)}
           FROM tick WHERE t.tenant_id = $1 AND t.id = ${id}
           RETURNING t.store_id IS DISTINCT FROM
             (SELECT o.store_id FROM ${table} o WHERE o.tenant_id = $1 AND o.id = ${id}) AS moved)`;
  });
  const answers = shape.map((_, i) => `(SELECT json_agg(moved) FROM w${i}) AS w${i}`);
  return `WITH tick AS (UPDATE tenants SET clock = clock + ${shape.length} WHERE id = $1
             RETURNING clock - ${shape.length} AS base),
    ${writes.join(',\n    ')}
    SELECT ${answers.join(', ')}`;
}

export function syncWriter(tx: Tx, tenantId: string): SyncWriter {
  let wrote = false;
  const params = <T extends SyncTable>(table: T, row: SyncRow<T>) => {
    const checked = SYNC_TABLES[table].parse(row) as SyncRow<T>;
    const scope = scopeOf(table, checked);
    return [
      tenantId,
      checked.id,
      scope.storeId,
      scope.ownerUserId,
      scope.leadId,
      JSON.stringify(checked),
    ];
  };
  return {
    get wrote() {
      return wrote;
    },
    async insert(table, row) {
      if (table === 'tenants') throw new Error('tenants are created by createTenant');
      const values = params(table, row);
      const inserted = await tx.query(insertSql(table, values[2] !== null), values);
      wrote ||= inserted.length > 0;
      return inserted.length > 0;
    },
    async update(table, row) {
      const values = params(table, row);
      const updated =
        table === 'tenants'
          ? await tx.query(
              `UPDATE tenants SET clock = clock + 1, version = clock + 1, row = $2::jsonb
               WHERE id = $1 RETURNING id, NULL AS store_id, NULL AS old_store_id`,
              [tenantId, values[5]],
            )
          : await tx.query(updateSql(table, values[2] !== null), values);
      const [moved] = updated as { store_id: string | null; old_store_id: string | null }[];
      if (!moved) throw new Error(`${table} ${row.id} does not exist in this tenant`);
      wrote = true;
      if (table === 'leads' && moved.store_id !== moved.old_store_id) {
        await moveLeadThread(tx, tenantId, row.id);
      }
    },
    async putAll(puts) {
      if (puts.length === 0) return;
      const seen = new Set(puts.map((put) => `${put.table} ${put.row.id}`));
      if (seen.size < puts.length) throw new Error('putAll writes each row at most once');
      const leadStores = new Map(
        puts.flatMap((put) => (put.table === 'leads' ? [[put.row.id, put.row.storeId]] : [])),
      );
      const values: unknown[] = [tenantId];
      const shape = puts.map(({ op, table, row }) => {
        const [, id, store, owner, lead, json] = params(table, row);
        const known = store ?? (lead !== null ? (leadStores.get(lead as string) ?? null) : null);
        values.push(id, known, owner, lead, json);
        return { op, table, storeKnown: known !== null };
      });
      const [answer] = await tx.query<Record<string, boolean[] | null>>(putAllSql(shape), values);
      for (const [i, { op, table, row }] of puts.entries()) {
        const [moved] = answer?.[`w${i}`] ?? [];
        if (moved === undefined) {
          throw new Error(
            op === 'insert'
              ? `${table} ${row.id} already exists`
              : `${table} ${row.id} does not exist in this tenant`,
          );
        }
        if (table === 'leads' && moved) await moveLeadThread(tx, tenantId, row.id);
      }
      wrote = true;
    },
    async remove(table, id) {
      await tx.query(
        `WITH tick AS (${TICK})
         UPDATE ${table} t SET version = tick.clock, deleted = true, row = NULL
         FROM tick WHERE t.tenant_id = $1 AND t.id = $2`,
        [tenantId, id],
      );
      wrote = true;
    },
  };
}
