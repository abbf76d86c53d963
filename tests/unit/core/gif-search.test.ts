/**
 * The GIF search provider (GIPHY's API) against a stand-in on 127.0.0.1: what it asks, what it
 * shows, and every file it refuses to pass on.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GifSearchError } from '../../../src-main/core/gif-search/gif-provider';
import {
  chosenGifUpload,
  PREVIEW_MAX_BYTES,
  searchWithPreviews,
} from '../../../src-main/core/gif-search/gif-service';
import { giphy, giphyBase, gifProviderFromEnv } from '../../../src-main/core/gif-search/giphy';
import { handlers, type HandlerContext } from '../../../src-main/core/handlers';
import { downloadImage } from '../../../src-main/core/media/download-image';
import { ImageFetchError } from '../../../src-main/core/media/read-image';
import {
  ORIGINAL_GIF,
  PREVIEW_GIF,
  STAND_IN_KEY,
  startGiphyStandIn,
  type GiphyStandIn,
} from '../../integration/sync/harness/giphy-stand-in';

let stand: GiphyStandIn;
beforeAll(async () => {
  stand = await startGiphyStandIn();
});
afterAll(() => stand.close());
beforeEach(() => {
  stand.requests.length = 0;
  stand.failWith = null;
});

const provider = () => giphy({ endpoint: `${stand.url}/`, apiKey: STAND_IN_KEY });

describe('GIF search through a GIPHY endpoint', () => {
  it('asks GIPHY’s search with the key, a limit and the pg rating, and shows each preview as a data: URL', async () => {
    const hits = await searchWithPreviews(provider(), 'dance');
    expect(hits).toEqual([
      {
        id: 'dance',
        title: 'Dance GIF',
        preview: {
          dataUrl: `data:image/gif;base64,${PREVIEW_GIF.toString('base64')}`,
          width: 1,
          height: 1,
        },
      },
    ]);
    const search = stand.requests[0]!;
    expect(search.pathname).toBe('/v1/gifs/search');
    expect(Object.fromEntries(search.searchParams)).toEqual({
      api_key: STAND_IN_KEY,
      q: 'dance',
      limit: '12',
      rating: 'pg',
    });
  });

  it('a provider error says what the provider said, never the key', async () => {
    stand.failWith = 500;
    const failed = searchWithPreviews(provider(), 'dance');
    await expect(failed).rejects.toThrow('the GIF search service answered 500: Service trouble');
    stand.failWith = null;
    const wrongKey = giphy({ endpoint: stand.url, apiKey: 'not-the-key' }).search('dance', 5);
    await expect(wrongKey).rejects.toThrow(/answered 401: Invalid authentication credentials/);
    const unreachable = giphy({
      endpoint: 'http://127.0.0.1:9',
      apiKey: STAND_IN_KEY,
      timeoutMs: 2_000,
    });
    const error = await unreachable.search('dance', 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GifSearchError);
    expect(String(error)).not.toContain(STAND_IN_KEY);
  });

  it('an answer that is not GIPHY’s shape is an error; GIFs with nothing to attach are left out', async () => {
    const answering = (body: unknown) =>
      giphy({
        endpoint: stand.url,
        apiKey: 'k',
        fetch: async () => new Response(JSON.stringify(body), { status: 200 }),
      });
    await expect(answering({ gifs: [] }).search('x', 5)).rejects.toThrow(/other than GIFs/);
    const odd = [
      { id: '../../etc', images: { original: { url: 'http://x/a.gif' } } },
      { id: 'no-images' },
      { id: 'ok', title: 'Fine', images: { original: { url: 'http://x/a.gif', size: '10' } } },
    ];
    expect(await answering({ data: odd }).search('x', 5)).toEqual([
      {
        id: 'ok',
        title: 'Fine',
        preview: null,
        attachable: [{ url: 'http://x/a.gif', width: null, height: null, bytes: 10 }],
      },
    ]);
  });

  it('the chosen GIF is asked for again by id and downloaded as the upload', async () => {
    const upload = await chosenGifUpload(provider(), 'dance');
    expect(upload).toEqual({
      name: 'Dance GIF.gif',
      contentType: 'image/gif',
      dataBase64: ORIGINAL_GIF.toString('base64'),
    });
    expect(stand.requests.map((r) => r.pathname)).toEqual(['/v1/gifs/dance', '/media/dance.gif']);
  });

  it('a huge file is refused, by its length or while it streams', async () => {
    await expect(chosenGifUpload(provider(), 'huge')).rejects.toThrow(
      'the file is larger than 5 MB',
    );
    await expect(chosenGifUpload(provider(), 'sneaky')).rejects.toThrow(
      'the file is larger than 5 MB',
    );
    const preview = downloadImage(`${stand.url}/media/dance.gif`, {
      maxBytes: ORIGINAL_GIF.length - 1,
      types: ['image/gif'],
    });
    await expect(preview).rejects.toBeInstanceOf(ImageFetchError);
  });

  it('a file of the wrong type is refused, whether its header or its bytes say so', async () => {
    await expect(chosenGifUpload(provider(), 'page')).rejects.toThrow(
      'the file is text/html, not a image/gif',
    );
    await expect(chosenGifUpload(provider(), 'liar')).rejects.toThrow(
      'the file is labelled image/gif but is not one',
    );
  });

  it('redirects are followed a few times, not forever, and only to http(s)', async () => {
    const hops = (maxRedirects: number) =>
      downloadImage(`${stand.url}/hop/3`, { maxBytes: 1024, types: ['image/gif'], maxRedirects });
    expect((await hops(4)).bytes.equals(ORIGINAL_GIF)).toBe(true);
    await expect(hops(3)).rejects.toThrow(/redirected more than 3 times/);
    const toFile = downloadImage('http://127.0.0.1/x', {
      maxBytes: 1024,
      types: ['image/gif'],
      fetch: async () =>
        new Response(null, { status: 302, headers: { location: 'file:///etc/passwd' } }),
    });
    await expect(toFile).rejects.toThrow(/http or https, not file:/);
  });

  it('previews too heavy or not images are left out; the result stays, titled', async () => {
    const hits = await searchWithPreviews(provider(), 'dance', async (url, options) => {
      expect(options.maxBytes).toBe(PREVIEW_MAX_BYTES);
      throw new ImageFetchError(`refused ${url}`);
    });
    expect(hits).toEqual([{ id: 'dance', title: 'Dance GIF', preview: null }]);
  });

  it('the endpoint is parsed: http(s) only, no credentials; the key is needed once a URL is set', () => {
    expect(giphyBase('https://api.giphy.com/').href).toBe('https://api.giphy.com/');
    expect(() => giphyBase('ftp://api.giphy.com')).toThrow(/http or https/);
    expect(() => giphyBase('https://me:pw@api.giphy.com')).toThrow(/user name/);
    expect(gifProviderFromEnv({})).toBeNull();
    expect(gifProviderFromEnv({ SHOWROOM_GIF_URL: ' ', SHOWROOM_GIF_API_KEY: 'k' })).toBeNull();
    expect(() => gifProviderFromEnv({ SHOWROOM_GIF_URL: stand.url })).toThrow(
      /SHOWROOM_GIF_API_KEY/,
    );
  });
});

describe('the core’s searchGifs', () => {
  const saved = { url: process.env.SHOWROOM_GIF_URL, key: process.env.SHOWROOM_GIF_API_KEY };
  const restore = () => {
    for (const [name, value] of [
      ['SHOWROOM_GIF_URL', saved.url],
      ['SHOWROOM_GIF_API_KEY', saved.key],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };

  it('with no provider set up it says so; set up, it answers without a restart', async () => {
    const context = {} as HandlerContext;
    try {
      delete process.env.SHOWROOM_GIF_URL;
      delete process.env.SHOWROOM_GIF_API_KEY;
      expect(await handlers.searchGifs({ query: 'dance' }, context)).toEqual({
        ok: true,
        value: { gifs: null, reason: expect.stringMatching(/No GIF search is set up.*GIF file/) },
      });
      process.env.SHOWROOM_GIF_URL = stand.url;
      process.env.SHOWROOM_GIF_API_KEY = STAND_IN_KEY;
      const found = await handlers.searchGifs({ query: 'dance' }, context);
      expect(found).toMatchObject({ ok: true, value: { gifs: [{ id: 'dance' }] } });
      stand.failWith = 503;
      const failed = await handlers.searchGifs({ query: 'dance' }, context);
      expect(failed).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message:
            'Could not search for GIFs: the GIF search service answered 503: Service trouble.',
        },
      });
    } finally {
      restore();
    }
  });
});
