import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../src-shared';
import { deskWorld, MIN, settle, type DeskWorld } from './desk-fixture';

let world: DeskWorld;
afterEach(() => world?.desk.close());

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('presence from the OS to the tray, the renderer and the cloud', () => {
  it('idle past the threshold sets Away: the renderer, the tray and the cloud hear it', () => {
    world = deskWorld();
    world.desk.liveHooks.status('up');
    world.sent.length = 0;

    world.advance(5 * MIN);
    world.idle.idleSeconds(5 * 60);

    expect(world.seen('presenceChanged').map((p) => [p.state, p.reason])).toEqual([
      ['away', 'idle'],
    ]);
    expect(world.shell.report().tray).toEqual({
      state: 'away',
      tooltip: 'Away: idle',
      playSounds: true,
    });
    expect(world.sent).toEqual([
      { type: 'presence', deviceId: expect.stringMatching(UUID_V7), state: 'away', reason: 'idle' },
    ]);
  });

  it('sends only changes, and the whole presence again on every connect', () => {
    world = deskWorld();
    world.idle.idleSeconds(0);
    expect(world.sent).toEqual([]); // no socket yet

    world.desk.liveHooks.status('up');
    expect(world.sent.map((f) => f.type === 'presence' && f.state)).toEqual(['online']);

    for (let second = 1; second <= 30; second += 1) {
      world.advance(1_000);
      world.idle.idleSeconds(second);
    }
    expect(world.sent).toHaveLength(1); // still online: nothing new to say

    world.desk.liveHooks.status('connecting');
    world.desk.liveHooks.status('up');
    expect(world.sent).toHaveLength(2);
  });

  it('the tray says connecting while the socket is down, and signed out without a session', () => {
    world = deskWorld();
    expect(world.shell.report().tray).toMatchObject({
      state: 'offline',
      tooltip: 'Offline: signed out',
    });
    world.desk.liveHooks.status('connecting');
    expect(world.shell.report().tray?.state).toBe('connecting');
    world.desk.liveHooks.status('up');
    expect(world.shell.report().tray).toMatchObject({ state: 'online', tooltip: 'Online' });
  });

  it('lock-screen sets Away at once, with its reason in the tooltip', () => {
    world = deskWorld();
    world.desk.liveHooks.status('up');
    world.idle.send({ kind: 'lock-screen' });
    expect(world.desk.presence.presence).toMatchObject({ state: 'away', reason: 'locked' });
    expect(world.shell.report().tray?.tooltip).toBe('Away: screen locked');
    expect(world.sent.at(-1)).toMatchObject({ state: 'away', reason: 'locked' });
  });

  it('says offline / signed_out as its farewell, under the same device id it always uses', () => {
    world = deskWorld();
    world.desk.liveHooks.status('up');
    const deviceId = world.settings.get<string>('showroom.deviceId', '');
    expect(deviceId).toMatch(UUID_V7);
    expect(world.sent[0]).toMatchObject({ deviceId });
    expect(world.desk.liveHooks.farewell()).toEqual({
      type: 'presence',
      deviceId,
      state: 'offline',
      reason: 'signed_out',
    });
  });
});

describe('the tray menu', () => {
  it('a manual Away from the tray holds against activity until Online is chosen', () => {
    world = deskWorld();
    world.desk.liveHooks.status('up');
    world.shell.chooseFromTray({ kind: 'set-presence', state: 'away' });
    world.idle.idleSeconds(0);
    expect(world.desk.presence.presence).toMatchObject({ state: 'away', reason: 'manual' });
    expect(world.sent.at(-1)).toMatchObject({ state: 'away', reason: 'manual' });

    world.shell.chooseFromTray({ kind: 'set-presence', state: 'online' });
    expect(world.desk.presence.presence).toMatchObject({ state: 'online', reason: 'active' });
  });

  it('opens the console, the settings screen, and quits through the host', () => {
    world = deskWorld();
    world.shell.chooseFromTray({ kind: 'open-console' });
    world.shell.chooseFromTray({ kind: 'open-settings' });
    world.shell.chooseFromTray({ kind: 'quit' });
    const report = world.shell.report();
    expect(report.consoleShown).toBe(1);
    expect(report.screensShown).toEqual(['settings']);
    expect(world.seen('showScreen')).toEqual([{ screen: 'settings' }]);
    expect(world.quits).toBe(1);
  });

  it('Play sounds is saved, shown in the tray and told to the renderer', async () => {
    world = deskWorld();
    world.shell.chooseFromTray({ kind: 'set-play-sounds', enabled: false });
    await settle();
    expect(world.desk.settings.settings.playSounds).toBe(false);
    expect(world.settings.get('showroom.desktopSettings', {})).toMatchObject({ playSounds: false });
    expect(world.shell.report().tray?.playSounds).toBe(false);
    expect(world.seen('settingsChanged').at(-1)?.playSounds).toBe(false);
  });

  it('Switch user signs out, then shows the console for the next person', async () => {
    world = deskWorld();
    world.shell.chooseFromTray({ kind: 'switch-user' });
    await settle();
    expect(world.signOuts).toBe(1);
    expect(world.shell.report().consoleShown).toBe(1);
  });
});

describe('desktop settings', () => {
  it('at start: the login item is registered again and the hotkeys are registered', async () => {
    world = deskWorld();
    await settle();
    expect(world.autoStart.calls).toEqual([true]);
    expect(world.hotkeys.registered()).toEqual(DEFAULT_DESKTOP_SETTINGS.hotkeys);
  });

  it('a damaged stored value falls back to the defaults and says so in the log', () => {
    world = deskWorld({ storedSettings: { awayAfterMinutes: 'soon', autoPresence: true } });
    expect(world.desk.settings.settings).toEqual(DEFAULT_DESKTOP_SETTINGS);
    expect(world.logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        detail: expect.stringContaining('awayAfterMinutes'),
      }),
    );
  });

  it('keeps what was stored when it is valid', () => {
    world = deskWorld({ storedSettings: { ...DEFAULT_DESKTOP_SETTINGS, awayAfterMinutes: 9 } });
    expect(world.desk.settings.settings.awayAfterMinutes).toBe(9);
  });

  it('refuses a merged result that breaks a rule, naming the field, and changes nothing', async () => {
    world = deskWorld();
    const result = await world.desk.settings.save({ awayAfterMinutes: 20 });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message: expect.stringContaining('extendedAwayAfterMinutes'),
      },
    });
    expect(world.desk.settings.settings.awayAfterMinutes).toBe(5);
    expect(world.settings.values.has('showroom.desktopSettings')).toBe(false);
    expect(world.seen('settingsChanged')).toEqual([]);
  });

  it('new thresholds apply at once, even to someone already idle', async () => {
    world = deskWorld();
    world.advance(3 * MIN);
    world.idle.idleSeconds(3 * 60);
    expect(world.desk.presence.presence.state).toBe('online');

    const result = await world.desk.settings.save({
      awayAfterMinutes: 2,
      extendedAwayAfterMinutes: 3,
    });
    expect(result.ok).toBe(true);
    expect(world.desk.presence.presence).toMatchObject({ state: 'extended_away', reason: 'idle' });
    expect(world.seen('settingsChanged').at(-1)).toMatchObject({ awayAfterMinutes: 2 });
  });

  it('turning automatic presence off brings a person back from an automatic away', async () => {
    world = deskWorld();
    world.advance(6 * MIN);
    world.idle.idleSeconds(6 * 60);
    expect(world.desk.presence.presence.state).toBe('away');
    await world.desk.settings.save({ autoPresence: false });
    expect(world.desk.presence.presence).toMatchObject({ state: 'online', reason: 'manual' });
    world.advance(30 * MIN);
    world.idle.idleSeconds(36 * 60);
    expect(world.desk.presence.presence.state).toBe('online');
  });

  it('Start on login changes the login item; new hotkeys are registered in place of the old', async () => {
    world = deskWorld();
    await settle();
    const result = await world.desk.settings.save({
      startOnLogin: false,
      hotkeys: { acceptOffer: 'CommandOrControl+Alt+L' },
    });
    expect(result.ok).toBe(true);
    expect(world.autoStart.calls).toEqual([true, false]);
    expect(world.hotkeys.registered()).toEqual({
      acceptOffer: 'CommandOrControl+Alt+L',
      oldestAwaiting: DEFAULT_DESKTOP_SETTINGS.hotkeys.oldestAwaiting,
    });
  });

  it('a hotkey the OS refuses is named, and the old keys stay registered', async () => {
    world = deskWorld({ taken: ['CommandOrControl+Alt+T'] });
    const result = await world.desk.settings.save({
      hotkeys: { oldestAwaiting: 'CommandOrControl+Alt+T' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('hotkeys.oldestAwaiting') },
    });
    expect(world.hotkeys.registered()).toEqual(DEFAULT_DESKTOP_SETTINGS.hotkeys);
    expect(world.desk.settings.settings.hotkeys).toEqual(DEFAULT_DESKTOP_SETTINGS.hotkeys);
  });

  it('a login item the OS will not change saves nothing', async () => {
    world = deskWorld();
    await settle();
    world.autoStart.fail = true;
    const result = await world.desk.settings.save({ startOnLogin: false, playSounds: false });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('startOnLogin') },
    });
    expect(world.desk.settings.settings).toEqual(DEFAULT_DESKTOP_SETTINGS);
    expect(world.settings.values.has('showroom.desktopSettings')).toBe(false);
  });

  it('closing releases the hotkeys and stops listening to the OS', () => {
    world = deskWorld();
    expect(world.idle.listening).toBe(true);
    world.desk.close();
    expect(world.hotkeys.registered()).toEqual({});
    expect(world.idle.listening).toBe(false);
  });
});
