import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real 11x11 GIF (a plus sign): what the stand-in serves as an original. */
export const ORIGINAL_GIF = Buffer.from(
  'R0lGODlhCwALAPEDAP///39/fwAAAMDAwCH5BAUAAAMALAAAAAALAAsAAAIfnI8Wy6wAIwgPikhHiBfmLYThVAEdqXFYKX1Nk8RDAQA7',
  'base64',
);
/** A real 1x1 GIF: every preview. */
export const PREVIEW_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
);
export const STAND_IN_KEY = 'stand-in-key-7f3a';

/**
 * The GIFs the stand-in knows. `dance` is a good one; the others break one rule each: an
 * original bigger than any attachment may be (said by its length, or not said: `sneaky`), a "GIF" served as a web page, a file that is a
 * web page labelled image/gif, and a file behind a chain of redirects.
 */
export const STAND_IN_GIFS = ['dance', 'huge', 'sneaky', 'page', 'liar', 'hops'] as const;
export type StandInGif = (typeof STAND_IN_GIFS)[number];

const FILES: Record<string, { type: string; body: () => Buffer; unsized?: boolean }> = {
  'dance.gif': { type: 'image/gif', body: () => ORIGINAL_GIF },
  'preview.gif': { type: 'image/gif', body: () => PREVIEW_GIF },
  'huge.gif': {
    type: 'image/gif',
    body: () => Buffer.concat([ORIGINAL_GIF, Buffer.alloc(6 * 1024 * 1024, 0x3b)]),
  },
  'sneaky.gif': {
    type: 'image/gif',
    body: () => Buffer.concat([ORIGINAL_GIF, Buffer.alloc(6 * 1024 * 1024, 0x3b)]),
    unsized: true,
  },
  'page.gif': { type: 'text/html', body: () => Buffer.from('<html>not a gif</html>') },
  'liar.gif': { type: 'image/gif', body: () => Buffer.from('<html>not a gif either</html>') },
};

export interface GiphyStandIn {
  url: string;
  /** Each request's path and query, in order (the key among them: tests check where it goes). */
  requests: URL[];
  /** The next answers to /v1/gifs/* are this error (GIPHY's error body), until set to null. */
  failWith: number | null;
  close(): Promise<void>;
}

/** A GIPHY-speaking server on 127.0.0.1: search, by id, and the files its answers point at. */
export async function startGiphyStandIn(): Promise<GiphyStandIn> {
  const requests: URL[] = [];
  let base = '';
  const gif = (id: StandInGif) => ({
    id,
    title: `${id[0]!.toUpperCase()}${id.slice(1)} GIF`,
    images: {
      fixed_height: { url: `${base}/media/preview.gif`, width: '1', height: '1', size: '43' },
      original: { url: id === 'hops' ? `${base}/hop/3` : `${base}/media/${id}.gif` },
    },
  });

  const stand: GiphyStandIn = {
    url: '',
    requests,
    failWith: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    requests.push(url);
    // A client that stops reading a file it finds too big closes the socket mid-write.
    response.on('error', () => {});
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const left = Number(hop[1]);
      response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/media/dance.gif' });
      response.end();
      return;
    }
    const file = FILES[url.pathname.replace(/^\/media\//, '')];
    if (url.pathname.startsWith('/media/') && file) {
      const body = file.body();
      if (file.unsized) {
        // Chunked, no length said: only counting the bytes as they come stops it.
        response.writeHead(200, { 'content-type': file.type });
        for (let at = 0; at < body.length; at += 64 * 1024)
          response.write(body.subarray(at, at + 64 * 1024));
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'content-length': body.length });
      response.end(body);
      return;
    }
    if (!url.pathname.startsWith('/v1/gifs/')) return json(404, { message: 'Not found' });
    if (stand.failWith !== null) {
      return json(stand.failWith, { meta: { status: stand.failWith, msg: 'Service trouble' } });
    }
    if (url.searchParams.get('api_key') !== STAND_IN_KEY) {
      return json(401, { meta: { status: 401, msg: 'Invalid authentication credentials' } });
    }
    if (url.pathname === '/v1/gifs/search') {
      const q = url.searchParams.get('q') ?? '';
      const limit = Number(url.searchParams.get('limit') ?? 25);
      const found = STAND_IN_GIFS.filter((id) => q === '*' || q.split(' ').includes(id));
      return json(200, { data: found.slice(0, limit).map(gif), meta: { status: 200 } });
    }
    const id = url.pathname.slice('/v1/gifs/'.length) as StandInGif;
    if (!STAND_IN_GIFS.includes(id)) return json(404, { meta: { status: 404, msg: 'Not Found' } });
    return json(200, { data: gif(id), meta: { status: 200 } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.url = base;
  return stand;
}
