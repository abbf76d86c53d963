import { TranslationError, type Translator } from './translator';

export interface LibreTranslateOptions {
  /** The service's base URL ("https://translate.example.com"); `/translate` is added to it. */
  endpoint: string;
  apiKey?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The base URL, parsed, not matched: http(s) only, no credentials in it. */
export function translateUrl(endpoint: string): URL {
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    throw new TranslationError(`the translation endpoint "${endpoint}" is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new TranslationError(
      `the translation endpoint must be http or https, not ${base.protocol}`,
    );
  }
  if (base.username || base.password) {
    throw new TranslationError('the translation endpoint must not carry a user name or password');
  }
  return new URL(`${base.pathname.replace(/\/+$/, '')}/translate`, base.origin);
}

/**
 * LibreTranslate's API: `POST /translate {q, source, target, format}` answering
 * `{translatedText}`, an array when `q` is one. Any service speaking it will do.
 */
export function libreTranslate(options: LibreTranslateOptions): Translator {
  const url = translateUrl(options.endpoint);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async translate(texts, source, target) {
      if (texts.length === 0) return [];
      const body = {
        q: [...texts],
        source,
        target,
        format: 'text',
        ...(options.apiKey ? { api_key: options.apiKey } : {}),
      };
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new TranslationError(`the translation service did not answer (${String(error)})`);
      }
      const answer: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const said =
          answer && typeof answer === 'object' && 'error' in answer
            ? `: ${String(answer.error)}`
            : '';
        throw new TranslationError(`the translation service answered ${response.status}${said}`);
      }
      const translated =
        answer && typeof answer === 'object' && 'translatedText' in answer
          ? answer.translatedText
          : undefined;
      if (
        !Array.isArray(translated) ||
        translated.length !== texts.length ||
        !translated.every((text) => typeof text === 'string')
      ) {
        throw new TranslationError(
          'the translation service answered something other than translations',
        );
      }
      return translated as string[];
    },
  };
}

/**
 * The translator this PC is set up with: SHOWROOM_TRANSLATE_URL (and SHOWROOM_TRANSLATE_API_KEY
 * when the service wants one); null when none is set up.
 */
export function translatorFromEnv(env: Record<string, string | undefined>): Translator | null {
  const endpoint = env.SHOWROOM_TRANSLATE_URL?.trim();
  if (!endpoint) return null;
  return libreTranslate({ endpoint, apiKey: env.SHOWROOM_TRANSLATE_API_KEY?.trim() || undefined });
}
