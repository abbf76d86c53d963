/** One size of a GIF the provider offers; sizes as the provider states them (null: not said). */
export interface GifRendition {
  url: string;
  width: number | null;
  height: number | null;
  bytes: number | null;
}

export interface ProviderGif {
  id: string;
  title: string;
  /** A small animated version to show in the search results. */
  preview: GifRendition | null;
  /** The versions worth attaching, best first (the original, then smaller ones). */
  attachable: GifRendition[];
}

/**
 * A GIF search service behind one port (DESIGN §3): the page may not reach it (CSP), so the
 * core searches and downloads on its behalf.
 */
export interface GifProvider {
  search(query: string, limit: number): Promise<ProviderGif[]>;
  /** The GIF a search answered, asked for again by its id. */
  byId(id: string): Promise<ProviderGif>;
}

export class GifSearchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GifSearchError';
  }
}
