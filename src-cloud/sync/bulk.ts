import type { Tenant } from '../../src-shared/domain/tenant';
import type { SyncRow, SyncTable } from '../../src-shared/sync/changes';
import type { Tx } from '../db/db';
import { scopeOf } from './scope';

/**
 * Loading many rows at once (the demo dealer group, test fixtures): one statement per batch,
 * each row stamped with its own tenant version like the writer does one by one. Rows are
 * upserted, and are trusted to match their schema (the demo generator's tests check that).
 * Rows of a lead's thread look their store up from the lead, so leads go in an earlier batch.
 */
export async function putRows<T extends SyncTable>(
  tx: Tx,
  tenantId: string,
  table: Exclude<T, 'tenants'>,
  rows: readonly SyncRow<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const items = rows.map((row) => ({ ...scopeOf(table, row), row }));
  await tx.query(
    `WITH input AS (
       SELECT value AS item, ordinality AS n, count(*) OVER () AS total
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY),
     tick AS (
       UPDATE tenants SET clock = clock + (SELECT count(*) FROM input) WHERE id = $1
       RETURNING clock)
     INSERT INTO ${table} (tenant_id, id, version, store_id, owner_user_id, lead_id, row)
     SELECT $1, item -> 'row' ->> 'id', tick.clock - input.total + input.n,
       COALESCE(item ->> 'storeId',
         (SELECT l.store_id FROM leads l WHERE l.tenant_id = $1 AND l.id = item ->> 'leadId')),
       item ->> 'ownerUserId', item ->> 'leadId', item -> 'row'
     FROM input, tick
     ON CONFLICT (tenant_id, id) DO UPDATE SET version = EXCLUDED.version, row = EXCLUDED.row,
       deleted = false, store_id = EXCLUDED.store_id, owner_user_id = EXCLUDED.owner_user_id,
       lead_id = EXCLUDED.lead_id`,
    [tenantId, JSON.stringify(items)],
  );
}

/** A tenant row also holds the tenant's clock; creating it starts the clock at 1. */
export async function putTenant(tx: Tx, tenant: Tenant): Promise<void> {
  await tx.query(
    `INSERT INTO tenants (tenant_id, id, version, row, clock) VALUES ($1, $1, 1, $2::jsonb, 1)
     ON CONFLICT (tenant_id, id) DO UPDATE
       SET row = EXCLUDED.row, clock = tenants.clock + 1, version = tenants.clock + 1`,
    [tenant.id, JSON.stringify(tenant)],
  );
}
