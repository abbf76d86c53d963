import { GifSearchError, type GifProvider } from './gif-provider';
import { giphyGif, giphyGifs } from './giphy-answer';

export interface GiphyOptions {
  /** The service's base URL ("https://api.giphy.com"); `/v1/gifs/...` is added to it. */
  endpoint: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The base URL, parsed, not matched: http(s) only, no credentials in it. */
export function giphyBase(endpoint: string): URL {
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    throw new GifSearchError(`the GIF search endpoint "${endpoint.slice(0, 200)}" is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new GifSearchError(`the GIF search endpoint must be http or https, not ${base.protocol}`);
  }
  if (base.username || base.password) {
    throw new GifSearchError('the GIF search endpoint must not carry a user name or password');
  }
  base.pathname = base.pathname.replace(/\/+$/, '');
  base.search = '';
  base.hash = '';
  return base;
}

/**
 * GIPHY's API: `GET /v1/gifs/search?api_key&q&limit&rating` answering `{data: [gif]}`, and
 * `GET /v1/gifs/:id?api_key` answering `{data: gif}`. Any service speaking it will do. The key
 * travels in the query, as GIPHY wants it, so no address is ever put in an error or a log.
 */
export function giphy(options: GiphyOptions): GifProvider {
  const base = giphyBase(options.endpoint);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  const get = async (path: string, params: Record<string, string>): Promise<unknown> => {
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base.origin);
    for (const [name, value] of Object.entries({ api_key: options.apiKey, ...params })) {
      url.searchParams.set(name, value);
    }
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new GifSearchError(`the GIF search service at ${base.host} did not answer`);
    }
    const answer: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      throw new GifSearchError(
        `the GIF search service answered ${response.status}${said(answer, options.apiKey)}`,
      );
    }
    return answer;
  };

  return {
    async search(query, limit) {
      return giphyGifs(
        await get('/v1/gifs/search', { q: query, limit: String(limit), rating: 'pg' }),
      );
    },
    async byId(id) {
      return giphyGif(await get(`/v1/gifs/${encodeURIComponent(id)}`, {}));
    },
  };
}

/** GIPHY's own words for a refusal (`meta.msg` or `message`), short, the key never repeated. */
function said(answer: unknown, apiKey: string): string {
  const body = answer as { meta?: { msg?: unknown }; message?: unknown } | null;
  const text = body?.meta?.msg ?? body?.message;
  if (typeof text !== 'string' || !text.trim()) return '';
  return `: ${text.split(apiKey).join('…').slice(0, 200)}`;
}

/**
 * The GIF search this PC is set up with: SHOWROOM_GIF_URL (a GIPHY-compatible endpoint) and
 * SHOWROOM_GIF_API_KEY; null when no endpoint is set up. Read at each call: no restart needed.
 */
export function gifProviderFromEnv(env: Record<string, string | undefined>): GifProvider | null {
  const endpoint = env.SHOWROOM_GIF_URL?.trim();
  if (!endpoint) return null;
  const apiKey = env.SHOWROOM_GIF_API_KEY?.trim();
  if (!apiKey) {
    throw new GifSearchError('SHOWROOM_GIF_URL is set but SHOWROOM_GIF_API_KEY, its key, is not');
  }
  return giphy({ endpoint, apiKey });
}
