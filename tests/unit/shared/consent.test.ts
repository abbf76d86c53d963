import { describe, expect, it } from 'vitest';
import { classifyKeyword, detectFreeTextOptOut } from '../../../src-shared/consent';

describe('carrier keywords, as the whole message', () => {
  const table: readonly [string, 'opt-out' | 'opt-in' | 'help'][] = [
    ['STOP', 'opt-out'],
    ['STOPALL', 'opt-out'],
    ['UNSUBSCRIBE', 'opt-out'],
    ['CANCEL', 'opt-out'],
    ['END', 'opt-out'],
    ['QUIT', 'opt-out'],
    ['REVOKE', 'opt-out'],
    ['OPTOUT', 'opt-out'],
    ['START', 'opt-in'],
    ['YES', 'opt-in'],
    ['UNSTOP', 'opt-in'],
    ['HELP', 'help'],
    ['INFO', 'help'],
  ];

  it.each(table)('%s is %s, in any case, trimmed, with trailing punctuation', (word, intent) => {
    expect(classifyKeyword(word)).toBe(intent);
    expect(classifyKeyword(word.toLowerCase())).toBe(intent);
    expect(classifyKeyword(word[0] + word.slice(1).toLowerCase())).toBe(intent);
    expect(classifyKeyword(`  ${word}\n`)).toBe(intent);
    expect(classifyKeyword(`${word}.`)).toBe(intent);
    expect(classifyKeyword(`${word.toLowerCase()}!!!`)).toBe(intent);
    expect(classifyKeyword(` ${word} ?! `)).toBe(intent);
  });

  it.each(table)('%s inside a sentence is not a keyword', (word) => {
    expect(classifyKeyword(`please ${word.toLowerCase()}`)).toBeNull();
    expect(classifyKeyword(`${word} texting me`)).toBeNull();
    expect(classifyKeyword(`I said ${word}.`)).toBeNull();
  });

  it('anything else is not a keyword', () => {
    for (const body of [
      '',
      '   ',
      '!!!',
      'STOPP',
      'S T O P',
      'stop by at 5?',
      'yes please',
      'yeah',
      'info?x',
      '¡STOP',
      'end of the month works',
      'cancel my appointment',
    ]) {
      expect(classifyKeyword(body), body).toBeNull();
    }
  });
});

/** Revocations that must be detected: English, misspellings, Spanish. */
const REVOCATIONS: readonly string[] = [
  // English.
  'please stop texting me',
  'Stop texting me',
  'STOP TEXTING ME!!!',
  'stop messaging me please',
  'Can you stop sending me these texts?',
  'stop sending me messages',
  'no more messages',
  'No more texts please.',
  'take me off your list',
  'Please take me off of your mailing list',
  'remove me from your list',
  'please remove me',
  'Remove my number',
  'delete my number from your system',
  "don't text me again",
  'do not contact me',
  'Do not text this number again.',
  'never message me again',
  'leave me alone',
  'unsubscribe me',
  'how do I unsubscribe from these',
  'opt me out',
  'I want to opt out',
  "I don't want any more texts",
  'I no longer wish to receive messages from you',
  'i dont want to be contacted',
  'stop please',
  'Stop it now',
  'just stop',
  'STOP STOP STOP',
  'quit texting me',
  'stop bugging me',
  'stop the messages',
  'I revoke my consent to be texted',
  'lose my number',
  'cease and desist',
  'cancel my text alerts',
  'not interested, stop contacting me',
  'Will you stop texting me already',
  'I said STOP',
  'wrong number, stop',
  'Stop, I bought elsewhere',
  'stop calling me',
  'can you please stop texting me',
  'Stop. Texting. Me.',
  'I want you to stop texting me',
  // Misspellings, texting spellings, stretched letters.
  'stp',
  'Stp pls',
  'stoooop',
  'stop txting me',
  'stop textin me',
  'plz stop msging me',
  'no more msgs',
  'no more txts',
  'dont txt me again',
  'u can take me off ur list',
  'unsubscibe',
  'pleeease stop texting meee',
  'don’t text me anymore',
  'stopp',
  // Spanish.
  'ya no me escriban',
  'dejen de mandarme mensajes',
  'no me manden mas mensajes',
  'No me manden más mensajes por favor',
  'no me escriban',
  'deja de escribirme',
  'no quiero mas mensajes',
  'No deseo recibir mensajes',
  'no quiero que me escriban',
  'no más mensajes',
  'sáquenme de su lista',
  'borren mi número',
  'quiero darme de baja',
  'no me vuelvan a escribir',
  'paren de enviar mensajes',
  'ALTO',
  'basta por favor',
  'ya no me manden msj',
  'dejen de molestarme',
];

/** Look-alikes that must not be detected. */
const LOOK_ALIKES: readonly string[] = [
  'can I stop by tomorrow?',
  "don't stop the deal",
  "I'll stop in after work",
  'is the stop light fixed',
  'stop by at 5?',
  'no more questions, see you tomorrow',
  'cancel my appointment',
  'end of the month works',
  'I need to cancel my appointment for Saturday',
  'Can we end the lease early?',
  'Where is the nearest bus stop?',
  'I had to stop at the bank first',
  'the car would not stop making that noise',
  "Please don't stop until you find me a deal",
  'What time do you stop taking test drives?',
  'I will stop texting you now, see you at 5',
  'why did you stop texting me?',
  'the brakes stop fine',
  'text me the price',
  'can you text me the address?',
  'send me more pictures please',
  'yes please send more info',
  'I want to opt out of the extended warranty',
  'remove the tint from the quote',
  'please remove the floor mats from the deal',
  'take the sunroof off the list',
  'no more than 30k',
  'No more room in my garage lol',
  'leave the keys at the front desk',
  'my wife said we should quit stalling and buy it',
  "don't text me until after 5, I'm at work",
  'the message said 9am',
  'got your message, thanks!',
  'I quit my job so I need a cheaper payment',
  'please stop by the service desk when you arrive',
  'how do I stop the alarm on the key fob',
  'START',
  'yes',
  'HELP',
  'info on the truck?',
  'not interested right now, maybe next month',
  'stop calling me, just text me',
  // Spanish look-alikes.
  'No me manden la cotización todavía',
  'puedo pasar mañana?',
  'no me mandaste la dirección',
  'no me mandes la foto todavía, estoy manejando',
  'dejé de trabajar a las 5, voy para allá',
  'no quiero el seguro extendido',
  'no más de 300 al mes',
  'para el sábado está bien',
  'mándame más fotos por favor',
  'alto de la camioneta?',
  'me llamaron ayer, gracias',
];

describe('free-text opt-out', () => {
  it(`detects every revocation in the corpus (${REVOCATIONS.length})`, () => {
    expect(REVOCATIONS.length).toBeGreaterThanOrEqual(40);
    const misses = REVOCATIONS.filter((body) => detectFreeTextOptOut(body) === null);
    expect(misses, `not detected:\n${misses.join('\n')}`).toEqual([]);
  });

  it(`flags none of the look-alikes (${LOOK_ALIKES.length})`, () => {
    expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(40);
    const falseAlarms = LOOK_ALIKES.map((body) => [body, detectFreeTextOptOut(body)] as const)
      .filter(([, found]) => found !== null)
      .map(([body, found]) => `${body}  (matched “${found?.matched}”)`);
    expect(falseAlarms, `wrongly flagged:\n${falseAlarms.join('\n')}`).toEqual([]);
  });

  it("quotes the customer's own words in the reason the agent reads", () => {
    expect(detectFreeTextOptOut('please stop texting me')).toEqual({
      matched: 'please stop texting me',
      reason: 'The customer wrote “please stop texting me”, which asks us to stop messaging them.',
    });
    // The words as written (accents, capitals, misspellings), not the normalised text.
    expect(detectFreeTextOptOut('Hi. Plz STOP txting me!! thx')?.matched).toBe(
      'Plz STOP txting me',
    );
    expect(detectFreeTextOptOut('Ya no me escriban, gracias')).toEqual({
      matched: 'Ya no me escriban',
      reason:
        'The customer wrote “Ya no me escriban”, which is Spanish for asking us to stop messaging them.',
    });
    expect(detectFreeTextOptOut('ok, take me off your list')?.reason).toBe(
      'The customer wrote “take me off your list”, which asks to be taken off our list.',
    );
  });

  it('empty and punctuation-only messages are not opt-outs', () => {
    for (const body of ['', '   ', '?!', '👍']) expect(detectFreeTextOptOut(body), body).toBeNull();
  });
});
