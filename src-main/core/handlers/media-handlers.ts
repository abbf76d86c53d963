import {
  fail,
  ok,
  MEDIA_CONTENT_TYPES,
  MEDIA_MAX_BYTES,
  type ApiResult,
  type GifSearchResult,
} from '../../../src-shared';
import { CloudError } from '../../sync/cloud-error';
import { GifSearchError, type GifProvider } from '../gif-search/gif-provider';
import { chosenGifUpload, searchWithPreviews } from '../gif-search/gif-service';
import { gifProviderFromEnv } from '../gif-search/giphy';
import { cloudMediaId } from '../media/cloud-media-url';
import { ImageFetchError, readImage } from '../media/read-image';
import type { HandlerTable } from './handler';

export const NO_GIF_PROVIDER =
  'No GIF search is set up on this PC (SHOWROOM_GIF_URL and SHOWROOM_GIF_API_KEY, a GIPHY-compatible service). You can still attach a GIF file.';

const NO_CLOUD =
  'Attachments are kept by your dealership’s cloud, and this PC is not connected to one.';

/** GIF search and attachments' bytes: everything outside the page that it may not reach. */
export const mediaHandlers: Pick<HandlerTable, 'searchGifs' | 'attachGif' | 'getMedia'> = {
  searchGifs: ({ query }) =>
    withProvider<GifSearchResult>('search for GIFs', async (provider) => {
      if (!provider) return ok({ gifs: null, reason: NO_GIF_PROVIDER });
      return ok({ gifs: await searchWithPreviews(provider, query) });
    }),

  attachGif: async ({ gifId }, { sync }) => {
    const cloud = sync.cloud();
    if (!cloud) return fail('forbidden', NO_CLOUD);
    return withProvider('attach the GIF', async (provider) => {
      if (!provider) return fail('forbidden', NO_GIF_PROVIDER);
      const upload = await chosenGifUpload(provider, gifId);
      return ok(await cloud.uploadMedia(upload));
    });
  },

  getMedia: async ({ url }, { sync }) => {
    const cloud = sync.cloud();
    if (!cloud) return fail('forbidden', NO_CLOUD);
    const id = cloudMediaId(url, cloud.baseUrl);
    if (!id) {
      return fail(
        'invalid_arguments',
        'Only attachments kept by the cloud you are signed in to can be shown.',
      );
    }
    return answering('show the attachment', async () => {
      const image = await readImage(await cloud.media(id), {
        maxBytes: MEDIA_MAX_BYTES,
        types: MEDIA_CONTENT_TYPES,
      });
      return ok({ contentType: image.contentType, dataBase64: image.bytes.toString('base64') });
    });
  },
};

/** The provider this PC is set up with (read at each call: no restart), or its set-up problem. */
function withProvider<T>(
  doing: string,
  work: (provider: GifProvider | null) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  let provider: GifProvider | null;
  try {
    provider = gifProviderFromEnv(process.env);
  } catch (error) {
    if (error instanceof GifSearchError)
      return Promise.resolve(fail('invalid_arguments', error.message));
    throw error;
  }
  return answering(doing, () => work(provider));
}

/** Expected failures (provider, download, cloud) become results that say what happened. */
async function answering<T>(
  doing: string,
  work: () => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GifSearchError || error instanceof ImageFetchError) {
      return fail('internal', `Could not ${doing}: ${error.message}.`);
    }
    if (!(error instanceof CloudError)) throw error;
    if (error.problem === 'credentials') return fail('not_signed_in', error.message);
    if (error.problem === 'refused' && error.code === 'not_found') {
      return fail('not_found', `Could not ${doing}: the cloud no longer has it.`);
    }
    return fail(error.problem === 'refused' ? 'invalid_arguments' : 'internal', error.message);
  }
}
