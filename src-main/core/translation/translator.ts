/**
 * A translation service behind one port (DESIGN §3: the outside world behind interfaces). The
 * renderer may not reach outside services, so the core translates on its behalf.
 */
export interface Translator {
  /** One translation per text, in order; throws TranslationError naming what went wrong. */
  translate(texts: readonly string[], source: string, target: string): Promise<string[]>;
}

export class TranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslationError';
  }
}
