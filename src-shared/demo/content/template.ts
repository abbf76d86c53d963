/** The blanks a thread line may have; a line naming any other fails when the module loads. */
export const SLOT_NAMES = [
  'first',
  'agent',
  'agentFull',
  'store',
  'city',
  'address',
  'storePhone',
  'vehicle',
  'model',
  'make',
  'year',
  'color',
  'miles',
  'price',
  'payment',
  'down',
  'stock',
  'trade',
  'tradeMiles',
  'day',
  'time',
  'altTime',
  'directions',
  'voucher',
  'creditApp',
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];
export type Slots = Record<SlotName, string>;

/**
 * A line split once into literal parts and slot names, so that filling a million of them is
 * string concatenation, not a regex each time.
 */
export interface Template {
  literals: string[];
  slots: SlotName[];
  /** Uses a slot that changes during a thread (the appointment's day and time). */
  dynamic: boolean;
}

const DYNAMIC_SLOTS: readonly SlotName[] = ['day', 'time', 'altTime'];

const SLOT = /\{(\w+)\}/g;

export function compile(text: string): Template {
  const literals: string[] = [];
  const slots: SlotName[] = [];
  let last = 0;
  for (const match of text.matchAll(SLOT)) {
    const name = match[1] as SlotName;
    if (!SLOT_NAMES.includes(name))
      throw new Error(`demo line has an unknown slot {${name}}: ${text}`);
    literals.push(text.slice(last, match.index));
    slots.push(name);
    last = (match.index ?? 0) + match[0].length;
  }
  literals.push(text.slice(last));
  return { literals, slots, dynamic: slots.some((slot) => DYNAMIC_SLOTS.includes(slot)) };
}

export function fill(template: Template, slots: Slots): string {
  let out = template.literals[0] ?? '';
  for (let i = 0; i < template.slots.length; i++) {
    out += slots[template.slots[i] as SlotName] + (template.literals[i + 1] ?? '');
  }
  return out;
}

export function compileAll(texts: readonly string[]): Template[] {
  return texts.map(compile);
}
