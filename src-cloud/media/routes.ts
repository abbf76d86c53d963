import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { MEDIA_MAX_BASE64_CHARS } from '../../src-shared/domain/media';
import { HttpError } from '../http/errors';
import { signedInRoute } from '../http/route';
import { checkedUpload } from './checks';
import { insertMedia, readMedia } from './media-rows';

const MediaResponse = z.object({
  id: Id,
  url: z.string(),
  contentType: z.string(),
  name: z.string(),
  size: z.number().int(),
});

/** Room for the largest allowed file as base64 and its JSON; larger is refused unread (413). */
export const UPLOAD_BODY_LIMIT = MEDIA_MAX_BASE64_CHARS + 64 * 1024;

export const mediaRoutes = [
  signedInRoute({
    method: 'POST',
    url: '/v1/media',
    summary:
      'Store an image to attach to a message (PNG, JPEG, GIF or WebP, at most 5 MB, `data` in base64). 201 with the Media a message carries; 413 media_too_large, 415 unsupported_media_type or media_type_mismatch (the bytes are not that image type).',
    access: 'agent',
    bodyLimit: UPLOAD_BODY_LIMIT,
    body: z
      .object({
        name: z.string().trim().min(1).max(200),
        contentType: z.string().max(200),
        data: z.string(),
      })
      .strict(),
    response: MediaResponse,
    status: 201,
    handle: async ({ services, auth, body }) => {
      const { contentType, bytes } = checkedUpload(body.contentType, body.data);
      const id = uuidv7();
      await insertMedia(services.db, {
        id,
        tenantId: auth.tenantId,
        uploadedBy: auth.userId,
        name: body.name,
        contentType,
        bytes,
        createdAt: services.now(),
      });
      const url = `${services.publicUrl().replace(/\/+$/, '')}/v1/media/${id}`;
      return { id, url, contentType, name: body.name, size: bytes.length };
    },
  }),
  signedInRoute({
    method: 'GET',
    url: '/v1/media/:id',
    summary: "An attachment's bytes, to a user of the tenant that stored it (404 to anyone else).",
    access: 'agent',
    params: z.object({ id: Id }),
    handle: async ({ services, auth, params, reply }) => {
      const media = await readMedia(services.db, auth.tenantId, params.id);
      if (!media) throw new HttpError(404, 'not_found', `no attachment ${params.id}`);
      reply
        .header('content-type', media.contentType)
        // Served as exactly the image type it was checked to be, never as a page.
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.name)}`)
        .header('cache-control', 'private, max-age=31536000, immutable');
      return media.bytes;
    },
  }),
];
