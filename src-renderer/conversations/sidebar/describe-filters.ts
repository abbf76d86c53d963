import type { QueueFilters } from '../../../src-shared/folders/filters';

/**
 * The filters as one stable string ("sources=Facebook;storeIds=a,b"), whatever order they were
 * ticked in: what the queue answered for, so tests can wait for the answer to their own query.
 */
export function describeFilters(filters: QueueFilters): string {
  return Object.entries(filters)
    .filter(([, values]) => values.length > 0)
    .map(([kind, values]) => `${kind}=${[...values].sort().join(',')}`)
    .sort()
    .join(';');
}
