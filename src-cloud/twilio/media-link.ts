import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { HttpError } from '../http/errors';
import { publicRoute } from '../http/route';
import { readMedia } from '../media/media-rows';
import { loadTwilioAccount, type TwilioAccount } from './account';

/** Twilio fetches an MMS's media when it sends it; a day covers its retries with room to spare. */
export const MEDIA_LINK_TTL_MS = 24 * 3_600_000;

const PATH = /^\/v1\/media\/([0-9a-f-]{36})$/i;

function signature(authToken: string, tenantId: string, mediaId: string, expires: number) {
  return createHmac('sha256', authToken)
    .update(`${tenantId}.${mediaId}.${expires}`)
    .digest('base64url');
}

/**
 * The address Twilio fetches an attachment from: this cloud's own media only (`/v1/media/ID`
 * on PUBLIC_URL, parsed, not matched), as a public, signed, expiring link keyed by the tenant's
 * auth token. Null for any other URL: the cloud never asks Twilio to fetch a stranger's file.
 */
export function twilioMediaLink(
  url: string,
  publicUrl: string,
  tenantId: string,
  account: TwilioAccount,
  now: number,
): string | null {
  let parsed: URL;
  let base: URL;
  try {
    parsed = new URL(url);
    base = new URL(publicUrl);
  } catch {
    return null;
  }
  const id = PATH.exec(parsed.pathname)?.[1];
  if (parsed.origin !== base.origin || !id || parsed.search !== '' || parsed.hash !== '') {
    return null;
  }
  const expires = now + MEDIA_LINK_TTL_MS;
  const sig = signature(account.authToken, tenantId, id, expires);
  return `${base.origin}/v1/twilio/media/${tenantId}/${id}?expires=${expires}&sig=${sig}`;
}

/** The public route behind those links: the bytes, to whoever holds an unexpired signature. */
export const twilioMediaRoute = publicRoute({
  method: 'GET',
  url: '/v1/twilio/media/:tenantId/:id',
  summary:
    'An MMS attachment, for Twilio to fetch: only with the signed, expiring link the cloud gave it (403 otherwise).',
  params: z.object({ tenantId: Id, id: Id }),
  query: z.object({ expires: z.coerce.number().int(), sig: z.string().max(100) }),
  handle: async ({ services, params, query, reply }) => {
    const account = await loadTwilioAccount(services.db, services.secrets, params.tenantId);
    const expected =
      account &&
      Buffer.from(signature(account.authToken, params.tenantId, params.id, query.expires));
    const given = Buffer.from(query.sig);
    if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new HttpError(403, 'forbidden', 'this media link is not signed by this cloud');
    }
    if (query.expires < services.now()) {
      throw new HttpError(403, 'forbidden', 'this media link has expired');
    }
    const media = await readMedia(services.db, params.tenantId, params.id);
    if (!media) throw new HttpError(404, 'not_found', `no attachment ${params.id}`);
    reply
      .header('content-type', media.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=3600');
    return media.bytes;
  },
});
