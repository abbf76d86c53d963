import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  MIN_LETTERS_TO_DETECT,
} from '../../../src-shared/language/detect-language';
import { languageName } from '../../../src-shared/language/languages';

describe('the language of a lead, read from what the customer wrote', () => {
  it('English texts are English', () => {
    expect(
      detectLanguage([
        'Hi, is the silver Tacoma still available?',
        'I could come by Saturday morning to take a look at it with my wife.',
      ]),
    ).toBe('en');
  });

  it('Spanish texts are Spanish, links and numbers aside', () => {
    expect(
      detectLanguage([
        'Hola, ¿todavía tienen la camioneta gris? https://example.com/inventario/12345',
        'Puedo pasar el sábado por la mañana con mi esposa, mi número es 303 555 0101',
      ]),
    ).toBe('es');
    expect(languageName('es')).toBe('Spanish');
  });

  it('too little text is no answer, rather than a guess', () => {
    expect(detectLanguage([])).toBeNull();
    expect(
      detectLanguage(['ok', 'Hola', 'yes 👍', 'https://example.com/a-very-long-link']),
    ).toBeNull();
    const short = 'a'.repeat(MIN_LETTERS_TO_DETECT - 1);
    expect(detectLanguage([short])).toBeNull();
  });

  it('newest messages first: a long history is cut, not read whole', () => {
    const english = 'Thanks, I will stop by the dealership tomorrow afternoon to sign. '.repeat(40);
    const spanish = 'Gracias, paso mañana por la tarde a firmar los papeles del carro. '.repeat(40);
    expect(detectLanguage([spanish, english])).toBe('es');
    expect(detectLanguage([english, spanish])).toBe('en');
  });
});
