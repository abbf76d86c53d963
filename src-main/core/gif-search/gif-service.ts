import {
  MEDIA_CONTENT_TYPES,
  MEDIA_MAX_BYTES,
  type GifHit,
  type MediaUpload,
} from '../../../src-shared';
import { downloadImage, type DownloadOptions } from '../media/download-image';
import { ImageFetchError, type FetchedImage } from '../media/read-image';
import { GifSearchError, type GifProvider, type ProviderGif } from './gif-provider';

/** One popover of results. */
export const GIF_SEARCH_LIMIT = 12;
/**
 * The most a preview may weigh. Previews travel to the page inside the search answer (a
 * data: URL each), so twelve of them stay a few MB at worst; a heavier one is left out.
 */
export const PREVIEW_MAX_BYTES = 400 * 1024;

export type Download = (url: string, options: DownloadOptions) => Promise<FetchedImage>;

/**
 * Searches, then fetches every preview at once. Why previews come with the answer rather than
 * one call per picture: the core checks each file (type, size) before the page sees it, and the
 * ConsoleApi gains no "fetch this address" method the page could aim anywhere.
 */
export async function searchWithPreviews(
  provider: GifProvider,
  query: string,
  download: Download = downloadImage,
): Promise<GifHit[]> {
  const gifs = await provider.search(query, GIF_SEARCH_LIMIT);
  return Promise.all(
    gifs.map(async (gif) => ({
      id: gif.id,
      title: gif.title,
      preview: await previewOf(gif, download),
    })),
  );
}

async function previewOf(gif: ProviderGif, download: Download): Promise<GifHit['preview']> {
  if (!gif.preview) return null;
  try {
    const image = await download(gif.preview.url, {
      maxBytes: PREVIEW_MAX_BYTES,
      types: MEDIA_CONTENT_TYPES,
    });
    return {
      dataUrl: `data:${image.contentType};base64,${image.bytes.toString('base64')}`,
      width: gif.preview.width ?? 0,
      height: gif.preview.height ?? 0,
    };
  } catch (error) {
    // A preview that cannot be shown leaves a titled result; the GIF itself may still attach.
    if (error instanceof ImageFetchError) return null;
    throw error;
  }
}

/**
 * The chosen GIF as an upload for the cloud: asked for again by id, then its best version that
 * fits the attachment limit, downloaded as a GIF and nothing else.
 */
export async function chosenGifUpload(
  provider: GifProvider,
  gifId: string,
  download: Download = downloadImage,
): Promise<MediaUpload> {
  const gif = await provider.byId(gifId);
  const fits = gif.attachable.find((r) => r.bytes === null || r.bytes <= MEDIA_MAX_BYTES);
  if (!fits) {
    throw new GifSearchError(
      `every version of this GIF is larger than ${MEDIA_MAX_BYTES / 1024 / 1024} MB`,
    );
  }
  const image = await download(fits.url, { maxBytes: MEDIA_MAX_BYTES, types: ['image/gif'] });
  return {
    name: `${gif.title || `GIF ${gif.id}`}.gif`,
    contentType: image.contentType,
    dataBase64: image.bytes.toString('base64'),
  };
}
