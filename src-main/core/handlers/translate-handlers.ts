import { fail, ok } from '../../../src-shared';
import { translatorFromEnv } from '../translation/libre-translate';
import { TranslationError } from '../translation/translator';
import type { HandlerTable } from './handler';

export const NO_TRANSLATOR =
  'No translation service is set up on this PC (SHOWROOM_TRANSLATE_URL, a LibreTranslate endpoint).';

/** Translation through the service this PC is set up with (read at each call: no restart). */
export const translateHandlers: Pick<HandlerTable, 'translate'> = {
  translate: async ({ texts, source, target }) => {
    let translator;
    try {
      translator = translatorFromEnv(process.env);
    } catch (error) {
      if (error instanceof TranslationError) return fail('invalid_arguments', error.message);
      throw error;
    }
    if (!translator) return ok({ translations: null, reason: NO_TRANSLATOR });
    try {
      return ok({ translations: await translator.translate(texts, source, target) });
    } catch (error) {
      if (error instanceof TranslationError)
        return fail('internal', `Could not translate: ${error.message}`);
      throw error;
    }
  },
};
