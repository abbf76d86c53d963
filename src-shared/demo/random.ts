/**
 * A small seeded PRNG (mulberry32) so that the demo is the same on every machine and every run:
 * Math.random cannot be seeded, and the e2e tests rely on the same seed giving the same data.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  /** Picks a key of the table with probability proportional to its weight. */
  weighted<K extends string>(table: Weights<K>): K {
    const roll = this.next() * table.total;
    const { keys, cumulative } = table;
    for (let i = 0; i < keys.length - 1; i++)
      if (roll < (cumulative[i] as number)) return keys[i] as K;
    return keys[keys.length - 1] as K;
  }

  /** `count` distinct items, in the list's order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen: T[] = [];
    let needed = Math.min(count, items.length);
    for (let i = 0; i < items.length && needed > 0; i++) {
      if (this.next() * (items.length - i) < needed) {
        chosen.push(items[i] as T);
        needed--;
      }
    }
    return chosen;
  }
}

/** Weights made into a table once, at module load, since draws happen per lead. */
export interface Weights<K extends string> {
  keys: readonly K[];
  cumulative: readonly number[];
  total: number;
}

export function weights<K extends string>(byKey: Readonly<Partial<Record<K, number>>>): Weights<K> {
  const keys = Object.keys(byKey) as K[];
  let total = 0;
  const cumulative = keys.map((key) => (total += byKey[key] ?? 0));
  if (!keys.length || total <= 0) throw new Error('weights: need at least one positive weight');
  return { keys, cumulative, total };
}

/** murmur3's finaliser: spreads a counter and a seed into an unrelated-looking 32-bit seed. */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
