import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { AdfInput, AdfTranscriptLine } from '../../src-cloud/crm/adf';
import { CHANNELS, type Channel } from '../../src-shared/domain/conversation';
import type { LeadPhone, Vehicle } from '../../src-shared/domain/lead';

/** The errata DTD and XSD (copied from ../shared/data/adf): every document must pass both. */
export const ADF_DTD = resolve(__dirname, '../fixtures/adf/adf-1.0-errata.dtd');
export const ADF_XSD = resolve(__dirname, '../fixtures/adf/adf-1.0-errata.xsd');

/** Names that break naive exporters: Unicode of every width, markup, quotes, RTL, emoji. */
const FIRST_NAMES = [
  'Maria',
  'José',
  'Zoë',
  'Łukasz',
  '李',
  'محمد',
  'Ngọc',
  'Søren',
  'Ⅻ',
  '😀 Joy',
  'Tom & Jerry',
  '<script>',
  'Anne-Marie',
  "D'Arcy",
  '"Quoted"',
  'A]]>B',
  'Émilie',
  'Jürgen',
  'Åsa',
  'Dmitrií',
];
const LAST_NAMES = [
  'Gonzalez',
  "O'Brien",
  'Müller',
  '王',
  'Nguyễn',
  'Smith & Sons',
  '<b>Bold</b>',
  'García-López',
  'Øster',
  '"The Closer"',
  'Ångström',
  'Ṭhākur',
  'Kowalski',
  '&amp;',
  'Lee\u0001Control',
];
const MAKES = [
  'Toyota',
  'Honda',
  'Ford',
  'Citroën',
  'Škoda',
  'Mercedes-Benz',
  'Rolls & Royce',
  'Kia',
];
const MODELS = [
  'RAV4',
  'Civic',
  'F-150',
  'C5 Aircross',
  'Octavia',
  'E<Class>',
  '"Ghost"',
  'Niro EV',
];
const TRIMS = ['', 'XLE', 'Sport & Tech', 'Touring "Plus"', 'LX <base>', 'Élégance'];
const NOTES = [
  'Wants a test drive Saturday.',
  'Budget < $450/mo & no money down.',
  'Said: "call after 5" — not before.',
  'Line one\r\nline two\rline three',
  'Tab\tseparated\u0007bell and a form feed\u000c',
  'Emoji 🚗💨 and a lone surrogate \ud800 here',
  ']]> closes CDATA; <![CDATA[ opens it',
  'x'.repeat(5000),
];
const LINES = [
  'Is it still available?',
  'Yes! When can you come in?',
  'Price < sticker & trade > payoff?',
  'I\'ll bring my wife\'s "list"',
  'Ok 👍',
  'STOP',
  '¿Tienen financiamiento?',
  '<a href="x">link</a>',
];
const STORE_NAMES = [
  'Lone Star Toyota',
  'Smith & Wesson Motors',
  'Ærø "Auto" <Haus>',
  'Mañana Kia',
];
const ZONES = ['America/Chicago', 'America/Denver', 'UTC', 'America/New_York', 'Pacific/Honolulu'];
const WORDS = ['', 'Texting', 'R&D <Leads>', 'O\'Brien "Web"', 'Ç'.repeat(40), ' spaced \n out '];

/** A small deterministic PRNG (mulberry32): the same seed gives the same corpus. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Rng = ReturnType<typeof rng>;

function vehicle(r: Rng): Vehicle {
  return {
    year: r.chance(0.2) ? null : r.int(1990, 2027),
    make: r.chance(0.1) ? '' : r.pick(MAKES),
    model: r.chance(0.1) ? '' : r.pick(MODELS),
    trim: r.pick(TRIMS),
    vin: r.chance(0.5) ? '' : `1HGCM82633A${String(r.int(0, 999999)).padStart(6, '0')}`,
    stock: r.chance(0.5) ? '' : `T-${r.int(1, 9999)} & <x>`,
  };
}

function phones(r: Rng, index: number): LeadPhone[] {
  return Array.from({ length: r.int(0, 3) }, (_, n) => ({
    number: `+1512555${String((index * 7 + n) % 10000).padStart(4, '0')}`,
    type: r.pick(['mobile', 'home', 'work'] as const),
  }));
}

function transcript(r: Rng, createdAt: number): AdfTranscriptLine[] {
  return Array.from({ length: r.pick([0, 1, 3, 25]) }, (_, n) => {
    const from = r.pick(['customer', 'agent', 'system'] as const);
    return {
      at: createdAt + n * 61_000,
      from,
      author: from === 'agent' ? r.pick(['Ava Agent', 'José & Co', null]) : null,
      text: r.pick(LINES),
    };
  });
}

/**
 * `count` varied exporter inputs. Every lead has an email or a phone (ADF needs one; the
 * exporter refuses the rest, tested on its own); everything else is present or missing at
 * random, with the hard characters above throughout.
 */
export function adfCorpus(count: number, seed = 1): AdfInput[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, index) => {
    const createdAt = Date.UTC(2024, 0, 1) + r.int(0, 3 * 365) * 86_400_000 + r.int(0, 86_399_999);
    let leadPhones = phones(r, index);
    const email = r.chance(0.7) ? `lead${index}+${r.pick(['a', 'b&c'])}@example.com` : null;
    if (!email && leadPhones.length === 0)
      leadPhones = [{ number: '+15125550100', type: 'mobile' }];
    const contact = r.chance(0.6)
      ? {
          firstName: r.pick(FIRST_NAMES),
          lastName: r.pick(LAST_NAMES),
          email: r.chance(0.8) ? 'sales@store.example' : null,
          phone: r.chance(0.8) ? '+15125550001' : null,
        }
      : null;
    // The vendor, too, needs an email or a phone: the store's main phone when its contact has neither.
    const contactReachable = Boolean(contact?.email || contact?.phone);
    const mainPhone = !contactReachable || r.chance(0.8) ? '+15125550000' : null;
    const channel: Channel | null = r.chance(0.15) ? null : r.pick(CHANNELS);
    return {
      lead: {
        id: `corpus-${seed}-${index}`,
        firstName: r.chance(0.2) ? null : r.pick(FIRST_NAMES),
        lastName: r.chance(0.3) ? null : r.pick(LAST_NAMES),
        email,
        phones: leadPhones,
        vehicle: r.chance(0.25) ? null : vehicle(r),
        tradeIn: r.chance(0.4) ? vehicle(r) : null,
        createdAt,
      },
      moreVehicles: r.chance(0.3) ? Array.from({ length: r.int(1, 3) }, () => vehicle(r)) : [],
      store: {
        id: `store-${r.int(1, 9)}`,
        name: r.pick(STORE_NAMES),
        timeZone: r.pick(ZONES),
        mainPhone,
        address: r.chance(0.3)
          ? null
          : { street: '1 Main St & 2nd <Ave>', city: 'Austin', state: 'TX', zip: '78701' },
        contact,
      },
      channel,
      notes: Array.from({ length: r.int(0, 3) }, () => r.pick(NOTES)),
      transcript: transcript(r, createdAt),
      repeat: r.chance(0.2),
      adfWord: r.pick(WORDS),
      adfWordPosition: r.pick(['before', 'after'] as const),
    };
  });
}

/** xmllint's verdict on many files at once: one run per schema; '' when every file is valid. */
export function validateAdfFiles(files: readonly string[]): string {
  const problems: string[] = [];
  for (const args of [
    ['--noout', '--dtdvalid', ADF_DTD],
    ['--noout', '--schema', ADF_XSD],
  ]) {
    const run = spawnSync('xmllint', [...args, ...files], { encoding: 'utf8' });
    if (run.error) throw run.error;
    // With --schema, xmllint also reports each good file ("x.xml validates"): keep the rest.
    const said = run.stderr
      .split('\n')
      .filter((line) => line && !line.endsWith(' validates'))
      .join('\n');
    if (run.status !== 0) problems.push(`${args[1]} (exit ${run.status}):\n${said}`);
  }
  return problems.join('\n');
}
