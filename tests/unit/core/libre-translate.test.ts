import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  libreTranslate,
  translateUrl,
  translatorFromEnv,
} from '../../../src-main/core/translation/libre-translate';
import { TranslationError } from '../../../src-main/core/translation/translator';
import { handlers } from '../../../src-main/core/handlers';
import type { HandlerContext } from '../../../src-main/core/handlers';

/** A stand-in LibreTranslate on 127.0.0.1: a tiny dictionary, and what each request carried. */
const DICTIONARY: Record<string, string> = {
  'Hola, ¿todavía tienen la camioneta?': 'Hi, do you still have the truck?',
  'Puedo pasar el sábado.': 'I can come by on Saturday.',
};

let server: Server;
let base: string;
let seen: { path: string; body: Record<string, unknown> }[];
let answerWith: ((body: Record<string, unknown>) => [number, unknown]) | null;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return JSON.parse(text) as Record<string, unknown>;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readJson(request).then((body) => {
      seen.push({ path: request.url ?? '', body });
      const [status, answer] = answerWith
        ? answerWith(body)
        : [200, { translatedText: (body.q as string[]).map((q) => DICTIONARY[q] ?? `[${q}]`) }];
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  answerWith = null;
});

describe('translation through a LibreTranslate endpoint', () => {
  it('sends the texts as LibreTranslate takes them and answers one translation each, in order', async () => {
    const translator = libreTranslate({ endpoint: `${base}/lt/`, apiKey: 'k-1' });
    const texts = Object.keys(DICTIONARY);
    expect(await translator.translate(texts, 'es', 'en')).toEqual(Object.values(DICTIONARY));
    expect(seen).toEqual([
      {
        path: '/lt/translate',
        body: { q: texts, source: 'es', target: 'en', format: 'text', api_key: 'k-1' },
      },
    ]);
  });

  it('a refusal or a malformed answer is an error that says so', async () => {
    const translator = libreTranslate({ endpoint: base });
    answerWith = () => [400, { error: 'es is not supported' }];
    await expect(translator.translate(['Hola'], 'es', 'en')).rejects.toThrow(
      'the translation service answered 400: es is not supported',
    );
    answerWith = () => [200, { translatedText: 'one string for two texts' }];
    await expect(translator.translate(['a', 'b'], 'auto', 'en')).rejects.toThrow(
      /something other than translations/,
    );
  });

  it('a service that is not there is an error, not a hang', async () => {
    const closed = libreTranslate({ endpoint: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    await expect(closed.translate(['Hola'], 'es', 'en')).rejects.toBeInstanceOf(TranslationError);
  });

  it('the endpoint is parsed: http(s) only, no credentials', () => {
    expect(translateUrl('https://translate.example.com').href).toBe(
      'https://translate.example.com/translate',
    );
    expect(() => translateUrl('file:///etc/passwd')).toThrow(/http or https/);
    expect(() => translateUrl('https://user:pw@translate.example.com')).toThrow(/user name/);
    expect(() => translateUrl('translate.example.com')).toThrow(/not a URL/);
    expect(translatorFromEnv({})).toBeNull();
    expect(translatorFromEnv({ SHOWROOM_TRANSLATE_URL: ' ' })).toBeNull();
  });

  it('the core answers through the endpoint it is set up with, or says none is', async () => {
    const context = {} as HandlerContext;
    const args = { texts: ['Puedo pasar el sábado.'], source: 'es', target: 'en' };
    const saved = process.env.SHOWROOM_TRANSLATE_URL;
    try {
      delete process.env.SHOWROOM_TRANSLATE_URL;
      expect(await handlers.translate(args, context)).toEqual({
        ok: true,
        value: { translations: null, reason: expect.stringMatching(/No translation service/) },
      });
      process.env.SHOWROOM_TRANSLATE_URL = base;
      expect(await handlers.translate(args, context)).toEqual({
        ok: true,
        value: { translations: ['I can come by on Saturday.'] },
      });
    } finally {
      if (saved === undefined) delete process.env.SHOWROOM_TRANSLATE_URL;
      else process.env.SHOWROOM_TRANSLATE_URL = saved;
    }
  });
});
