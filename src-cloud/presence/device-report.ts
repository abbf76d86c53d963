import type {
  PresenceReason,
  PresenceState,
  UserPresence,
} from '../../src-shared/presence/presence';
import type { Db } from '../db/db';
import { recomputeUserPresence } from './recompute';

/** Which device: device ids are the client's own, so they only mean something per user. */
export interface DeviceKey {
  tenantId: string;
  userId: string;
  deviceId: string;
}

/**
 * A device said what it is (a presence frame): stored, heard from now, and its user's presence
 * recomputed and announced if it changed, all in one short transaction. `since` moves only when
 * the state or reason does, so a repeated frame changes nothing but seen_at.
 */
export function reportDevicePresence(
  db: Db,
  device: DeviceKey,
  presence: { state: PresenceState; reason: PresenceReason },
  now: number,
): Promise<UserPresence | null> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO device_presence (tenant_id, user_id, device_id, state, reason, since, seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (tenant_id, user_id, device_id) DO UPDATE SET
         since = CASE
           WHEN device_presence.state = EXCLUDED.state AND device_presence.reason = EXCLUDED.reason
           THEN device_presence.since ELSE EXCLUDED.since END,
         state = EXCLUDED.state,
         reason = EXCLUDED.reason,
         seen_at = GREATEST(device_presence.seen_at, EXCLUDED.seen_at)`,
      [device.tenantId, device.userId, device.deviceId, presence.state, presence.reason, now],
    );
    return recomputeUserPresence(tx, device.tenantId, device.userId, now);
  });
}

/** What a touch found: the device's stored state and when it was heard from before. */
export interface Touched {
  state: PresenceState;
  reason: PresenceReason;
  seenBefore: number;
}

/**
 * The device is alive (a ping, a pong, any frame): one UPDATE of seen_at, no recompute. Null
 * when the device has no row (it never sent a presence frame through this user).
 */
export async function touchDevice(db: Db, device: DeviceKey, now: number): Promise<Touched | null> {
  const [touched] = await db.query<Touched>(
    `UPDATE device_presence d SET seen_at = GREATEST(d.seen_at, $4)
     FROM device_presence was
     WHERE d.tenant_id = $1 AND d.user_id = $2 AND d.device_id = $3
       AND was.tenant_id = d.tenant_id AND was.user_id = d.user_id
       AND was.device_id = d.device_id
     RETURNING d.state, d.reason, was.seen_at AS "seenBefore"`,
    [device.tenantId, device.userId, device.deviceId, now],
  );
  return touched ?? null;
}
