import { v7 as uuidv7 } from 'uuid';
import type { Attachment } from 'mailparser';
import type { Media } from '../../src-shared/domain/conversation';
import { imageTypeOf } from '../../src-shared/domain/image-signature';
import { isMediaContentType, MEDIA_MAX_BYTES } from '../../src-shared/domain/media';
import type { z } from 'zod';
import type { Queryable } from '../db/db';
import { insertMedia } from '../media/media-rows';

/** Files a customer commonly sends a dealer besides photos: documents, sheets, plain text. */
const DOCUMENT_TYPES = new Set([
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);
/** A message carries at most 10 (src-shared Message.media). */
const MAX_KEPT = 10;

export interface KeptAttachments {
  media: z.infer<typeof Media>[];
  /** One line per file not kept, for the thread: nothing disappears silently. */
  notKept: string[];
}

/**
 * Stores an email's attachments as media of the tenant (src-cloud/media), within `tx`: images
 * whose bytes are the image type they claim, and common documents, each at most 5 MB, ten at
 * most. Anything else (programs, pages, archives, oversized files) is named, not kept.
 */
export async function keepAttachments(
  tx: Queryable,
  owner: { tenantId: string; leadId: string },
  attachments: readonly Attachment[],
  mediaUrl: (id: string) => string,
  now: number,
): Promise<KeptAttachments> {
  const kept: KeptAttachments = { media: [], notKept: [] };
  for (const attachment of attachments) {
    const name = safeName(attachment.filename);
    const declared = attachment.contentType.toLowerCase().slice(0, 100);
    const refusal = refusalOf(attachment, declared, kept.media.length);
    if (refusal) {
      kept.notKept.push(`[Attachment not kept: ${name} (${refusal})]`);
      continue;
    }
    const id = uuidv7();
    await insertMedia(tx, {
      id,
      tenantId: owner.tenantId,
      uploadedBy: `lead:${owner.leadId}`,
      name,
      contentType: declared,
      bytes: attachment.content,
      createdAt: now,
    });
    kept.media.push({ url: mediaUrl(id), contentType: declared, name });
  }
  return kept;
}

function refusalOf(attachment: Attachment, type: string, keptSoFar: number): string | null {
  const size = attachment.content.length;
  if (size === 0) return 'empty';
  if (size > MEDIA_MAX_BYTES) return `${(size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit`;
  if (keptSoFar >= MAX_KEPT) return `more than ${MAX_KEPT} attachments`;
  if (isMediaContentType(type)) {
    return imageTypeOf(attachment.content) === type ? null : `not really ${type}`;
  }
  return DOCUMENT_TYPES.has(type) ? null : `${type || 'unknown type'} files are not kept`;
}

/** A file name for display: no path, no control characters, at most 200 characters. */
function safeName(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'attachment';
}
