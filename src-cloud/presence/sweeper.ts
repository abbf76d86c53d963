import { DEVICE_SILENT_MS } from '../../src-shared/presence/presence';
import type { Db } from '../db/db';
import { sweepEvery } from '../jobs/every';
import type { CloudServices } from '../services';
import { recomputeUserPresence } from './recompute';

/** How often each cloud process looks for silent devices. */
export const SWEEP_EVERY_MS = 5_000;
/** Devices taken per transaction: short transactions, and other processes take the rest. */
const BATCH = 200;

/**
 * Sets offline ('disconnected') the devices not heard from for DEVICE_SILENT_MS, and recomputes
 * their users, one short transaction per batch. SKIP LOCKED lets every cloud process sweep at
 * once without two taking the same device, or waiting on a device a frame is writing.
 * Answers how many devices it set offline.
 */
export async function sweepSilentDevices(db: Db, now: number): Promise<number> {
  let swept = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const devices = await tx.query<{ tenant_id: string; user_id: string }>(
        `WITH silent AS (
           SELECT tenant_id, user_id, device_id FROM device_presence
           WHERE state != 'offline' AND seen_at < $1
           ORDER BY seen_at LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE device_presence d
         SET state = 'offline', reason = 'disconnected', since = d.seen_at + $3
         FROM silent s
         WHERE d.tenant_id = s.tenant_id AND d.user_id = s.user_id AND d.device_id = s.device_id
         RETURNING d.tenant_id, d.user_id`,
        [now - DEVICE_SILENT_MS, BATCH, DEVICE_SILENT_MS],
      );
      // One order for every process, so two sweeps never wait on each other's users in a cycle.
      const users = [...new Set(devices.map((d) => `${d.tenant_id}\n${d.user_id}`))].sort();
      for (const key of users) {
        const [tenantId = '', userId = ''] = key.split('\n');
        await recomputeUserPresence(tx, tenantId, userId, now);
      }
      return devices.length;
    });
    swept += count;
    if (count < BATCH) return swept;
  }
}

/** Sweeps every `everyMs` in this process until stopped (see sweepEvery). */
export function startPresenceSweeper(
  services: Pick<CloudServices, 'db' | 'now' | 'log'>,
  everyMs = SWEEP_EVERY_MS,
): () => Promise<void> {
  return sweepEvery(
    everyMs,
    () => sweepSilentDevices(services.db, services.now()),
    services.log,
    'presence sweep',
  );
}
