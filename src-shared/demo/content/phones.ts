/**
 * Customer phone numbers: unique per lead without remembering the ones handed out. Lead i gets
 * the i-th value of a permutation of every (exchange, line) pair, in an area code of its store.
 * Exchanges skip N11, 555 and the other codes the North American plan never gives to a customer.
 */
const EXCHANGES: string[] = [];
for (let n = 200; n <= 999; n++) {
  const reserved = n % 100 === 11 || [555, 950, 958, 959, 976].includes(n);
  if (!reserved) EXCHANGES.push(String(n));
}
const LINES = 10_000;
const SPACE = EXCHANGES.length * LINES;
/** Coprime with SPACE (787 x 2^4 x 5^4), so i -> (STEP * i + offset) mod SPACE is one-to-one. */
const STEP = 1_000_003;

function nthNumber(areaCode: string, n: number): string {
  const exchange = EXCHANGES[Math.floor(n / LINES)] ?? '200';
  return `+1${areaCode}${exchange}${String(n % LINES).padStart(4, '0')}`;
}

/** `index` below half of SPACE (~3.9M leads) keeps the primary and second numbers apart. */
export function customerPhone(areaCode: string, index: number, offset: number): string {
  return nthNumber(areaCode, (((STEP * index) % SPACE) + offset) % SPACE);
}

export function secondCustomerPhone(areaCode: string, index: number, offset: number): string {
  return customerPhone(areaCode, SPACE - 1 - index, offset);
}

export function phoneOffset(seedHash: number): number {
  return seedHash % SPACE;
}

/** "+13035550100" -> "(303) 555-0100": cheap, for the demo's US numbers only. */
export function nationalFormat(e164: string): string {
  return `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
}
