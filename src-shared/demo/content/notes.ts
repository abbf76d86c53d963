import { compileAll } from './template';

/** What agents write in a lead's notes (always English: it is the store's own record). */
export const NOTE_LINES = compileAll([
  'Customer prefers texting after 5pm, works days.',
  'Has a {trade} with about {tradeMiles} miles. Wants to be out of the payment.',
  'Co-signer is coming in with them. Make sure finance has both apps.',
  'Called and left a voicemail about the {model}.',
  'Wants to keep the payment under {payment} a month.',
  'Shopping the {model} at one other dealer. Price sensitive, send best numbers.',
  'Needs to sell their current car privately first.',
  'Returning customer, bought a {make} from us a few years ago.',
  'Sent credit app link. Waiting on it before we talk numbers.',
  'Asked about {color} only. Check incoming inventory before calling.',
  'Spouse makes the final decision, get them both in.',
  'Hold the {model} (stock {stock}) until end of day if they confirm.',
]);
