import type {
  AppointmentDay,
  AppointmentDayRow,
} from '../../../src-shared/console-api/appointment-views';
import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
} from '../../../src-shared/domain/appointment';
import { storeDayBounds } from '../../../src-shared/domain/store-day';
import type { Store } from '../../../src-shared/domain/tenant';
import type { Statements } from '../statements';

/**
 * A store's appointments on one of its days (the Appointments page). The table keeps the store
 * only in the row's JSON, so the instants narrow first and the store is read from what is left.
 * Null when the store is not in the replica.
 */
export function appointmentsOfDay(
  statements: Statements,
  storeId: string,
  day: string,
): AppointmentDay | null {
  const storeDoc = statements.get('SELECT doc FROM stores WHERE id = ?').pluck().get(storeId);
  if (typeof storeDoc !== 'string') return null;
  const timeZone = knownZone((JSON.parse(storeDoc) as Store).timeZone);
  const { start, end } = storeDayBounds(day, timeZone);
  const found = statements
    .get(
      `SELECT a.doc AS doc, l.name AS leadName
       FROM appointments a LEFT JOIN leads l ON l.n = a.lead_n
       WHERE a.starts_at >= ? AND a.starts_at < ? AND json_extract(a.doc, '$.storeId') = ?
       ORDER BY a.starts_at, a.id`,
    )
    .all(start, end, storeId) as { doc: string; leadName: string | null }[];
  return { storeId, day, timeZone, start, end, rows: found.map(toRow) };
}

/** Times of a store saved with a zone this runtime lacks read in UTC, as formatStoreTime does. */
function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function toRow({ doc, leadName }: { doc: string; leadName: string | null }): AppointmentDayRow {
  // Read field by field: newer clients add fields (vehicle, note) that older rows lack.
  const row = JSON.parse(doc) as Record<string, unknown>;
  return {
    id: String(row.id),
    leadId: String(row.leadId),
    leadName: leadName ?? 'Unknown',
    startsAt: Number(row.startsAt),
    status: readStatus(row.status),
    vehicle: describeVehicle(row.vehicle),
    note: typeof row.note === 'string' && row.note.trim() !== '' ? row.note : null,
  };
}

function readStatus(value: unknown): AppointmentStatus {
  return APPOINTMENT_STATUSES.find((status) => status === value) ?? 'booked';
}

/** A vehicle as text or as {year, make, model, trim}; anything else is no vehicle. */
export function describeVehicle(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const text = [v.year, v.make, v.model, v.trim]
    .filter((part) => (typeof part === 'string' && part.trim() !== '') || typeof part === 'number')
    .join(' ');
  return text || null;
}
