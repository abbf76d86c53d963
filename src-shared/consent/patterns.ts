import { collapseRepeats } from './normalise';

/**
 * One way customers revoke consent in their own words. `source` is a regular expression over the
 * normalised text (see normalise.ts) padded with one space at each end, so a space stands for a
 * word boundary (no `\b`: the letters of the source are collapsed like the text, and `\bb` would
 * lose a letter). Write sources in ordinary spelling ("off", "all"): they are collapsed at load.
 */
export interface OptOutPattern {
  readonly name: string;
  /**
   * A short request that is a whole sentence on its own ("Stop, I bought elsewhere", "wrong
   * number. stop"): tried on each clause of the message too, as carriers see only whole messages.
   */
  readonly wholeClause?: boolean;
  /** Ends the agent's sentence: The customer wrote “…”, {asks}. */
  readonly asks: string;
  readonly regex: RegExp;
}

const STOP_MESSAGING = 'which asks us to stop messaging them';
const SPANISH_STOP = 'which is Spanish for asking us to stop messaging them';
const OFF_THE_LIST = 'which asks to be taken off our list';

function pattern(name: string, asks: string, source: string): OptOutPattern {
  return {
    name,
    asks,
    regex: new RegExp(collapseRepeats(source)),
    wholeClause: source.startsWith('^'),
  };
}

/** What a customer calls our texts. */
const TEXTS =
  '(?:texts|text messages|text|messages|message|msgs|sms|spam|ads|promos|promotions|emails|alerts|notifications)';
/** Ways to send them, as "-ing" words after stop / quit. */
const MESSAGING =
  '(?:texting|messaging|contacting|spamming|bothering|bugging|harassing|emailing|pestering|hitting me up|blowing up my phone|blowing me up|reaching out)';
/**
 * Polite or emphatic words around a bare "stop" that do not change what it asks; Spanish
 * speakers use the English keyword with their own courtesy ("stop por favor").
 */
const FILLER =
  '(?:please|just|ok|okay|oh|omg|yes|so|seriously|for real|now|already|it|thanks|thank you|asap|man|dude|bro|sir|lol|god|again|stop|por favor|gracias|ya)';

/** A word before the request that the agent should see quoted with it ("please stop ..."). */
const POLITE = '(?:please|just|can you|could you|can you please|could you please)';

/** Spanish "you (plural, familiar, formal) write / send / contact / bother me", after "no me". */
const SPANISH_SEND =
  '(?:escriban|escribas|escriba|manden|mandes|mande|envien|envies|envie|contacten|contactes|contacte|molesten|molestes|moleste|textees|texteen|textee|llamen|busquen)';

/**
 * A "stop" said by the customer about their own future ("I'll stop texting you", "did you stop
 * texting me?") or negated ("don't stop texting me") is not a request to us.
 */
const NOT_A_REQUEST =
  '(?<! (?:dont|do not|never|did you|didnt you|i will|ill|i can|we will|i am going to|gonna|wont|why did you))';

export const OPT_OUT_PATTERNS: readonly OptOutPattern[] = [
  // "stop please", "stp", "STOP STOP STOP", "stop it now", "stop texts": the keyword with a
  // little around it, or naming our texts. A whole message or clause only: "stop by at 5" is a
  // visit, not a request.
  pattern(
    'bare stop',
    STOP_MESSAGING,
    `^ (?:${FILLER} )*(?:stop|stop all|unsubscribe|opt out)(?: (?:the |all |all the )?${TEXTS})?(?: ${FILLER})* $`,
  ),

  // "please stop texting me", "quit messaging me", "stop bugging me": a stop aimed at our texts.
  // "stop by", "stop in", "stop light" never name a way of messaging, so they never match.
  pattern(
    'stop messaging',
    STOP_MESSAGING,
    `${NOT_A_REQUEST} (?:${POLITE} )?(?:stop|quit|cease) ${MESSAGING}(?: me| us| this number| my number)?`,
  ),

  // "stop calling me" revokes consent to be contacted, texts included, unless the same message
  // asks for texts instead ("stop calling me, just text me"): that is a channel preference.
  pattern(
    'stop calling',
    STOP_MESSAGING,
    `${NOT_A_REQUEST} (?:${POLITE} )?(?:stop|quit) calling (?:me|us|this number|my number)(?!.* (?:text|message|email) (?:me|us))`,
  ),

  // "I said STOP", "I already said stop", "how many times do I have to say stop": the keyword
  // repeated because we went on texting. "I said stop by at 3" is a visit.
  pattern(
    'said stop',
    STOP_MESSAGING,
    ` (?:i|i already|already|i have|i ve|i keep|have to|need to) (?:said|say|saying|told you|tell you|telling you|texted|wrote|write) stop(?! (?:by|in|at|over|on) )`,
  ),

  // "stop sending me these texts", "stop sending me this", "stop the messages", "stop with the spam".
  pattern(
    'stop sending',
    STOP_MESSAGING,
    `${NOT_A_REQUEST} (?:${POLITE} )?(?:stop|quit) (?:sending (?:me |us )?(?:any |anymore |more |these |those |the |your |all |all of these |all these |all the |all your )?(?:${TEXTS}|stuff|junk|crap|this|that)|sending (?:me|us) $|(?:the|these|those|your|all|all the|all these|all your|with the|with these|with all the) ${TEXTS})`,
  ),

  // "no more messages", "no more texts please". "no more questions" names no texts, so it passes.
  pattern(
    'no more texts',
    STOP_MESSAGING,
    ` no (?:more|further) (?:${TEXTS}|texting|messaging|contact|calls or texts|texts or calls)`,
  ),

  // "no texts please", "no messages anymore": a refusal with no verb.
  pattern(
    'no texts',
    STOP_MESSAGING,
    ` no (?:${TEXTS}|texting|contact) (?:please|anymore|ever|thanks|thank you)`,
  ),

  // "don't text me again", "do not contact me", "never message this number". Texting someone who
  // wrote "don't text me" breaks consent even when they add "call me instead", so that is flagged
  // too; only a stated time ("don't text me until 5", "right now I'm at work") is let through.
  // "Don't send me" is a refusal only when what is refused is our texts ("don't send me any
  // more messages"); "don't send me the paperwork yet" is about one document.
  pattern(
    'do not text me',
    STOP_MESSAGING,
    ` (?:dont|do not|never|dont ever|do not ever|please dont|please do not) (?:(?:text|message|msg|contact|email|spam|bother|hit up) (?:me|us|this number|my number|my phone)|send (?:me|us|this number) (?:(?:any more|anymore|more|any|these|those|your|all) )*(?:${TEXTS}|anything|stuff|junk))(?: (?:again|anymore|ever|no more))?(?! (?:until|til|before|after|today|tonight|right now|at work|while|during|at this number till))`,
  ),

  // "I don't want any more texts", "I no longer wish to receive messages", "don't want to be contacted".
  pattern(
    'do not want texts',
    STOP_MESSAGING,
    ` (?:dont|do not|no longer|dont even) (?:want|wish|need) (?:to (?:receive|recieve|get|be getting|keep getting) )?(?:any |any more |anymore |more |further |these |your |those )*(?:${TEXTS}|to be contacted|to be texted|to be messaged|any contact|contact)`,
  ),

  // "take me off your list", "remove me from the texting list", "delete my number from your system".
  // "I want to be removed from your list" says the same in the passive.
  pattern(
    'off the list',
    OFF_THE_LIST,
    ` (?:(?:take|remove|delete|drop|get|erase) (?:me|my number|this number|my phone|my phone number|us)|(?:be|get|been) (?:removed|taken|deleted|dropped)) (?:off|from|off of) (?:your|the|this|that|all|all your|all the|ur) (?:list|lists|texting list|text list|mailing list|contact list|database|system|contacts|texts|messages)`,
  ),

  // "please remove me", "remove my number", "lose my number", "delete my info": short enough
  // to mean the list (a car's details are "the", not "my", info).
  pattern(
    'remove me',
    OFF_THE_LIST,
    ` (?:(?:remove|delete|erase) (?:me|us)(?: (?:please|thanks|thank you|now|asap|immediately))* $|(?:remove|delete|erase|lose|forget) (?:my|this) (?:number|phone number|cell|contact info|contact|info|information|data|details))`,
  ),

  // "unsubscribe me", "how do I unsubscribe", "opt me out": the words of the process itself.
  // "opt out of the warranty" is about a product, so "opt out of" must name our texts or list.
  pattern(
    'unsubscribe',
    OFF_THE_LIST,
    ` (?:unsubscribe|opt me out|opt out|optout|opt outs)(?! of (?!(?:these |the |your |this |all |all your |all the )?(?:${TEXTS}|list|texting|messaging|this)))`,
  ),

  // "enough with the texts", "enough of your messages": exasperation aimed at our texts.
  pattern(
    'enough texts',
    STOP_MESSAGING,
    ` enough (?:with|of) (?:the |these |those |your |all the |all these |all your )?${TEXTS}`,
  ),

  // "leave me alone", "f off": a brush-off a compliance officer reads as revocation.
  pattern(
    'leave me alone',
    STOP_MESSAGING,
    ` (?:leave me alone|leave us alone|fuck off|f off|piss off|go away and stop)`,
  ),

  // "I revoke my consent", "withdraw consent", "cease and desist", "cease all communication",
  // "cancel my text alerts".
  // "cancel my appointment" names an appointment, not our texts: the agent handles that as a
  // reschedule and the customer keeps getting reminders, so it is deliberately not matched.
  pattern(
    'revoke consent',
    STOP_MESSAGING,
    ` (?:(?:revoke|revoking|withdraw|withdrawing|take back|cancel) (?:my |all |any )?(?:consent|permission)|cease and desist|cease (?:all |any )?(?:communication|communications|contact)|cancel (?:my |the |these |all |all the |your )?(?:${TEXTS}|text alerts|subscription|texting))`,
  ),

  // Spanish: "ya no me escriban", "no me manden mas mensajes", "no me vuelvan a escribir".
  // "no me mandes la foto" asks about one thing, so without "ya" ("no longer") a bare
  // "no me manden" must end the message or be followed by "mas", "mensajes", "por favor", ...
  pattern(
    'no me escriban',
    SPANISH_STOP,
    ` (?:ya no me ${SPANISH_SEND}|no me ${SPANISH_SEND}(?: (?:mas|mensajes|mensaje|textos|nunca|por favor|gracias|ya|otra vez|ni)| $)|(?:ya )?no me (?:vuelvan|vuelvas|vuelva) a)`,
  ),

  // Spanish: "dejen de mandarme mensajes", "deja de escribirme", "paren de enviar mensajes".
  pattern(
    'dejen de escribir',
    SPANISH_STOP,
    ` (?:deja|dejen|dejar|deje|para|paren|pare|parar) de (?:(?:mandarme|enviarme|escribirme|contactarme|molestarme|textearme|llamarme|mandarnos|enviarnos|escribirnos)|(?:mandar|enviar|escribir) (?:mensajes|textos|msj))`,
  ),

  // Spanish: "no quiero mas mensajes", "no deseo recibir mensajes", "no quiero que me escriban".
  pattern(
    'no quiero mensajes',
    SPANISH_STOP,
    ` no (?:quiero|deseo|necesito|queremos) (?:recibir |seguir recibiendo )?(?:mas |sus |tus |estos |ningun |ningunos )*(?:mensajes|mensaje|textos|que me (?:escriban|contacten|manden|envien|molesten))`,
  ),

  // Spanish: "no mas mensajes", "ya no mensajes", "basta de mensajes", "ya basta", and the
  // formal "favor de no enviar mas mensajes".
  pattern(
    'no mas mensajes',
    SPANISH_STOP,
    ` (?:no mas|ya no|basta de|ya basta de|ya no quiero|no (?:enviar|mandar|escribir)(?:me|nos)?(?: mas)?) (?:mensajes|textos|msj)`,
  ),

  // Spanish: "saquenme de su lista", "borren mi numero", "quiero darme de baja".
  pattern(
    'sacame de la lista',
    SPANISH_STOP,
    ` (?:(?:sacame|saquenme|saqueme|quitame|quitenme|quiteme|borrame|borrenme|borreme|eliminame|eliminenme|elimineme|bajame|bajenme) de (?:la|su|tu|sus|esta|esa) lista|(?:borren|borra|borre|eliminen|elimina|elimine|quiten|quita) mi numero|darme de baja|me doy de baja|cancelar (?:la |mi )?suscripcion)`,
  ),

  // Spanish bare words: "ALTO", "basta", "parar", "no mas" as the whole message.
  pattern(
    'bare spanish stop',
    SPANISH_STOP,
    `^ (?:ya )?(?:alto|parar|pare|paren|basta|no mas|baja|cancelar)(?: (?:por favor|gracias|ya))* $`,
  ),
];
