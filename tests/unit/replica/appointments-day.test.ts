import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankLead, type Appointment, type Lead, type SyncChange } from '../../../src-shared';
import { instantOfWallTime } from '../../../src-shared/domain/zoned-time';
import type { Replica } from '../../../src-main/replica/replica';
import { mustOpen, tempDir } from './temp';
import { catalogChanges, STORES, TENANT } from './world-catalog';

/** catalogChanges puts every store in America/Denver. */
const DENVER = STORES[0]!;
const OTHER_STORE = STORES[1]!;

function lead(id: string, storeId: string, firstName: string): Lead {
  return {
    ...blankLead({ id, tenantId: TENANT, storeId, source: 'Text' }, 1),
    firstName,
    lastName: 'Lopez',
  };
}

function appointment(id: string, leadId: string, storeId: string, startsAt: number): Appointment {
  return {
    id,
    tenantId: TENANT,
    leadId,
    storeId,
    startsAt,
    status: 'booked',
    createdByUserId: null,
    createdAt: 1,
    vehicle: null,
    note: null,
  };
}

function denver(date: string, time: string): number {
  const at = instantOfWallTime({ date, time }, 'America/Denver');
  if (!at.ok) throw new Error(at.reason);
  return at.instant;
}

let temp: ReturnType<typeof tempDir>;
let replica: Replica;
beforeEach(() => {
  temp = tempDir();
  replica = mustOpen(temp.file());
  replica.applyChanges([
    ...catalogChanges(),
    { table: 'leads', op: 'upsert', row: lead('lead-ana', DENVER, 'Ana') },
    { table: 'leads', op: 'upsert', row: lead('lead-bo', DENVER, 'Bo') },
    { table: 'leads', op: 'upsert', row: lead('lead-cy', OTHER_STORE, 'Cy') },
  ]);
});
afterEach(() => {
  replica.close();
  temp.cleanup();
});

function put(...rows: Appointment[]): void {
  replica.applyChanges(
    rows.map((row): SyncChange => ({ table: 'appointments', op: 'upsert', row })),
  );
}

const idsOf = (storeId: string, day: string) =>
  replica.appointmentsOfDay(storeId, day)?.rows.map((row) => row.id);

describe("a store's appointments by day", () => {
  it("holds what falls between the store's local midnights, earliest first, with the lead's name", () => {
    put(
      appointment('late-eve', 'lead-ana', DENVER, denver('2024-06-11', '23:59')),
      appointment('first-moment', 'lead-bo', DENVER, denver('2024-06-11', '00:00')),
      appointment('noon', 'lead-ana', DENVER, denver('2024-06-11', '12:00')),
      // 23:30 in Denver on the 10th is already the 11th in UTC: it belongs to the 10th.
      appointment('day-before', 'lead-ana', DENVER, denver('2024-06-10', '23:30')),
      appointment('next-midnight', 'lead-bo', DENVER, denver('2024-06-12', '00:00')),
      appointment('other-store', 'lead-cy', OTHER_STORE, denver('2024-06-11', '10:00')),
    );
    const day = replica.appointmentsOfDay(DENVER, '2024-06-11');
    expect(day?.rows.map((r) => r.id)).toEqual(['first-moment', 'noon', 'late-eve']);
    expect(day?.rows.map((r) => r.leadName)).toEqual(['Bo Lopez', 'Ana Lopez', 'Ana Lopez']);
    expect(day?.timeZone).toBe('America/Denver');
    expect(day?.end).toBe(denver('2024-06-12', '00:00'));
    expect(idsOf(DENVER, '2024-06-10')).toEqual(['day-before']);
    expect(idsOf(DENVER, '2024-06-12')).toEqual(['next-midnight']);
    expect(idsOf(OTHER_STORE, '2024-06-11')).toEqual(['other-store']);
  });

  it('counts a spring-forward day as 23 hours and a fall-back day as 25', () => {
    // 2024-03-10: Denver skips 02:00-03:00. 2024-11-03: it lives 01:00-02:00 twice.
    const spring = replica.appointmentsOfDay(DENVER, '2024-03-10')!;
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const fall = replica.appointmentsOfDay(DENVER, '2024-11-03')!;
    expect(fall.end - fall.start).toBe(25 * 3_600_000);

    const lastOfFallDay = fall.end - 60_000; // 23:59 MST
    const secondOneThirty = denver('2024-11-03', '01:30') + 3_600_000; // 01:30 MST
    put(
      appointment('spring-early', 'lead-ana', DENVER, spring.start),
      appointment('spring-late', 'lead-ana', DENVER, spring.end - 1),
      appointment('spring-after', 'lead-ana', DENVER, spring.end),
      appointment('fall-repeat', 'lead-bo', DENVER, secondOneThirty),
      appointment('fall-late', 'lead-bo', DENVER, lastOfFallDay),
      appointment('fall-after', 'lead-bo', DENVER, fall.end),
    );
    expect(idsOf(DENVER, '2024-03-10')).toEqual(['spring-early', 'spring-late']);
    expect(idsOf(DENVER, '2024-03-11')).toEqual(['spring-after']);
    expect(idsOf(DENVER, '2024-11-03')).toEqual(['fall-repeat', 'fall-late']);
    expect(idsOf(DENVER, '2024-11-04')).toEqual(['fall-after']);
  });

  it('follows a status change and shows a vehicle and note when the appointment has them', () => {
    const noon = denver('2024-06-11', '12:00');
    put(appointment('a1', 'lead-ana', DENVER, noon));
    expect(replica.appointmentsOfDay(DENVER, '2024-06-11')?.rows[0]).toMatchObject({
      status: 'booked',
      vehicle: null,
      note: null,
    });
    const withExtras: Appointment = {
      ...appointment('a1', 'lead-ana', DENVER, noon),
      status: 'showed',
      vehicle: '2021 Toyota Camry',
      note: 'Bring the title',
    };
    put(withExtras);
    expect(replica.appointmentsOfDay(DENVER, '2024-06-11')?.rows[0]).toMatchObject({
      status: 'showed',
      vehicle: '2021 Toyota Camry',
      note: 'Bring the title',
    });
  });

  it('answers null for a store the replica does not hold', () => {
    expect(replica.appointmentsOfDay('store-nowhere', '2024-06-11')).toBeNull();
  });
});
