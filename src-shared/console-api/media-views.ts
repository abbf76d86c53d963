import { z } from 'zod';
import type { MediaContentType } from '../domain/media';

/** What the composer's GIF search asks: words, as typed. */
export const GifSearchArgs = z.object({ query: z.string().trim().min(1).max(100) }).strict();

/**
 * A GIF the provider knows, by its id: the core asks the provider for it again, so the page
 * cannot make the core fetch an address of its choosing.
 */
export const GifId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a GIF id is letters, digits, "-" and "_"');

export const AttachGifArgs = z.object({ gifId: GifId }).strict();

/** An attachment of the signed-in cloud, by the URL a message carries. */
export const GetMediaArgs = z.object({ url: z.string().min(1).max(2000) }).strict();

/** One search hit; its preview already fetched by the core, as a small data: URL (or none). */
export interface GifHit {
  id: string;
  title: string;
  preview: { dataUrl: string; width: number; height: number } | null;
}

/** The hits; or why there are none to show (no GIF search provider set up on this PC). */
export type GifSearchResult = { gifs: GifHit[] } | { gifs: null; reason: string };

/** An attachment's bytes as the page can show them (`data:` URL parts). */
export interface MediaBytes {
  contentType: MediaContentType;
  dataBase64: string;
}
