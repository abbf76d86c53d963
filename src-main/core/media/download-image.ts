import { ImageFetchError, readImage, type FetchedImage, type ImageLimits } from './read-image';

export interface DownloadOptions extends ImageLimits {
  /** Redirects followed at most; each new address is parsed and checked like the first. */
  maxRedirects?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * An image from an outside server (a GIF provider's file), for the core to pass on: http(s)
 * only, no credentials in the address, redirects followed by hand and counted, the type checked
 * by header and by signature, the size limited while it streams.
 */
export async function downloadImage(
  address: string,
  options: DownloadOptions,
): Promise<FetchedImage> {
  const { maxRedirects = 3, timeoutMs = 20_000 } = options;
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = outsideUrl(address);
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await doFetch(url, { redirect: 'manual', signal, headers: { accept: 'image/*' } });
    } catch {
      throw new ImageFetchError(`the server at ${url.host} did not answer`);
    }
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new ImageFetchError(`the server at ${url.host} redirected to nowhere`);
      if (redirects >= maxRedirects) {
        throw new ImageFetchError(
          `the server at ${url.host} redirected more than ${maxRedirects} times`,
        );
      }
      url = outsideUrl(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImageFetchError(`the server at ${url.host} answered ${response.status}`);
    }
    return readImage(response, options);
  }
}

/** An address parsed, not matched: http(s), and no user name or password in it. */
export function outsideUrl(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new ImageFetchError('the file’s address is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ImageFetchError(`the file’s address must be http or https, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new ImageFetchError('the file’s address must not carry a user name or password');
  }
  return url;
}
