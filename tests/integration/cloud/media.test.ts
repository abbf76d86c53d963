import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MEDIA_MAX_BYTES } from '../../../src-shared/domain/media';
import { UPLOAD_BODY_LIMIT } from '../../../src-cloud/media/routes';
import { Api } from './harness/api';
import { seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

/** A file that starts like a PNG (the signature is what the cloud checks), `size` bytes long. */
function pngBytes(size = 64): Buffer {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(40, 1)]);

describe.each(BACKENDS)('attachments (/v1/media) on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let bravo: SeededTenant;
  let agent: Api;
  let bravoManager: Api;

  const upload = (api: Api, body: Record<string, unknown>) => api.post('/v1/media', body);
  const mediaCount = async () =>
    (await cloud.db.query<{ n: number }>('SELECT count(*)::int AS n FROM media'))[0]?.n;
  /** GET with the caller's token, the body as bytes (the Api helper reads text). */
  const download = async (api: Api, url: string) => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${api.token}` } });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    acme = await seedTenant(cloud.db, 'Acme');
    bravo = await seedTenant(cloud.db, 'Bravo');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    bravoManager = await new Api(cloud.url).login(bravo.manager.email, bravo.manager.password);
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)(
    'an image uploads and comes back byte for byte, as that image type',
    async () => {
      const bytes = pngBytes(2048);
      const answer = await upload(agent, {
        name: 'red truck.png',
        contentType: 'image/png',
        data: bytes.toString('base64'),
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        contentType: 'image/png',
        name: 'red truck.png',
        size: 2048,
        url: `${cloud.url}/v1/media/${answer.body.id}`,
      });

      const { response, bytes: served } = await download(agent, answer.body.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.equals(bytes)).toBe(true);
    },
  );

  test.skipIf(skip)('a GIF file attaches like any image', async () => {
    const answer = await upload(agent, {
      name: 'wave.gif',
      contentType: 'image/gif',
      data: GIF.toString('base64'),
    });
    expect(answer.status).toBe(201);
    const { response, bytes } = await download(agent, answer.body.url);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(bytes.equals(GIF)).toBe(true);
  });

  test.skipIf(skip)('a file over 5 MB is refused with 413, and nothing is stored', async () => {
    const before = await mediaCount();
    const answer = await upload(agent, {
      name: 'huge.png',
      contentType: 'image/png',
      data: pngBytes(MEDIA_MAX_BYTES + 1).toString('base64'),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('media_too_large');
    expect(answer.body.error.message).toMatch(/at most 5 MB/);
    // Exactly at the limit is fine.
    const atLimit = await upload(agent, {
      name: 'big.png',
      contentType: 'image/png',
      data: pngBytes(MEDIA_MAX_BYTES).toString('base64'),
    });
    expect(atLimit.status).toBe(201);
    expect(await mediaCount()).toBe((before ?? 0) + 1);
  });

  test.skipIf(skip)('a body far over the limit is refused unread with 413', async () => {
    const answer = await upload(agent, {
      name: 'enormous.png',
      contentType: 'image/png',
      data: 'A'.repeat(12 * 1024 * 1024),
    });
    expect(answer.status).toBe(413);
    // The upload route's own limit is named, not the JSON routes' default.
    expect(answer.body.error.message).toBe(`the body is larger than ${UPLOAD_BODY_LIMIT} bytes`);
  });

  test.skipIf(skip)(
    'anything but an image is refused with 415, saying what is allowed',
    async () => {
      const before = await mediaCount();
      const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
      const wrongType = await upload(agent, {
        name: 'x.html',
        contentType: 'text/html',
        data: html,
      });
      expect(wrongType.status).toBe(415);
      expect(wrongType.body.error.code).toBe('unsupported_media_type');
      expect(wrongType.body.error.message).toMatch(/PNG, JPEG, GIF, WebP/);

      // Named an image, but the bytes are a page: served back, it would still be a page.
      const disguised = await upload(agent, {
        name: 'x.png',
        contentType: 'image/png',
        data: html,
      });
      expect(disguised.status).toBe(415);
      expect(disguised.body.error.code).toBe('media_type_mismatch');

      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
      const vector = await upload(agent, {
        name: 'x.svg',
        contentType: 'image/svg+xml',
        data: svg,
      });
      expect(vector.status).toBe(415);
      expect(await mediaCount()).toBe(before);
    },
  );

  test.skipIf(skip)('bad bodies are refused with 400 naming the problem', async () => {
    const notBase64 = await upload(agent, {
      name: 'x.png',
      contentType: 'image/png',
      data: 'not base64!',
    });
    expect([notBase64.status, notBase64.body.error.message]).toEqual([
      400,
      expect.stringMatching(/data: not base64/),
    ]);
    const empty = await upload(agent, { name: 'x.png', contentType: 'image/png', data: '' });
    expect([empty.status, empty.body.error.message]).toEqual([400, expect.stringMatching(/empty/)]);
    const noName = await upload(agent, { name: ' ', contentType: 'image/png', data: 'iVBO' });
    expect(noName.status).toBe(400);
  });

  test.skipIf(skip)('another tenant cannot read it, nor can someone signed out', async () => {
    const answer = await upload(agent, {
      name: 'private.png',
      contentType: 'image/png',
      data: pngBytes().toString('base64'),
    });
    const other = await download(bravoManager, answer.body.url);
    expect(other.response.status).toBe(404);
    expect(JSON.parse(other.bytes.toString('utf8')).error.code).toBe('not_found');

    const anonymous = await fetch(answer.body.url);
    expect(anonymous.status).toBe(401);
    const anonymousUpload = await new Api(cloud.url).post('/v1/media', {
      name: 'x.png',
      contentType: 'image/png',
      data: pngBytes().toString('base64'),
    });
    expect(anonymousUpload.status).toBe(401);
  });
});
