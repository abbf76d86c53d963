/**
 * A GIF from the search provider to the cloud, and an attachment back to the page: the core
 * downloads the chosen GIF from the provider (a GIPHY stand-in) and stores it in the cloud
 * (attachGif); it fetches an attachment with the session for the page to show (getMedia), from
 * the signed-in cloud and nowhere else.
 */
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { AGENT1, DEMO_PASSWORD, startDemoCloud } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';
import {
  ORIGINAL_GIF,
  STAND_IN_KEY,
  startGiphyStandIn,
  type GiphyStandIn,
} from './harness/giphy-stand-in';

const saved = { url: process.env.SHOWROOM_GIF_URL, key: process.env.SHOWROOM_GIF_API_KEY };

let cloud: TestCloud;
let stand: GiphyStandIn;
let desktop: Desktop;
beforeAll(async () => {
  [cloud, stand] = await Promise.all([startDemoCloud(), startGiphyStandIn()]);
  process.env.SHOWROOM_GIF_URL = stand.url;
  process.env.SHOWROOM_GIF_API_KEY = STAND_IN_KEY;
  desktop = startDesktop();
  await desktop.call('signIn', { cloudUrl: cloud.url, email: AGENT1, password: DEMO_PASSWORD });
  await desktop.connection((c) => c.state === 'online');
});
afterAll(async () => {
  for (const [name, value] of [
    ['SHOWROOM_GIF_URL', saved.url],
    ['SHOWROOM_GIF_API_KEY', saved.key],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await desktop?.close();
  await Promise.all([cloud?.stop(), stand?.close()]);
});
beforeEach(() => {
  stand.requests.length = 0;
});

const mediaCount = async () =>
  Number((await cloud.db.query<{ n: number }>('SELECT count(*)::int AS n FROM media'))[0]!.n);

test('a GIF chosen in the search is downloaded by the core and stored in the cloud', async () => {
  const found = await desktop.call('searchGifs', { query: 'dance' });
  expect(found.gifs?.map((gif) => gif.id)).toEqual(['dance']);
  expect(found.gifs?.[0]?.preview?.dataUrl).toMatch(/^data:image\/gif;base64,R0lGOD/);

  stand.requests.length = 0;
  const media = await desktop.call('attachGif', { gifId: 'dance' });
  expect(media).toEqual({
    url: expect.stringMatching(new RegExp(`^${cloud.url}/v1/media/`)),
    contentType: 'image/gif',
    name: 'Dance GIF.gif',
  });
  expect(stand.requests.map((r) => r.pathname)).toEqual(['/v1/gifs/dance', '/media/dance.gif']);

  const shown = await desktop.call('getMedia', { url: media.url });
  expect(shown.contentType).toBe('image/gif');
  expect(Buffer.from(shown.dataBase64, 'base64').equals(ORIGINAL_GIF)).toBe(true);
  expect(JSON.stringify(desktop.logs)).not.toContain(STAND_IN_KEY);
});

test('a GIF the provider serves as something else, or too big, is refused and nothing is stored', async () => {
  const before = await mediaCount();
  for (const [gifId, reason] of [
    ['page', 'the file is text/html, not a image/gif'],
    ['liar', 'the file is labelled image/gif but is not one'],
    ['huge', 'the file is larger than 5 MB'],
  ] as const) {
    expect(await desktop.raw('attachGif', { gifId })).toEqual({
      ok: false,
      error: { code: 'internal', message: `Could not attach the GIF: ${reason}.` },
    });
  }
  expect(await mediaCount()).toBe(before);
});

test('getMedia fetches only the signed-in cloud’s attachments: another origin gets no request', async () => {
  const media = await desktop.call('attachGif', { gifId: 'dance' });
  const id = media.url.split('/').pop()!;
  stand.requests.length = 0;
  for (const url of [
    `${stand.url}/v1/media/${id}`,
    `${cloud.url}.evil.test/v1/media/${id}`,
    `${cloud.url}/v1/sync?since=0`,
  ]) {
    expect(await desktop.raw('getMedia', { url })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message: expect.stringMatching(/cloud you are signed in to/),
      },
    });
  }
  expect(stand.requests).toEqual([]);
  const gone = `${cloud.url}/v1/media/0190f3a2-7c1e-7d2a-9b1c-3e4f5a6b7c8d`;
  expect(await desktop.raw('getMedia', { url: gone })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });
});
