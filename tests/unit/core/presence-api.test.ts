import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../src-shared';
import { coreWorld, recordEvents, type CoreWorld } from './core-fixture';

let world: CoreWorld;
beforeEach(() => {
  world = coreWorld();
});
afterEach(() => world.cleanup());

describe('the presence and offer calls of the ConsoleApi', () => {
  it('answers this desk’s presence, and a manual choice changes it and is announced', async () => {
    const core = world.open();
    const changes = recordEvents(core, 'presenceChanged');
    expect(await core.call('getPresence', {})).toMatchObject({
      ok: true,
      value: { state: 'online', reason: 'active' },
    });
    expect(await core.call('setPresence', { state: 'away' })).toMatchObject({
      ok: true,
      value: { state: 'away', reason: 'manual' },
    });
    expect(changes.map((p) => p.state)).toEqual(['away']);
    expect(await core.call('setPresence', { state: 'busy' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
  });

  it('saves settings, announces them and keeps them for the next start', async () => {
    const core = world.open();
    const changed = recordEvents(core, 'settingsChanged');
    expect(await core.call('getSettings', {})).toEqual({
      ok: true,
      value: DEFAULT_DESKTOP_SETTINGS,
    });
    const saved = await core.call('saveSettings', { settings: { awayAfterMinutes: 10 } });
    expect(saved).toMatchObject({ ok: true, value: { awayAfterMinutes: 10 } });
    expect(changed).toHaveLength(1);

    const reopened = world.open();
    expect(await reopened.call('getSettings', {})).toMatchObject({
      value: { awayAfterMinutes: 10, extendedAwayAfterMinutes: 15 },
    });
  });

  it('refuses settings that break a rule, naming the field', async () => {
    const core = world.open();
    const unknown = await core.call('saveSettings', { settings: { awayAfter: 3 } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    const merged = await core.call('saveSettings', { settings: { extendedAwayAfterMinutes: 4 } });
    expect(merged).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message: expect.stringContaining('extendedAwayAfterMinutes'),
      },
    });
  });

  it('without a session: no Agents panel, nothing ringing, nothing to accept', async () => {
    const core = world.open();
    expect(await core.call('getAgentsPresence', {})).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(await core.call('getRingingOffers', {})).toEqual({ ok: true, value: [] });
    expect(await core.call('acceptOffer', { offerId: 'offer-1' })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });

  it('registers the hotkeys at start and releases them on close', async () => {
    const core = world.open();
    const ports = core.ports as unknown as { hotkeys: { registered(): object } };
    expect(ports.hotkeys.registered()).toEqual(DEFAULT_DESKTOP_SETTINGS.hotkeys);
    await core.close();
    expect(ports.hotkeys.registered()).toEqual({});
  });
});
