import { z } from 'zod';
import type { Media } from './conversation';

/** What an attachment may be (issue 4): images only, as MMS and the thread can show them. */
export const MEDIA_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type MediaContentType = (typeof MEDIA_CONTENT_TYPES)[number];
export const MediaContentType = z.enum(MEDIA_CONTENT_TYPES);

/** 5 MB: the most a carrier's MMS gateway takes, and plenty for a photo of a car. */
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;

export function isMediaContentType(value: string): value is MediaContentType {
  return (MEDIA_CONTENT_TYPES as readonly string[]).includes(value);
}

/** How many bytes a base64 text decodes to, without decoding it. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * Standard base64 with its padding (what `Buffer.toString('base64')` and `btoa` write). A flat
 * character class: a pattern of 4-character groups overflows the regex stack on a 7 MB text.
 */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

/** The longest base64 text of an attachment that is not too big. */
export const MEDIA_MAX_BASE64_CHARS = Math.ceil(MEDIA_MAX_BYTES / 3) * 4;

/** An attachment on its way up: the file's name, its type and its bytes as base64. */
export const MediaUpload = z
  .object({
    name: z.string().trim().min(1).max(200),
    contentType: MediaContentType,
    dataBase64: z
      .string()
      .min(1, 'the file is empty')
      .max(MEDIA_MAX_BASE64_CHARS, `the file is larger than ${MEDIA_MAX_BYTES / 1024 / 1024} MB`)
      .refine(isBase64, 'the file is not base64'),
  })
  .strict();
export type MediaUpload = z.infer<typeof MediaUpload>;

/** A stored attachment as a message carries it. */
export type MediaRef = z.infer<typeof Media>;
