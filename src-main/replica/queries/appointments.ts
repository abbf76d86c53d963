import type {
  AppointmentDay,
  AppointmentDayRow,
} from '../../../src-shared/console-api/appointment-views';
import type { Appointment } from '../../../src-shared/domain/appointment';
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
  // A row synced before vehicle and note existed lacks them (undefined): none.
  const appointment = JSON.parse(doc) as Appointment;
  return {
    id: appointment.id,
    leadId: appointment.leadId,
    leadName: leadName ?? 'Unknown',
    startsAt: appointment.startsAt,
    status: appointment.status,
    vehicle: appointment.vehicle || null,
    note: appointment.note || null,
  };
}
