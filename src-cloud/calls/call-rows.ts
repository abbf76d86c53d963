import type { Queryable } from '../db/db';

/** One row of the call log (db/migrations/0010-calls.sql). */
export interface CallRow {
  id: string;
  tenantId: string;
  storeId: string;
  leadId: string | null;
  agentUserId: string | null;
  direction: 'outbound' | 'inbound';
  callSid: string | null;
  customerNumber: string;
  storeNumber: string;
  viaNumber: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  firstStatus: string;
  firstDuration: number | null;
  dialledStatus: string | null;
  dialledDuration: number | null;
  outcome: string | null;
  durationSeconds: number | null;
  eventId: string;
  eventWritten: boolean;
  error: string | null;
}

const COLUMNS: Record<keyof CallRow, string> = {
  id: 'id',
  tenantId: 'tenant_id',
  storeId: 'store_id',
  leadId: 'lead_id',
  agentUserId: 'agent_user_id',
  direction: 'direction',
  callSid: 'call_sid',
  customerNumber: 'customer_number',
  storeNumber: 'store_number',
  viaNumber: 'via_number',
  startedAt: 'started_at',
  answeredAt: 'answered_at',
  endedAt: 'ended_at',
  firstStatus: 'first_status',
  firstDuration: 'first_duration',
  dialledStatus: 'dialled_status',
  dialledDuration: 'dialled_duration',
  outcome: 'outcome',
  durationSeconds: 'duration_seconds',
  eventId: 'event_id',
  eventWritten: 'event_written',
  error: 'error',
};
const KEYS = Object.keys(COLUMNS) as (keyof CallRow)[];
const SELECT = KEYS.map((key) => `${COLUMNS[key]} AS "${key}"`).join(', ');
/** Both database adapters read bigint columns as numbers (db/postgres.ts, db/pglite.ts). */
const fromDb = (row: Record<string, unknown>) => row as unknown as CallRow;

/** Inserts a call; false when the tenant already has one with this CallSid (a replayed webhook). */
export async function insertCall(db: Queryable, call: CallRow): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO calls (${KEYS.map((key) => COLUMNS[key]).join(', ')})
     VALUES (${KEYS.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT DO NOTHING RETURNING id`,
    KEYS.map((key) => call[key]),
  );
  return inserted.length > 0;
}

/** The tenant's call, locked for the rest of the transaction when `forUpdate`. */
export async function loadCall(
  db: Queryable,
  tenantId: string,
  callId: string,
  forUpdate = false,
): Promise<CallRow | null> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT ${SELECT} FROM calls WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, callId],
  );
  return row ? fromDb(row) : null;
}

export async function callBySid(
  db: Queryable,
  tenantId: string,
  callSid: string,
): Promise<CallRow | null> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT ${SELECT} FROM calls WHERE tenant_id = $1 AND call_sid = $2`,
    [tenantId, callSid],
  );
  return row ? fromDb(row) : null;
}

/** Writes the fields given of the tenant's call. */
export async function updateCall(
  db: Queryable,
  call: Pick<CallRow, 'tenantId' | 'id'>,
  changes: Partial<Omit<CallRow, 'id' | 'tenantId'>>,
): Promise<void> {
  const keys = Object.keys(changes) as (keyof typeof changes)[];
  if (keys.length === 0) return;
  await db.query(
    `UPDATE calls SET ${keys.map((key, i) => `${COLUMNS[key]} = $${i + 3}`).join(', ')}
     WHERE tenant_id = $1 AND id = $2`,
    [call.tenantId, call.id, ...keys.map((key) => changes[key])],
  );
}

/**
 * Whose call this is, for the webhooks that name a call in their address: the tenant whose
 * Twilio account must have signed them. Looked up by the call's unguessable id alone, since
 * the tenant is what it finds; everything after is scoped by that tenant.
 */
export async function tenantOfCall(db: Queryable, callId: string): Promise<string | null> {
  const [row] = await db.query<{ tenant_id: string }>('SELECT tenant_id FROM calls WHERE id = $1', [
    callId,
  ]);
  return row?.tenant_id ?? null;
}
