import type { SyncChange } from '../../src-shared';
import type { Replica } from './replica';

/**
 * About 5,000 demo leads a commit. The id indexes take inserts at random places, so each commit
 * rewrites index pages all over the file; fewer, larger commits rewrite each page fewer times.
 * Measured at 100k leads and 1M messages: 1,000 leads a commit wrote in 49 s, 5,000 in 35 s,
 * for ~600 MB of memory at the peak.
 */
export const CHANGES_PER_COMMIT = 100_000;

/**
 * Loads many small batches (the demo generator's) into an empty replica: merged into large
 * transactions, the search index built in one pass at the end. `committed` hears each
 * transaction's changes and how long its write took.
 */
export function bulkLoad(
  replica: Replica,
  batches: Iterable<SyncChange[]>,
  committed: (changes: readonly SyncChange[], writeMs: number) => void = () => undefined,
): void {
  for (const changes of mergedInto(batches, CHANGES_PER_COMMIT)) {
    const started = performance.now();
    replica.applyChanges(changes);
    committed(changes, performance.now() - started);
  }
  const started = performance.now();
  replica.optimize();
  committed([], performance.now() - started);
}

function* mergedInto(batches: Iterable<SyncChange[]>, size: number): Generator<SyncChange[]> {
  let pending: SyncChange[] = [];
  for (const batch of batches) {
    pending = pending.length ? pending.concat(batch) : batch;
    if (pending.length >= size) {
      yield pending;
      pending = [];
    }
  }
  if (pending.length) yield pending;
}
