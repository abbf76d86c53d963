export interface BackoffPolicy {
  /** The first retry waits about this long... */
  firstMs: number;
  /** ...each one twice as long as the last, up to this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 1_000, maxMs: 60_000 };

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * min(max, first * 2^n), so a hundred desktops that lost the cloud together do not all
 * come back in the same second.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number,
  ) {}

  /** The wait before the next try, counting this failure. */
  next(): number {
    const ceiling = Math.min(this.policy.maxMs, this.policy.firstMs * 2 ** this.failures);
    this.failures = Math.min(this.failures + 1, 30);
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  reset(): void {
    this.failures = 0;
  }
}
