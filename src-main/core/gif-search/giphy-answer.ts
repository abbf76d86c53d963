import { GifSearchError, type GifRendition, type ProviderGif } from './gif-provider';

/** Small animated versions, smallest first: what a row of search results shows. */
const PREVIEW_KEYS = ['fixed_height_small', 'preview_gif', 'fixed_height', 'fixed_width'];
/** Versions worth sending, best first; smaller ones for a GIF whose original is too big. */
const ATTACH_KEYS = ['original', 'downsized_medium', 'downsized', 'fixed_height'];

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A search answer (`{data: [gif]}`); GIFs missing an id or a file to attach are left out. */
export function giphyGifs(answer: unknown): ProviderGif[] {
  const data = (answer as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw notGifs();
  return data.map(gifOf).filter((gif): gif is ProviderGif => gif !== null);
}

/** A by-id answer (`{data: gif}`). */
export function giphyGif(answer: unknown): ProviderGif {
  const gif = gifOf((answer as { data?: unknown } | null)?.data);
  if (!gif) throw notGifs();
  return gif;
}

function gifOf(item: unknown): ProviderGif | null {
  if (typeof item !== 'object' || item === null) return null;
  const { id, title, images } = item as { id?: unknown; title?: unknown; images?: unknown };
  if (typeof id !== 'string' || !ID.test(id)) return null;
  if (typeof images !== 'object' || images === null) return null;
  const renditions = images as Record<string, unknown>;
  const pick = (key: string) => renditionOf(renditions[key]);
  const attachable = ATTACH_KEYS.map(pick).filter((r): r is GifRendition => r !== null);
  if (attachable.length === 0) return null;
  const preview = PREVIEW_KEYS.map(pick).find((r) => r !== null) ?? null;
  return {
    id,
    title: typeof title === 'string' ? title.trim().slice(0, 200) : '',
    preview,
    attachable,
  };
}

function renditionOf(value: unknown): GifRendition | null {
  if (typeof value !== 'object' || value === null) return null;
  const { url, width, height, size } = value as Record<string, unknown>;
  if (typeof url !== 'string' || !url) return null;
  return { url, width: count(width), height: count(height), bytes: count(size) };
}

/** GIPHY states numbers as strings ("200"). */
function count(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

function notGifs(): GifSearchError {
  return new GifSearchError('the GIF search service answered something other than GIFs');
}
