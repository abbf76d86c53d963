import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserPresence } from '../../../src-shared';
import { CloudApi } from '../../../src-main/sync/cloud-api';
import { deskWorld, ME, MIN, offer, settle, T0, type DeskWorld } from './desk-fixture';

let world: DeskWorld;
let server: Server | null = null;
afterEach(async () => {
  world?.desk.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

/** A cloud that answers every accept with `status` and `body`, and records which were asked. */
async function acceptingCloud(status: number, body: unknown): Promise<{ accepted: string[] }> {
  const accepted: string[] = [];
  server = createServer((req, res) => {
    const match = /^\/v1\/offers\/([^/]+)\/accept$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match || req.headers.authorization !== 'Bearer t0ken') {
      res.writeHead(500).end();
      return;
    }
    accepted.push(decodeURIComponent(match[1]!));
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  world.cloud = new CloudApi({ baseUrl: `http://127.0.0.1:${port}`, token: 't0ken' });
  return { accepted };
}

const closedFrame = (
  offerId: string,
  outcome: 'accepted' | 'missed',
  by: { userId: string; name: string } | null = null,
) =>
  ({
    type: 'offer-closed',
    closed: { offerId, leadId: `lead-of-${offerId}`, outcome, acceptedBy: by },
  }) as const;

describe('a lead rings at this desk', () => {
  it('rings, shows its alert and a notification, and is listed as ringing', () => {
    world = deskWorld();
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });

    expect(world.notifier.ringing).toBe(true);
    expect(world.shell.report().alertsOpen).toEqual(['offer-1']);
    expect(world.notifier.toasts).toEqual([
      {
        title: 'New lead: Pat Customer',
        body: 'Downtown Motors: Is the blue Civic still available?',
      },
    ]);
    expect(world.seen('offerRinging').map((o) => o.offerId)).toEqual(['offer-1']);
    expect(world.desk.offers.ringingOffers().map((o) => o.offerId)).toEqual(['offer-1']);
  });

  it('the same offer said again on a reconnect rings once', () => {
    world = deskWorld();
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    expect(world.notifier.toasts).toHaveLength(1);
    expect(world.seen('offerRinging')).toHaveLength(1);
  });

  it('with Play sounds off it shows the alert but does not ring; turning it on rings', async () => {
    world = deskWorld();
    await world.desk.settings.save({ playSounds: false });
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    expect(world.notifier.ringing).toBe(false);
    expect(world.shell.report().alertsOpen).toEqual(['offer-1']);
    await world.desk.settings.save({ playSounds: true });
    expect(world.notifier.ringing).toBe(true);
  });
});

describe('an offer closes', () => {
  it('taken by someone else: the ring stops and the alert says who took it', () => {
    world = deskWorld();
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.desk.liveHooks.frame(
      closedFrame('offer-1', 'accepted', { userId: 'user-ana', name: 'Ana Ruiz' }),
    );

    expect(world.notifier.ringing).toBe(false);
    expect(world.shell.report().alertsClosed).toEqual([
      { offerId: 'offer-1', message: 'Taken by Ana Ruiz' },
    ]);
    expect(world.seen('offerClosed')).toEqual([
      expect.objectContaining({
        offerId: 'offer-1',
        outcome: 'accepted',
        message: 'Taken by Ana Ruiz',
      }),
    ]);
    expect(world.desk.offers.ringingOffers()).toEqual([]);
  });

  it('accepted by me elsewhere, or missed: says so', () => {
    world = deskWorld();
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-2') });
    world.desk.liveHooks.frame(
      closedFrame('offer-1', 'accepted', { userId: ME.id, name: ME.name }),
    );
    world.desk.liveHooks.frame(closedFrame('offer-2', 'missed'));
    expect(world.seen('offerClosed').map((c) => c.message)).toEqual([
      'You accepted this lead',
      'Nobody answered in time',
    ]);
  });

  it('signing out closes whatever was ringing', () => {
    world = deskWorld();
    world.desk.liveHooks.status('up');
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.desk.liveHooks.status('stopped');
    expect(world.notifier.ringing).toBe(false);
    expect(world.shell.report().alertsOpen).toEqual([]);
  });
});

describe('a lead that rang at an empty desk', () => {
  it('sets the person Away (unanswered) with a notice; activity brings them back', () => {
    world = deskWorld();
    world.desk.liveHooks.status('up');
    world.idle.idleSeconds(0);
    world.advance(1_000);
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.advance(60_000);
    world.idle.idleSeconds(61); // nobody touched the PC since before it rang
    world.desk.liveHooks.frame(closedFrame('offer-1', 'missed'));

    expect(world.desk.presence.presence).toMatchObject({ state: 'away', reason: 'unanswered' });
    expect(world.sent.at(-1)).toMatchObject({ state: 'away', reason: 'unanswered' });
    expect(world.seen('notice')).toEqual([
      {
        id: 'unanswered-offer-1',
        message:
          'You were set Away: a lead rang here unanswered while you were away from the desk.',
      },
    ]);
    expect(world.shell.report().tray?.tooltip).toBe('Away: a lead rang unanswered');

    world.advance(1_000);
    world.idle.idleSeconds(0);
    expect(world.desk.presence.presence).toMatchObject({ state: 'online', reason: 'active' });
  });

  it('not when the person was active while it rang', () => {
    world = deskWorld();
    world.idle.idleSeconds(0);
    world.advance(1_000);
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.advance(30_000);
    world.idle.idleSeconds(2); // a key pressed 28 s after it started ringing
    world.advance(30_000);
    world.idle.idleSeconds(32);
    world.desk.liveHooks.frame(closedFrame('offer-1', 'missed'));

    expect(world.desk.presence.presence.state).toBe('online');
    expect(world.seen('notice')).toEqual([]);
  });

  it('not when taken by someone else, nor when the idle clock cannot tell', () => {
    world = deskWorld();
    // No reading at all: the clock is unknown.
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.advance(2 * MIN);
    world.desk.liveHooks.frame(closedFrame('offer-1', 'missed'));
    expect(world.desk.presence.presence.state).toBe('online');

    world.idle.idleSeconds(0);
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-2') });
    world.advance(60_000);
    world.idle.idleSeconds(60);
    world.desk.liveHooks.frame(
      closedFrame('offer-2', 'accepted', { userId: 'u', name: 'Ana Ruiz' }),
    );
    expect(world.desk.presence.presence.state).toBe('online');
    expect(world.seen('notice')).toEqual([]);
  });
});

describe('accepting an offer', () => {
  it('claims it in the cloud, closes the alert, and opens the lead in the console', async () => {
    world = deskWorld();
    const cloud = await acceptingCloud(200, { leadId: 'lead-of-offer-1' });
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });

    const result = await world.desk.offers.accept('offer-1');

    expect(result).toEqual({ ok: true, value: { leadId: 'lead-of-offer-1' } });
    expect(cloud.accepted).toEqual(['offer-1']);
    expect(world.notifier.ringing).toBe(false);
    expect(world.shell.report().alertsClosed).toEqual([
      { offerId: 'offer-1', message: 'You accepted this lead' },
    ]);
    expect(world.shell.report().consoleShown).toBe(1);
    expect(world.seen('openLead')).toEqual([{ leadId: 'lead-of-offer-1' }]);

    // The cloud's own close of it, arriving after, closes nothing twice.
    world.desk.liveHooks.frame(
      closedFrame('offer-1', 'accepted', { userId: ME.id, name: ME.name }),
    );
    expect(world.seen('offerClosed')).toHaveLength(1);
  });

  it('taken first by someone else: the cloud’s message is the answer, and the alert closes', async () => {
    world = deskWorld();
    await acceptingCloud(409, {
      error: { code: 'offer_taken', message: 'Ana Ruiz took this lead first' },
    });
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });

    const result = await world.desk.offers.accept('offer-1');

    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Ana Ruiz took this lead first.' },
    });
    expect(world.notifier.ringing).toBe(false);
    expect(world.shell.report().alertsClosed).toEqual([
      { offerId: 'offer-1', message: 'Ana Ruiz took this lead first.' },
    ]);
  });

  it('an offer that is gone answers not_found with the cloud’s message (a 404 with a code)', async () => {
    world = deskWorld();
    await acceptingCloud(404, {
      error: { code: 'offer_not_found', message: 'This offer does not exist any more.' },
    });
    const result = await world.desk.offers.accept('offer-gone');
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This offer does not exist any more.' },
    });
  });

  it('nobody signed in: a clear failure, nothing asked of any cloud', async () => {
    world = deskWorld();
    expect(await world.desk.offers.accept('offer-1')).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });
});

describe('hotkeys', () => {
  it('the accept hotkey claims the lead that has rung longest', async () => {
    world = deskWorld();
    const cloud = await acceptingCloud(200, { leadId: 'lead-of-offer-old' });
    world.desk.liveHooks.frame({
      type: 'offer',
      offer: offer('offer-new', { createdAt: T0 + 5_000 }),
    });
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-old', { createdAt: T0 }) });

    expect(world.hotkeys.press('acceptOffer')).toBe(true);
    while (cloud.accepted.length === 0 || world.seen('openLead').length === 0) await settle();

    expect(cloud.accepted).toEqual(['offer-old']);
    expect(world.desk.offers.ringingOffers().map((o) => o.offerId)).toEqual(['offer-new']);
  });

  it('the accept hotkey tells a refusal as a notice', async () => {
    world = deskWorld();
    await acceptingCloud(410, {
      error: { code: 'offer_missed', message: 'Nobody answered in time' },
    });
    world.desk.liveHooks.frame({ type: 'offer', offer: offer('offer-1') });
    world.hotkeys.press('acceptOffer');
    while (world.seen('notice').length === 0) await settle();
    expect(world.seen('notice')).toEqual([
      { id: 'accept-offer-1', message: 'Nobody answered in time.' },
    ]);
  });

  it('the oldest-awaiting hotkey shows the console and opens that lead', () => {
    world = deskWorld();
    world.oldestAwaiting = 'lead-42';
    world.hotkeys.press('oldestAwaiting');
    expect(world.shell.report().consoleShown).toBe(1);
    expect(world.seen('openLead')).toEqual([{ leadId: 'lead-42' }]);

    world.oldestAwaiting = null;
    world.hotkeys.press('oldestAwaiting');
    expect(world.seen('notice').at(-1)?.message).toBe('No lead is Awaiting Response.');
  });
});

describe('the Agents panel', () => {
  const ana: UserPresence = { userId: 'user-ana', state: 'online', reason: 'active', since: T0 };
  const bo: UserPresence = { userId: 'user-bo', state: 'away', reason: 'idle', since: T0 };

  it('managers see the snapshot and every change after it, live', () => {
    world = deskWorld();
    world.me = { ...ME, role: 'manager' };
    world.desk.liveHooks.frame({ type: 'presence-snapshot', users: [ana, bo] });
    world.desk.liveHooks.frame({
      type: 'presence',
      user: { ...ana, state: 'away', reason: 'locked', since: T0 + 1 },
    });

    const listed = world.desk.agents.list();
    expect(listed.ok && listed.value).toEqual([
      { ...ana, state: 'away', reason: 'locked', since: T0 + 1 },
      bo,
    ]);
    expect(world.seen('agentsPresenceChanged')).toHaveLength(2);
    expect(world.seen('agentsPresenceChanged').at(-1)?.[0]).toMatchObject({ state: 'away' });

    world.desk.liveHooks.status('stopped');
    const after = world.desk.agents.list();
    expect(after.ok && after.value).toEqual([]);
  });

  it('agents are refused with a clear message, and their renderer is not told', () => {
    world = deskWorld();
    world.desk.liveHooks.frame({ type: 'presence-snapshot', users: [ana] });
    expect(world.desk.agents.list()).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only managers see the Agents panel.' },
    });
    expect(world.seen('agentsPresenceChanged')).toEqual([]);
  });
});
