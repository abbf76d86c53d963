import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db';
import {
  RELEASE_BATCH,
  releaseDueInTenant,
  tenantsWithDueTexts,
  type ReleaseCounts,
} from './release-due';

/** What the release job reaches: the database, the clock (tests move it) and the log. */
export interface ReleaseServices {
  db: Db;
  log: FastifyBaseLogger;
  now(): number;
}

export interface ScheduledReleases {
  /** Runs one round now (tests; the timer runs them otherwise). */
  runOnce(): Promise<ReleaseCounts>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * The scheduled-text job (DESIGN §9), in every cloud process: every `intervalMs` it takes the
 * texts whose time has come and releases them (release-due.ts). Rounds never overlap in one
 * process; processes share the work through row locks.
 */
export function startScheduledReleases(
  services: ReleaseServices,
  intervalMs: number,
): ScheduledReleases {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<ReleaseCounts> = Promise.resolve(NONE);

  const runOnce = (): Promise<ReleaseCounts> => {
    running = running
      .then(() => releaseDue(services))
      .catch((error: unknown) => {
        services.log.error({ err: error }, 'scheduled text release failed');
        return NONE;
      });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().finally(schedule), intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

const NONE: ReleaseCounts = { queued: 0, optedOut: 0, postponed: 0 };

async function releaseDue(services: ReleaseServices): Promise<ReleaseCounts> {
  const now = services.now();
  const total = { ...NONE };
  for (const tenantId of await tenantsWithDueTexts(services.db, now)) {
    // A tenant with a backlog takes several transactions, so the write lock is held briefly.
    for (;;) {
      const round = await releaseDueInTenant(services.db, tenantId, now);
      total.queued += round.queued;
      total.optedOut += round.optedOut;
      total.postponed += round.postponed;
      if (round.claimed < RELEASE_BATCH) break;
    }
  }
  if (total.queued + total.optedOut + total.postponed > 0) {
    services.log.info(total, 'scheduled texts released');
  }
  return total;
}
