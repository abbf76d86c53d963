import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src-shared';
import { demoOptionsFromEnv } from '../../../src-main/core';
import { coreWorld, SMALL_DEMO, type CoreWorld } from './core-fixture';

let world: CoreWorld;
beforeEach(() => {
  world = coreWorld();
});
afterEach(() => world.cleanup());

describe('demo mode', () => {
  it('fills an empty replica with the demo dealer group, signed in as agent1', async () => {
    const core = world.open(SMALL_DEMO);
    expect(await core.call('getDirectory', {})).toMatchObject({
      ok: true,
      value: { me: { email: 'agent1@demo.test' } },
    });
    const counts = await core.call('getFolderCounts', { filters: NO_FILTERS });
    expect(counts).toMatchObject({ ok: true, value: { inbox: SMALL_DEMO.leads } });
  });

  it('loads once: a second start keeps what is there', async () => {
    const core = world.open(SMALL_DEMO);
    const filters = { ...NO_FILTERS, sources: ['Chat' as const] };
    await core.call('saveFilters', { filters });
    const again = world.open({ ...SMALL_DEMO, leads: 5 });
    expect(await again.call('getFolderCounts', { filters: NO_FILTERS })).toMatchObject({
      ok: true,
      value: { inbox: SMALL_DEMO.leads },
    });
    expect(await again.call('getSavedFilters', {})).toEqual({ ok: true, value: filters });
  });

  it('is on by default with 3,000 leads; SHOWROOM_DEMO_LEADS and SHOWROOM_DEMO=off change it', () => {
    expect(demoOptionsFromEnv({})).toMatchObject({ leads: 3000 });
    expect(demoOptionsFromEnv({ SHOWROOM_DEMO_LEADS: '25' })).toMatchObject({ leads: 25 });
    expect(demoOptionsFromEnv({ SHOWROOM_DEMO: 'off' })).toBeNull();
    expect(() => demoOptionsFromEnv({ SHOWROOM_DEMO_LEADS: 'lots' })).toThrow(
      /SHOWROOM_DEMO_LEADS/,
    );
  });
});
