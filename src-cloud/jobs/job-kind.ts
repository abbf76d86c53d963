import type { CloudServices } from '../services';
import type { Job } from './job-table';

/**
 * One kind of background work. `run` resolving means done; throwing means try again later
 * (up to `maxAttempts`). A job may run twice only if its process dies between finishing the
 * work and recording it, so `run` should be safe to repeat or cheap to repeat.
 */
export interface JobKind {
  kind: string;
  run(services: CloudServices, job: Job): Promise<void>;
  /** Default 8. */
  maxAttempts?: number;
  /** The wait before attempt `attempts + 1`; default 1 min, doubling, at most 1 hour. */
  retryDelayMs?(attempts: number): number;
}

/**
 * Makes sure the job rows of a recurring piece of work exist (the next nightly report of each
 * store). Called by the runner every so often; planJob makes repeats and races harmless.
 */
export type JobPlanner = (services: CloudServices, now: number) => Promise<void>;

export function defaultRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
