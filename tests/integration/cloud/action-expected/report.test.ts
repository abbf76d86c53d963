import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../../src-shared/domain/lead';
import { formatStoreTime } from '../../../../src-shared/domain/store-time';
import type { Store } from '../../../../src-shared/domain/tenant';
import { insertLead, seedTenant, type SeededTenant } from '../harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from '../harness/test-cloud';
import { at, named, ReportInbox, reportingStore } from './report-fixture';

const NEW_YORK = 'America/New_York';
const LOS_ANGELES = 'America/Los_Angeles';

describe.each(BACKENDS)('the nightly Action Expected report, on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let inbox: ReportInbox;
  let acme: SeededTenant;
  let east: Store;
  let west: Store;
  let clock = 0;
  const leads: Record<string, Lead> = {};
  /** Sets the cloud's clock and runs one round of due jobs, as the timer would. */
  const runAt = async (instant: number) => {
    clock = instant;
    await cloud.jobs.runDue();
  };
  const jobRow = async (key: string) => {
    const [row] = await cloud.db.query<{
      done_at: number | null;
      attempts: number;
      last_error: string | null;
    }>('SELECT done_at, attempts, last_error FROM jobs WHERE key = $1', [key]);
    return row ?? null;
  };

  beforeAll(async () => {
    if (skip) return;
    inbox = await ReportInbox.start();
    // The timer is as good as off: each test runs rounds itself, at the times it sets.
    cloud = await startTestCloud(backend, { smtp: inbox.settings }, { jobsEveryMs: 3_600_000 });
    cloud.services.now = () => clock;
    acme = await seedTenant(cloud.db, 'Acme');
    east = await reportingStore(cloud.db, acme.stores[0], NEW_YORK, ['east-managers@acme.test']);
    west = await reportingStore(cloud.db, acme.stores[1], LOS_ANGELES, [
      'west-gm@acme.test',
      'west-bdc@acme.test',
    ]);
    const waiting = (wall: string, zone: string) => at(wall, zone);
    const add = async (key: string, store: Store, changes: Partial<Lead>) =>
      (leads[key] = await insertLead(cloud.db, acme.tenantId, store.id, changes));
    await add('eve', east, {
      firstName: 'Eve',
      lastName: 'Waiting',
      source: 'Chat',
      awaitingSince: waiting('2030-01-11 19:15', NEW_YORK),
      lastMessagePreview: 'Do you have <b>the red one</b> & a "quote"?',
      assignedUserId: acme.agent.user.id,
    });
    await add('max', east, {
      firstName: 'Max',
      lastName: 'Unassigned',
      awaitingSince: waiting('2030-01-10 09:00', NEW_YORK),
      lastMessagePreview: 'Still there?',
    });
    await add('dora', east, {
      firstName: 'Dora',
      lastName: 'Dead',
      status: 'dead',
      optedOut: true,
      awaitingSince: waiting('2030-01-11 18:00', NEW_YORK),
    });
    await add('dan', east, {
      firstName: 'Dan',
      lastName: 'Done',
      awaitingSince: waiting('2030-01-11 18:00', NEW_YORK),
      doneAt: waiting('2030-01-11 18:30', NEW_YORK),
    });
    await add('otto', east, { firstName: 'Otto', lastName: 'Answered', awaitingSince: null });
    await add('wes', west, {
      firstName: 'Wes',
      lastName: 'Western',
      awaitingSince: waiting('2030-01-11 17:40', LOS_ANGELES),
      lastMessagePreview: 'Can I come by tomorrow?',
    });
  });
  afterAll(async () => {
    await cloud?.stop();
    await inbox?.stop();
  });

  test.skipIf(skip)(
    'each store gets its report once, at 21:00 on its own clocks, with exactly the conversations awaiting a reply',
    async () => {
      await runAt(at('2030-01-11 20:59', NEW_YORK));
      expect(inbox.received).toEqual([]);

      await runAt(at('2030-01-11 21:00', NEW_YORK));
      expect(inbox.received).toHaveLength(1);
      const [report] = inbox.to('east-managers@acme.test');
      expect(report?.subject).toBe(
        'Action Expected: 3 conversations await a reply at Acme North (2030-01-11)',
      );
      const text = report?.text ?? '';
      // Longest waiting first: the seed's Ava (since the test began), Max since yesterday, Eve.
      const order = ['Ava Customer', 'Max Unassigned', 'Eve Waiting'].map((n) => text.indexOf(n));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      for (const absent of ['Dora', 'Dan Done', 'Otto', 'Olive', 'Dexter', 'Wes', 'Sam'])
        expect(text).not.toContain(absent);
      const eve = leads.eve as Lead;
      expect(text).toContain(
        `Waiting since: ${formatStoreTime(eve.awaitingSince as number, NEW_YORK)} (1 h 45 min)`,
      );
      expect(text).toContain(`Assigned to: ${acme.agent.user.name}`);
      expect(text).toContain('Assigned to: Unassigned');
      expect(text).toContain('Source: Chat');
      expect(text).toContain('Last message: Do you have <b>the red one</b> & a "quote"?');
      expect(report?.html).toContain('&lt;b&gt;the red one&lt;/b&gt; &amp; a &quot;quote&quot;');
      expect(report?.html).not.toContain('<b>the red one</b>');

      // Later the same evening in New York (still afternoon in Los Angeles): nothing more.
      await runAt(at('2030-01-11 23:30', NEW_YORK));
      expect(inbox.received).toHaveLength(1);

      await runAt(at('2030-01-11 21:00', LOS_ANGELES));
      expect(inbox.received).toHaveLength(2);
      const [west] = inbox.to('west-gm@acme.test');
      expect(west?.to.sort()).toEqual(['west-bdc@acme.test', 'west-gm@acme.test']);
      expect(west?.subject).toBe(
        'Action Expected: 1 conversation awaits a reply at Acme South (2030-01-11)',
      );
      expect(west?.text).toContain(named(leads.wes as Lead));
      expect(west?.text).not.toContain('Eve');

      await runAt(at('2030-01-11 23:59', LOS_ANGELES));
      await runAt(at('2030-01-12 20:59', NEW_YORK));
      expect(inbox.received).toHaveLength(2);

      // The next night, each again, once.
      await runAt(at('2030-01-12 21:00', NEW_YORK));
      await runAt(at('2030-01-12 21:05', NEW_YORK));
      expect(inbox.to('east-managers@acme.test')).toHaveLength(2);
      expect(inbox.received).toHaveLength(3);
      expect((await jobRow(`action-expected:${east.id}:2030-01-12`))?.done_at).not.toBeNull();
    },
  );

  test.skipIf(skip)(
    'a store with no action-expected addresses gets no report, and nothing fails',
    async () => {
      const bravo = await seedTenant(cloud.db, 'Bravo');
      const quiet = await reportingStore(cloud.db, bravo.stores[0], NEW_YORK, []);
      await insertLead(cloud.db, bravo.tenantId, quiet.id, { awaitingSince: clock });
      // A report planned while the store had an address, which was cleared before the hour.
      const cleared = await reportingStore(cloud.db, bravo.stores[1], NEW_YORK, ['gm@bravo.test']);
      await runAt(at('2030-01-13 12:00', NEW_YORK));
      await reportingStore(cloud.db, cleared, NEW_YORK, []);
      const before = inbox.received.length;

      await runAt(at('2030-01-13 21:00', NEW_YORK));
      await runAt(at('2030-01-13 22:00', NEW_YORK));

      expect(inbox.received.slice(before).map((m) => m.to)).toEqual([
        ['east-managers@acme.test'], // Acme's, as every night
      ]);
      expect(await jobRow(`action-expected:${quiet.id}:2030-01-13`)).toBeNull();
      expect(await jobRow(`action-expected:${cleared.id}:2030-01-13`)).toMatchObject({
        attempts: 1,
        last_error: null,
      });
      expect((await jobRow(`action-expected:${cleared.id}:2030-01-13`))?.done_at).not.toBeNull();
    },
  );

  test.skipIf(skip)(
    'an SMTP server refusing at first: the report goes out once, later',
    async () => {
      const key = `action-expected:${east.id}:2030-01-14`;
      const before = inbox.to('east-managers@acme.test').length;
      inbox.failing = true;
      try {
        await runAt(at('2030-01-14 21:00', NEW_YORK));
        expect(inbox.to('east-managers@acme.test')).toHaveLength(before);
        expect(await jobRow(key)).toMatchObject({ done_at: null, attempts: 1 });
        expect((await jobRow(key))?.last_error).toMatch(/try again later/);
      } finally {
        inbox.failing = false;
      }
      // The server is back, but the retry waits its minute.
      await runAt(at('2030-01-14 21:00', NEW_YORK) + 30_000);
      expect(inbox.to('east-managers@acme.test')).toHaveLength(before);

      await runAt(at('2030-01-14 21:01', NEW_YORK));
      expect(inbox.to('east-managers@acme.test')).toHaveLength(before + 1);
      await runAt(at('2030-01-14 21:30', NEW_YORK));
      await runAt(at('2030-01-14 23:59', NEW_YORK));
      expect(inbox.to('east-managers@acme.test')).toHaveLength(before + 1);
      expect(await jobRow(key)).toMatchObject({ attempts: 2, last_error: null });
    },
  );
});
