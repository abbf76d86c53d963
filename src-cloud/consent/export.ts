import type { Queryable } from '../db/db';
import { csvText } from './csv';

export interface ConsentExportQuery {
  tenantId: string;
  storeIds: readonly string[];
  /** Epoch ms, inclusive; null: from the start. */
  from: number | null;
  /** Epoch ms, exclusive; null: until now. */
  to: number | null;
}

const HEADER = [
  'at (UTC)',
  'store',
  'number',
  'event',
  'how',
  'by',
  'by user id',
  'lead id',
  'source text',
];

/**
 * The consent ledger of some stores as CSV, oldest first: what a manager hands a carrier or a
 * lawyer. Tenant-scoped; names joined from the synced rows (a deleted user keeps their id).
 */
export async function consentCsv(db: Queryable, query: ConsentExportQuery): Promise<string> {
  const rows = await db.query<{
    at: number;
    store_name: string | null;
    phone: string;
    event: string;
    how: string;
    user_name: string | null;
    by_user_id: string | null;
    lead_id: string | null;
    source_text: string;
  }>(
    `SELECT c.at, s.row ->> 'name' AS store_name, c.phone, c.event, c.how,
       u.row ->> 'name' AS user_name, c.by_user_id, c.lead_id, c.source_text
     FROM consent_events c
     LEFT JOIN stores s ON s.tenant_id = c.tenant_id AND s.id = c.store_id
     LEFT JOIN users u ON u.tenant_id = c.tenant_id AND u.id = c.by_user_id
     WHERE c.tenant_id = $1 AND c.store_id = ANY($2::text[])
       AND ($3::bigint IS NULL OR c.at >= $3) AND ($4::bigint IS NULL OR c.at < $4)
     ORDER BY c.seq`,
    [query.tenantId, query.storeIds, query.from, query.to],
  );
  return csvText(
    HEADER,
    rows.map((row) => [
      new Date(Number(row.at)).toISOString(),
      row.store_name,
      row.phone,
      row.event === 'opt_out' ? 'opt-out' : 'opt-in',
      row.how,
      row.user_name ?? (row.by_user_id ? 'deleted user' : row.how),
      row.by_user_id,
      row.lead_id,
      row.source_text,
    ]),
  );
}
