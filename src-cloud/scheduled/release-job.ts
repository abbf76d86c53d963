import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db';
import { repeatRounds, type Rounds } from '../jobs/rounds';
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

export type ScheduledReleases = Rounds<ReleaseCounts>;

/**
 * The scheduled-text job (DESIGN §9), in every cloud process: every `intervalMs` it takes the
 * texts whose time has come and releases them (release-due.ts). Rounds never overlap in one
 * process; processes share the work through row locks.
 */
export function startScheduledReleases(
  services: ReleaseServices,
  intervalMs: number,
): ScheduledReleases {
  const release = () => releaseDue(services);
  return repeatRounds(intervalMs, release, NONE, services.log, 'scheduled text release');
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
