import { imageTypeOf } from '../../src-shared/domain/image-signature';
import { isMediaContentType, MEDIA_MAX_BYTES } from '../../src-shared/domain/media';
import type { TwilioAccount } from './account';

/** An attachment of an inbound MMS as the webhook named it. */
export interface MediaItem {
  url: string;
  contentType: string;
}

export type Download =
  | { kept: true; contentType: string; bytes: Buffer }
  /** Refused for good (a type, a size, an address): `why` completes "attachment not kept: ". */
  | { kept: false; why: string };

/** A failure worth another try later (the network, Twilio's 5xx or 429). */
export class TransientMediaError extends Error {}

const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 30_000;

/**
 * Fetches one MMS attachment from Twilio: HTTP Basic with the account SID and auth token (media
 * of accounts with HTTP auth on need it), redirects followed by hand so the credentials go only
 * to Twilio's own origin, never to the storage host it redirects to; at most 5 MB, read as it
 * comes and cut off past the limit; kept only as an image type the media module accepts whose
 * bytes are that type.
 */
export async function downloadTwilioMedia(
  item: MediaItem,
  account: TwilioAccount,
  apiOrigin: string,
): Promise<Download> {
  const type = item.contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (!isMediaContentType(type)) return { kept: false, why: item.contentType || 'no type' };
  let url = parsed(item.url);
  if (!url || !isTwilioOrigin(url, apiOrigin)) {
    return { kept: false, why: `${type} (not an address of Twilio's)` };
  }
  const credentials = Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64');
  const trusted = url.origin;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: url.origin === trusted ? { authorization: `Basic ${credentials}` } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new TransientMediaError(`fetching media failed: ${String(error)}`);
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const next = parsed(response.headers.get('location') ?? '', url);
      if (!next || (next.protocol !== 'https:' && next.protocol !== url.protocol)) {
        return { kept: false, why: `${type} (redirected to an address that is not one)` };
      }
      url = next;
      continue;
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new TransientMediaError(`Twilio answered ${response.status} for media`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kept: false, why: `${type} (Twilio answered ${response.status})` };
    }
    const bytes = await readAtMost(response, MEDIA_MAX_BYTES);
    if (!bytes) return { kept: false, why: `${type} (larger than 5 MB)` };
    if (imageTypeOf(bytes) !== type) return { kept: false, why: `${type} (not really a ${type})` };
    return { kept: true, contentType: type, bytes };
  }
  return { kept: false, why: `${type} (more than ${MAX_REDIRECTS} redirects)` };
}

/** Twilio's API origin (a stand-in in tests), or another https host of twilio.com. */
function isTwilioOrigin(url: URL, apiOrigin: string): boolean {
  if (url.origin === new URL(apiOrigin).origin) return true;
  return (
    url.protocol === 'https:' &&
    (url.hostname === 'twilio.com' || url.hostname.endsWith('.twilio.com'))
  );
}

function parsed(text: string, base?: URL): URL | null {
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The body, or null once it passes `limit` bytes (the rest is not read). */
async function readAtMost(response: Response, limit: number): Promise<Buffer | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new TransientMediaError(`reading media failed: ${String(error)}`);
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
