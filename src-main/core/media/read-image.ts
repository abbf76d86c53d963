import type { MediaContentType } from '../../../src-shared';
import { imageTypeOf } from '../../../src-shared/domain/image-signature';

/** Why an image could not be fetched; the message names the problem, never the address. */
export class ImageFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageFetchError';
  }
}

export interface ImageLimits {
  /** The most bytes read: a larger answer is refused, by its length header or as it streams. */
  maxBytes: number;
  /** The image types taken; the header and the bytes' signature must both be one of them. */
  types: readonly MediaContentType[];
}

export interface FetchedImage {
  contentType: MediaContentType;
  bytes: Buffer;
}

/** The body of a successful answer, once its type and size are what `limits` allow. */
export async function readImage(response: Response, limits: ImageLimits): Promise<FetchedImage> {
  const header = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const contentType = limits.types.find((type) => type === header);
  if (!contentType) {
    await response.body?.cancel();
    throw new ImageFetchError(
      `the file is ${header ? header.slice(0, 100) : 'of no stated type'}, not ${typeNames(limits.types)}`,
    );
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(limits.maxBytes);
  }
  const bytes = await readAtMost(response, limits.maxBytes);
  if (bytes.length === 0) throw new ImageFetchError('the file is empty');
  const actual = imageTypeOf(bytes);
  if (actual !== contentType) {
    throw new ImageFetchError(`the file is labelled ${contentType} but is not one`);
  }
  return { contentType, bytes };
}

/** Reads the body, giving up (and closing it) as soon as it passes `maxBytes`. */
async function readAtMost(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ImageFetchError {
  const limit =
    maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new ImageFetchError(`the file is larger than ${limit}`);
}

function typeNames(types: readonly MediaContentType[]): string {
  return types.length === 1 ? `a ${types[0]}` : `one of ${types.join(', ')}`;
}
