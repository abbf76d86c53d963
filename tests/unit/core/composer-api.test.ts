import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STORES } from '../../../src-shared/demo';
import type { SavedReply } from '../../../src-shared/domain';
import { coreWorld, SMALL_DEMO, type CoreWorld } from './core-fixture';

let world: CoreWorld;
beforeEach(() => {
  world = coreWorld();
});
afterEach(() => world.cleanup());

describe('what the composer asks the core', () => {
  it('saved replies: the store’s own first, then those for every store, none of another store', async () => {
    const core = world.open(SMALL_DEMO);
    const [denver, phoenix] = [DEMO_STORES[0]!.row.id, DEMO_STORES[1]!.row.id];
    const result = await core.call('getSavedReplies', { storeId: denver });
    if (!result.ok) throw new Error(result.error.message);
    const replies = result.value as SavedReply[];
    const scopes = replies.map((r) => r.storeId);
    const own = scopes.filter((s) => s === denver).length;
    expect(own).toBeGreaterThan(0);
    expect(scopes.slice(0, own).every((s) => s === denver)).toBe(true);
    expect(scopes.slice(own).every((s) => s === null)).toBe(true);
    expect(scopes).not.toContain(phoenix);
    const titles = replies.slice(own).map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  it('an upload without a cloud (the local demo) is refused with the reason, not thrown', async () => {
    const core = world.open(SMALL_DEMO);
    const upload = { name: 'a.gif', contentType: 'image/gif', dataBase64: 'R0lGODlh' };
    expect(await core.call('uploadMedia', upload)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/not connected/) },
    });
  });

  it('an upload that is too big or not an image never reaches the cloud', async () => {
    const core = world.open(SMALL_DEMO);
    const tooBig = 'A'.repeat(7_000_000);
    for (const upload of [
      { name: 'a.png', contentType: 'image/png', dataBase64: tooBig },
      { name: 'a.html', contentType: 'text/html', dataBase64: 'PGh0bWw+' },
      { name: 'a.png', contentType: 'image/png', dataBase64: 'not base64!' },
    ]) {
      expect(await core.call('uploadMedia', upload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_arguments' },
      });
    }
  });
});
