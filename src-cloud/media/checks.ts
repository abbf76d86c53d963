import {
  base64ByteLength,
  isBase64,
  isMediaContentType,
  MEDIA_CONTENT_TYPES,
  MEDIA_MAX_BYTES,
  type MediaContentType,
} from '../../src-shared/domain/media';
import { HttpError } from '../http/errors';
import { imageTypeOf } from '../../src-shared/domain/image-signature';

const TYPE_NAMES: Record<MediaContentType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

/**
 * An upload's bytes, once its type is an allowed image type (415), its size within the limit
 * (413, judged before decoding), its text base64 (400) and its bytes that image type (415).
 */
export function checkedUpload(
  contentType: string,
  base64: string,
): {
  contentType: MediaContentType;
  bytes: Buffer;
} {
  if (!isMediaContentType(contentType)) {
    const allowed = MEDIA_CONTENT_TYPES.map((type) => TYPE_NAMES[type]).join(', ');
    throw new HttpError(
      415,
      'unsupported_media_type',
      `only images can be attached (${allowed}); ${contentType.slice(0, 100) || 'no type'} is not one`,
    );
  }
  const size = base64ByteLength(base64);
  if (size > MEDIA_MAX_BYTES) {
    throw new HttpError(
      413,
      'media_too_large',
      `the file is ${megabytes(size)} MB; attachments may be at most ${megabytes(MEDIA_MAX_BYTES)} MB`,
    );
  }
  if (!isBase64(base64)) {
    throw new HttpError(400, 'invalid_request', 'the request body is not valid: data: not base64');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) {
    throw new HttpError(
      400,
      'invalid_request',
      'the request body is not valid: data: the file is empty',
    );
  }
  const actual = imageTypeOf(bytes);
  if (actual !== contentType) {
    throw new HttpError(
      415,
      'media_type_mismatch',
      `the file is not a ${TYPE_NAMES[contentType]} image${actual ? ` (it is a ${TYPE_NAMES[actual]})` : ''}`,
    );
  }
  return { contentType, bytes };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
