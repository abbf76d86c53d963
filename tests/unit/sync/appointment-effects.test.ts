import { describe, expect, it } from 'vitest';
import type { Appointment, Store, SyncChange, User } from '../../../src-shared';
import { instantOfWallTime } from '../../../src-shared/domain/zoned-time';
import { EFFECTS, LocalRefusal, type Rows } from '../../../src-main/sync/effects';
import { lead, noRows, NOW } from './fixture';

// NOW is Tuesday 2025-05-06, 09:00 in Denver.
const me = { id: 'user-2', name: 'Agent Two', tenantId: 'tenant-1' } as User;
const context = { me, now: NOW, mutationId: 'm-1' };
const weekday = { open: '09:00', close: '18:00' };
const store = {
  id: 'store-a',
  tenantId: 'tenant-1',
  timeZone: 'America/Denver',
  businessHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
} as Store;
const booked: Appointment = {
  id: 'apt-1',
  tenantId: 'tenant-1',
  leadId: 'lead-1',
  storeId: 'store-a',
  startsAt: denver('2025-05-07', '10:00'),
  status: 'booked',
  createdByUserId: me.id,
  createdAt: NOW,
  vehicle: '2021 Toyota Tacoma',
  note: null,
};

function denver(date: string, time: string): number {
  const result = instantOfWallTime({ date, time }, 'America/Denver');
  if (!result.ok) throw new Error(result.reason);
  return result.instant;
}

function rows(knownStore: Store | null = store): Rows {
  const leads = [lead('lead-1', { storeId: 'store-a' })];
  return {
    ...noRows(),
    lead: (id) => leads.find((row) => row.id === id) ?? null,
    appointment: (id) => (id === booked.id ? booked : null),
    user: (id) => (id === me.id ? me : null),
    store: (id) => (id === knownStore?.id ? knownStore : null),
  };
}

const appointmentsIn = (changes: SyncChange[]) =>
  changes.flatMap((c) => (c.table === 'appointments' && c.op === 'upsert' ? [c.row] : []));

describe('an appointment on this PC, before the cloud answers', () => {
  it('is booked with its vehicle and note', () => {
    const changes = EFFECTS.setAppointment(
      rows(),
      {
        leadId: 'lead-1',
        appointmentId: 'apt-2',
        startsAt: denver('2025-05-08', '14:30'),
        vehicle: '2024 Honda CR-V',
        note: 'Bring the trade title',
      },
      context,
    );
    expect(appointmentsIn(changes)).toEqual([
      expect.objectContaining({ vehicle: '2024 Honda CR-V', note: 'Bring the trade title' }),
    ]);
  });

  it('a change queued before vehicle and note existed books with neither', () => {
    const changes = EFFECTS.setAppointment(
      rows(),
      { leadId: 'lead-1', appointmentId: 'apt-2', startsAt: denver('2025-05-08', '14:30') },
      context,
    );
    expect(appointmentsIn(changes)).toEqual([
      expect.objectContaining({ vehicle: null, note: null }),
    ]);
  });

  it('is refused at once, with the store’s reason, in the past or while the store is closed', () => {
    const attempt = (startsAt: number) => () =>
      EFFECTS.setAppointment(rows(), { leadId: 'lead-1', appointmentId: 'x', startsAt }, context);
    expect(attempt(NOW - 60_000)).toThrow(LocalRefusal);
    expect(attempt(NOW - 60_000)).toThrow(/already passed/);
    expect(attempt(denver('2025-05-10', '11:00'))).toThrow('The store is closed on Saturdays.');
    expect(attempt(denver('2025-05-08', '07:00'))).toThrow(/opens at 09:00 on Thursdays/);
    const move = () =>
      EFFECTS.rescheduleAppointment(
        rows(),
        { appointmentId: 'apt-1', startsAt: denver('2025-05-08', '18:30') },
        context,
      );
    expect(move).toThrow(/closes at 18:00 on Thursdays/);
  });

  it('a store not on this PC is left to the cloud to judge', () => {
    const changes = EFFECTS.setAppointment(
      rows(null),
      { leadId: 'lead-1', appointmentId: 'x', startsAt: denver('2025-05-10', '11:00') },
      context,
    );
    expect(appointmentsIn(changes)).toHaveLength(1);
  });

  it('a reschedule keeps the vehicle unless given, and writes the move in the thread', () => {
    const to = denver('2025-05-09', '16:00');
    const changes = EFFECTS.rescheduleAppointment(
      rows(),
      { appointmentId: 'apt-1', startsAt: to },
      context,
    );
    expect(appointmentsIn(changes)).toEqual([
      expect.objectContaining({ startsAt: to, vehicle: '2021 Toyota Tacoma' }),
    ]);
    expect(changes.some((c) => c.table === 'timeline_events')).toBe(true);

    const noteOnly = EFFECTS.rescheduleAppointment(
      rows(),
      { appointmentId: 'apt-1', startsAt: booked.startsAt, note: 'Coming with his dad' },
      context,
    );
    expect(appointmentsIn(noteOnly)).toEqual([
      expect.objectContaining({ startsAt: booked.startsAt, note: 'Coming with his dad' }),
    ]);
    expect(noteOnly.some((c) => c.table === 'timeline_events')).toBe(false);
  });
});
