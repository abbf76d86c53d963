/**
 * Demo ids are shaped like UUIDv7 (the cloud's ids; a Postgres uuid column takes them) but are
 * built from a counter instead of randomness, so the same seed gives the same ids, and lead i
 * keeps its ids whatever the number of leads asked for.
 *
 * Layout: tttttttt-tttt-7sss-8kkk-llllllllcccc. t: the row's createdAt (ms), s: 12 bits of the
 * seed, k: the kind of row, l: the lead's index, c: the row's index within its lead.
 */
export const ID_KINDS = {
  tenant: 0x001,
  store: 0x002,
  campaign: 0x003,
  user: 0x004,
  label: 0x005,
  savedReply: 0x006,
  funnel: 0x007,
  disposition: 0x008,
  lead: 0x010,
  conversation: 0x011,
  message: 0x012,
  event: 0x013,
  appointment: 0x014,
} as const;
export type IdKind = keyof typeof ID_KINDS;

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const byteHex = (n: number) => HEX_BYTE[n & 0xff] as string;

/** A 32-bit unsigned integer as 8 hex digits, by table: a million ids a run. */
function hex32(n: number): string {
  return byteHex(n >>> 24) + byteHex(n >>> 16) + byteHex(n >>> 8) + byteHex(n);
}

const middles = new Map<number, string>();
/** "-7sss-8kkk-": the same for every row of one kind and seed, so built once. */
function middle(kind: IdKind, seedBits: number): string {
  const key = ID_KINDS[kind] * 4096 + (seedBits & 0xfff);
  let text = middles.get(key);
  if (text === undefined) {
    const s = (seedBits & 0xfff).toString(16).padStart(3, '0');
    text = `-7${s}-8${ID_KINDS[kind].toString(16).padStart(3, '0')}-`;
    middles.set(key, text);
  }
  return text;
}

function timeHex(at: number): string {
  const ms = Math.floor(at);
  return hex32(Math.floor(ms / 0x10000)) + '-' + byteHex(ms >>> 8) + byteHex(ms);
}

export function demoId(kind: IdKind, at: number, seedBits: number, owner: number, child: number) {
  return (
    timeHex(at) + middle(kind, seedBits) + hex32(owner) + byteHex(child >>> 8) + byteHex(child)
  );
}

/** Ids for the rows of one lead: its index is in every one, then a running count. */
export class LeadIds {
  private child = 0;
  private readonly owner: string;

  constructor(
    private readonly seedBits: number,
    owner: number,
  ) {
    this.owner = hex32(owner);
  }

  next(kind: IdKind, at: number): string {
    const child = ++this.child;
    return (
      timeHex(at) + middle(kind, this.seedBits) + this.owner + byteHex(child >>> 8) + byteHex(child)
    );
  }
}

/** The tenant, stores, users and lists are the same for every seed: tests name them directly. */
const CATALOG_EPOCH = Date.UTC(2024, 0, 15, 16, 0, 0);

export function catalogId(kind: IdKind, index: number): string {
  return demoId(kind, CATALOG_EPOCH, 0, 0, index);
}
