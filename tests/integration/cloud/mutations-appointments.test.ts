import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instantOfWallTime } from '../../../src-shared/domain/zoned-time';
import { Api } from './harness/api';
import { rowOf, timelineOf } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

/** The seeded Denver store is open on Mondays only, 09:00 to 18:00. */
function denver(date: string, time: string): number {
  const result = instantOfWallTime({ date, time }, 'America/Denver');
  if (!result.ok) throw new Error(result.reason);
  return result.instant;
}
const messageOf = (result: unknown) =>
  result && typeof result === 'object' && 'message' in result ? String(result.message) : '';

// 2030-01-14 is a Monday; 2030-01-13 a Sunday.
const MONDAY_10 = denver('2030-01-14', '10:00');

describe.each(BACKENDS)('appointment times on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let agent: Api;

  const newLead = () => insertLead(cloud.db, acme.tenantId, acme.stores[0].id);

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    acme = await seedTenant(cloud.db, 'Acme');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)(
    'a time in the past or outside the store hours is refused with the reason, and nothing is written',
    async () => {
      const lead = await newLead();
      const refusals: [number, RegExp][] = [
        [Date.now() - 86_400_000, /already passed/],
        [denver('2030-01-13', '12:00'), /^The store is closed on Sundays$/],
        [denver('2030-01-14', '08:30'), /^The store opens at 09:00 on Mondays/],
        [denver('2030-01-14', '18:00'), /^The store closes at 18:00 on Mondays/],
      ];
      for (const [startsAt, reason] of refusals) {
        const appointmentId = uuidv7();
        const answer = await agent.mutate('setAppointment', {
          leadId: lead.id,
          appointmentId,
          startsAt,
        });
        expect(answer.result).toMatchObject({ status: 'rejected', code: 'invalid_time' });
        expect(messageOf(answer.result)).toMatch(reason);
        expect(await rowOf(cloud.db, 'appointments', appointmentId)).toBeNull();
      }
      expect(await timelineOf(cloud.db, lead.id)).toEqual([]);
    },
  );

  test.skipIf(skip)(
    'a booking in the store hours keeps its vehicle and note; a reschedule out of them is refused',
    async () => {
      const lead = await newLead();
      const appointmentId = uuidv7();
      const set = await agent.mutate('setAppointment', {
        leadId: lead.id,
        appointmentId,
        startsAt: MONDAY_10,
        vehicle: '2021 Toyota Tacoma',
        note: 'Bring the trade title',
      });
      expect(set.result?.status).toBe('ok');
      expect(await rowOf(cloud.db, 'appointments', appointmentId)).toMatchObject({
        status: 'booked',
        startsAt: MONDAY_10,
        vehicle: '2021 Toyota Tacoma',
        note: 'Bring the trade title',
      });

      const tuesday = denver('2030-01-15', '10:00');
      const moved = await agent.mutate('rescheduleAppointment', {
        appointmentId,
        startsAt: tuesday,
      });
      expect(moved.result).toMatchObject({
        status: 'rejected',
        code: 'invalid_time',
        message: 'The store is closed on Tuesdays',
      });
      expect((await rowOf(cloud.db, 'appointments', appointmentId))?.startsAt).toBe(MONDAY_10);

      const later = denver('2030-01-14', '17:30');
      const ok = await agent.mutate('rescheduleAppointment', {
        appointmentId,
        startsAt: later,
        note: null,
      });
      expect(ok.result?.status).toBe('ok');
      expect(await rowOf(cloud.db, 'appointments', appointmentId)).toMatchObject({
        startsAt: later,
        vehicle: '2021 Toyota Tacoma',
        note: null,
      });
      expect((await timelineOf(cloud.db, lead.id)).map((e) => e.text)).toEqual([
        'Appointment set for Mon, Jan 14, 10:00 AM MST',
        'Appointment moved to Mon, Jan 14, 5:30 PM MST',
      ]);
    },
  );

  test.skipIf(skip)(
    'the booking is read on the store clock across a change of daylight time',
    async () => {
      // 2030-03-11 is the Monday after clocks go forward: 09:00 MDT is 15:00 UTC. Read with the
      // winter offset it would be 08:00, before opening.
      const lead = await newLead();
      const startsAt = Date.UTC(2030, 2, 11, 15, 0);
      const answer = await agent.mutate('setAppointment', {
        leadId: lead.id,
        appointmentId: uuidv7(),
        startsAt,
      });
      expect(answer.result?.status).toBe('ok');
      const early = await agent.mutate('setAppointment', {
        leadId: lead.id,
        appointmentId: uuidv7(),
        startsAt: startsAt - 60_000,
      });
      expect(messageOf(early.result)).toMatch(/opens at 09:00 on Mondays/);
    },
  );
});
