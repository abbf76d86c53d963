import { beforeEach, describe, expect, test } from 'vitest';
import {
  LEAD_TYPING_RENEW_MS,
  LEAD_VIEW_RENEW_MS,
  type ConsoleEvents,
  type EventName,
  type LeadActivity,
  type LiveClientFrame,
  type User,
} from '../../../src-shared';
import type { CoreLogEntry } from '../../../src-main/core/log';
import {
  LeadActivityService,
  TAKE_OVER_WAIT_MS,
  TYPING_IDLE_MS,
} from '../../../src-main/core/lead-activity/lead-activity-service';
import { ME, T0 } from './desk-fixture';

/** Timers that run only when the test moves the clock. */
class FakeClock {
  time = T0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  now = () => this.time;
  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.due.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.due.delete(handle as number);
  };
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) break;
      this.due.delete(next[0]);
      this.time = next[1].at;
      next[1].run();
    }
    this.time = until;
  }
}

const MANAGER: User = { ...ME, id: 'user-boss', name: 'Mia Manager', role: 'manager' };
const LEAD = 'lead-1';
const OTHER_LEAD = 'lead-2';

function activity(leadId: string, holder: { id: string; name: string } | null): LeadActivity {
  return {
    leadId,
    storeId: 'store-a',
    lock: holder ? { userId: holder.id, name: holder.name, since: T0 } : null,
    viewers: holder ? [{ userId: holder.id, name: holder.name, typing: false }] : [],
  };
}

describe('the lead open at this desk, as the cloud hears it', () => {
  let clock: FakeClock;
  let sent: LiveClientFrame[];
  let events: { event: EventName; payload: unknown }[];
  let logged: CoreLogEntry[];
  let me: User | null;
  let atDesk: boolean;
  let service: LeadActivityService;

  beforeEach(() => {
    clock = new FakeClock();
    sent = [];
    events = [];
    logged = [];
    me = ME;
    atDesk = true;
    service = new LeadActivityService({
      send: async (frame) => {
        sent.push(frame);
        return true;
      },
      me: () => me,
      atDesk: () => atDesk,
      emit: (event, payload) => events.push({ event, payload }),
      log: (entry) => logged.push(entry),
      timers: clock,
    });
  });

  const said = () => sent.splice(0);
  const eventsOf = <E extends EventName>(name: E) =>
    events.filter((e) => e.event === name).map((e) => e.payload as ConsoleEvents[E]);

  test('opening a lead says so at once and every 10 s while it stays open; closing stops', () => {
    service.liveStatus('up');
    service.opened(LEAD);
    expect(said()).toEqual([{ type: 'lead-view', leadId: LEAD }]);
    service.opened(LEAD);
    expect(said()).toEqual([]);

    clock.advance(LEAD_VIEW_RENEW_MS - 1);
    expect(said()).toEqual([]);
    clock.advance(1);
    expect(said()).toEqual([{ type: 'lead-view', leadId: LEAD }]);
    clock.advance(LEAD_VIEW_RENEW_MS * 3);
    expect(said()).toHaveLength(3);

    service.opened(OTHER_LEAD);
    expect(said()).toEqual([{ type: 'lead-view', leadId: OTHER_LEAD }]);
    service.opened(null);
    expect(said()).toEqual([{ type: 'lead-view', leadId: null }]);
    clock.advance(LEAD_VIEW_RENEW_MS * 5);
    expect(said()).toEqual([]);
  });

  test('nothing is said while the socket is down; once up, the open lead is said again', () => {
    service.opened(LEAD);
    clock.advance(LEAD_VIEW_RENEW_MS * 2);
    expect(said()).toEqual([]);

    service.liveStatus('up');
    expect(said()).toEqual([{ type: 'lead-view', leadId: LEAD }]);
    // The socket drops: the cloud let go of the view when it closed; nothing to say meanwhile.
    service.liveStatus('connecting');
    clock.advance(LEAD_VIEW_RENEW_MS * 2);
    expect(said()).toEqual([]);
    service.liveStatus('up');
    expect(said()).toEqual([{ type: 'lead-view', leadId: LEAD }]);
  });

  test('going away leaves the lead and stops renewing; back at the desk, in it again', () => {
    service.liveStatus('up');
    service.opened(LEAD);
    said();
    atDesk = false;
    service.presenceChanged();
    expect(said()).toEqual([{ type: 'lead-view', leadId: null }]);
    clock.advance(LEAD_VIEW_RENEW_MS * 3);
    expect(said()).toEqual([]);

    atDesk = true;
    service.presenceChanged();
    expect(said()).toEqual([{ type: 'lead-view', leadId: LEAD }]);
    clock.advance(LEAD_VIEW_RENEW_MS);
    expect(said()).toEqual([{ type: 'lead-view', leadId: LEAD }]);
  });

  test('signing out forgets the open lead and everyone else’s', () => {
    service.liveStatus('up');
    service.frame({ type: 'lead-activity-snapshot', leads: [activity(OTHER_LEAD, MANAGER)] });
    service.opened(LEAD);
    said();
    service.liveStatus('stopped');
    expect(service.list()).toEqual([]);
    expect(eventsOf('leadActivity').at(-1)).toEqual({ replace: true, leads: [] });
    // The next person signs in: no lead is said until they open one.
    service.liveStatus('up');
    clock.advance(LEAD_VIEW_RENEW_MS * 2);
    expect(said()).toEqual([]);
  });

  test('typing is said once per 3 s while keys are pressed, and stops by itself after 5 s', () => {
    service.liveStatus('up');
    service.opened(LEAD);
    said();
    service.typed(OTHER_LEAD, true);
    expect(said()).toEqual([]);

    service.typed(LEAD, true);
    expect(said()).toEqual([{ type: 'lead-typing', leadId: LEAD, typing: true }]);
    clock.advance(1_000);
    service.typed(LEAD, true);
    clock.advance(1_000);
    service.typed(LEAD, true);
    expect(said()).toEqual([]);
    clock.advance(LEAD_TYPING_RENEW_MS - 2_000);
    service.typed(LEAD, true);
    expect(said()).toEqual([{ type: 'lead-typing', leadId: LEAD, typing: true }]);

    clock.advance(TYPING_IDLE_MS - 1);
    expect(said()).toEqual([]);
    clock.advance(1);
    expect(said()).toEqual([{ type: 'lead-typing', leadId: LEAD, typing: false }]);

    // Sent (false) stops at once; leaving the lead stops too.
    service.typed(LEAD, true);
    service.typed(LEAD, false);
    expect(said()).toEqual([
      { type: 'lead-typing', leadId: LEAD, typing: true },
      { type: 'lead-typing', leadId: LEAD, typing: false },
    ]);
    service.typed(LEAD, true);
    service.opened(null);
    expect(said()).toEqual([
      { type: 'lead-typing', leadId: LEAD, typing: true },
      { type: 'lead-typing', leadId: LEAD, typing: false },
      { type: 'lead-view', leadId: null },
    ]);
    clock.advance(TYPING_IDLE_MS * 2);
    expect(said()).toEqual([]);
  });

  test('what the cloud says is kept and pushed; a lead nobody is in is dropped', () => {
    service.liveStatus('up');
    const held = activity(LEAD, MANAGER);
    service.frame({ type: 'lead-activity-snapshot', leads: [held] });
    expect(service.list()).toEqual([held]);
    const other = activity(OTHER_LEAD, { id: 'user-x', name: 'Xavi' });
    service.frame({ type: 'lead-activity', lead: other });
    expect(service.list()).toEqual([held, other]);
    service.frame({ type: 'lead-activity', lead: activity(LEAD, null) });
    expect(service.list()).toEqual([other]);
    expect(eventsOf('leadActivity')).toEqual([
      { replace: true, leads: [held] },
      { replace: false, leads: [other] },
      { replace: false, leads: [activity(LEAD, null)] },
    ]);
  });

  test('a take-over by someone else is told as a notice, and typing stops', () => {
    service.liveStatus('up');
    service.opened(LEAD);
    service.typed(LEAD, true);
    said();
    service.frame({
      type: 'lead-taken-over',
      leadId: LEAD,
      by: { userId: MANAGER.id, name: MANAGER.name },
    });
    expect(eventsOf('notice')).toEqual([
      {
        id: `lead-taken-over:${LEAD}`,
        message: 'Mia Manager took over a lead you were in; it is read-only for you now.',
      },
    ]);
    expect(said()).toEqual([{ type: 'lead-typing', leadId: LEAD, typing: false }]);
  });

  test('an agent may not take over: refused here, nothing said to the cloud', async () => {
    service.liveStatus('up');
    expect(await service.takeOver(LEAD)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only a manager can take over a lead.' },
    });
    expect(said()).toEqual([]);
  });

  test('a manager takes over: done once the cloud says the lock is theirs, then renewed', async () => {
    me = MANAGER;
    service.liveStatus('up');
    service.opened(LEAD);
    said();
    const result = service.takeOver(LEAD);
    expect(said()).toEqual([{ type: 'lead-take-over', leadId: LEAD }]);
    service.frame({ type: 'lead-activity', lead: activity(LEAD, { id: 'user-a', name: 'Ann' }) });
    service.frame({ type: 'lead-activity', lead: activity(LEAD, MANAGER) });
    expect(await result).toEqual({ ok: true, value: { leadId: LEAD } });
    clock.advance(LEAD_VIEW_RENEW_MS);
    expect(said()).toEqual([{ type: 'lead-view', leadId: LEAD }]);
  });

  test('a take-over the cloud refuses, or never answers, fails saying why', async () => {
    me = MANAGER;
    service.liveStatus('up');
    const refused = service.takeOver(LEAD);
    service.frame({
      type: 'lead-refused',
      leadId: LEAD,
      code: 'lead_not_found',
      message: 'No such lead, or it is not in one of your stores.',
    });
    expect(await refused).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such lead, or it is not in one of your stores.' },
    });

    const unanswered = service.takeOver(OTHER_LEAD);
    clock.advance(TAKE_OVER_WAIT_MS);
    expect(await unanswered).toMatchObject({ ok: false, error: { code: 'internal' } });

    service.liveStatus('connecting');
    expect(await service.takeOver(LEAD)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Not connected') },
    });
  });

  test('a refused view is logged, not shown', () => {
    service.liveStatus('up');
    service.frame({
      type: 'lead-refused',
      leadId: LEAD,
      code: 'lead_not_found',
      message: 'No such lead, or it is not in one of your stores.',
    });
    expect(logged).toEqual([expect.objectContaining({ level: 'warn' })]);
    expect(eventsOf('notice')).toEqual([]);
  });
});
