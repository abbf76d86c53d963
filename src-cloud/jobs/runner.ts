import type { CloudServices } from '../services';
import { defaultRetryDelayMs, type JobKind, type JobPlanner } from './job-kind';
import { repeatRounds } from './rounds';
import { claimDueJobs, failJob, finishJob, purgeDoneJobs, type Job } from './job-table';

export interface JobRunnerOptions {
  kinds: readonly JobKind[];
  planners?: readonly JobPlanner[];
  /** How often this process looks for due jobs (real time). */
  everyMs: number;
  /** How often, on the cloud's clock, the planners run (default 1 min). */
  planEveryMs?: number;
  /** How long a claimed job is this process's before another may take it over (default 10 min). */
  leaseMs?: number;
  /** How long finished jobs are kept (default 14 days). */
  keepDoneMs?: number;
}

export interface JobRunner {
  /** Plans when due, then runs every due job; resolves to how many ran (tests call it). */
  runDue(): Promise<number>;
  /** Stops the timer and waits for a round under way. */
  stop(): Promise<void>;
}

const BATCH = 20;

/**
 * The job runner of one cloud process (DESIGN §9). Every process runs one; the rows decide who
 * does what (claimDueJobs), so two processes never run a job at the same time. Rounds never
 * overlap within a process: a timer tick and a test's runDue take turns.
 */
export function startJobRunner(services: CloudServices, options: JobRunnerOptions): JobRunner {
  const kinds = new Map(options.kinds.map((k) => [k.kind, k]));
  const planEveryMs = options.planEveryMs ?? 60_000;
  let lastPlanned: number | null = null;
  // Seen by a round under way, so a backlog does not hold up the cloud's shutdown.
  let stopped = false;

  const plan = async (now: number) => {
    if (lastPlanned !== null && now >= lastPlanned && now - lastPlanned < planEveryMs) return;
    lastPlanned = now;
    for (const planner of options.planners ?? []) {
      // One planner's trouble (a bad row) must not stop the others, nor the due jobs.
      await planner(services, now).catch((error: unknown) =>
        services.log.error({ err: error }, 'job planner failed'),
      );
    }
    await purgeDoneJobs(services.db, now - (options.keepDoneMs ?? 14 * 86_400_000));
  };

  const round = async (): Promise<number> => {
    await plan(services.now());
    let ran = 0;
    for (;;) {
      const now = services.now();
      const due = await claimDueJobs(
        services.db,
        [...kinds.keys()],
        now,
        options.leaseMs ?? 600_000,
        BATCH,
      );
      for (const job of due) await runOne(services, kinds.get(job.kind) as JobKind, job);
      ran += due.length;
      if (due.length < BATCH || stopped) return ran;
    }
  };

  const rounds = repeatRounds(options.everyMs, round, 0, services.log, 'job round');
  return {
    runDue: rounds.runOnce,
    async stop() {
      stopped = true;
      await rounds.stop();
    },
  };
}

async function runOne(services: CloudServices, kind: JobKind, job: Job): Promise<void> {
  try {
    await kind.run(services, job);
    await finishJob(services.db, job.key, services.now());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const now = services.now();
    const last = job.attempts >= (kind.maxAttempts ?? 8);
    const delay = (kind.retryDelayMs ?? defaultRetryDelayMs)(job.attempts);
    // The message of an SMTP or SQL error, never the job's payload (it may quote customers).
    services.log.error(
      { job: job.key, attempts: job.attempts, err: message },
      last ? 'job failed for the last time' : 'job failed; will retry',
    );
    await failJob(services.db, job.key, message, now, last ? null : now + delay);
  }
}
