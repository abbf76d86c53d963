import type { UserPresence } from '../../src-shared/presence/presence';
import type { Queryable } from '../db/db';
import { NEVER_SEEN } from './recompute';

/**
 * Every user of the tenant (deleted ones aside) as the cloud sees them now: the snapshot a live
 * socket gets on connect and GET /v1/presence. A user no device has spoken for is offline.
 */
export function tenantPresence(q: Queryable, tenantId: string): Promise<UserPresence[]> {
  return q.query<UserPresence>(
    `SELECT u.id AS "userId",
            coalesce(p.state, $2) AS state,
            coalesce(p.reason, $3) AS reason,
            coalesce(p.since, $4) AS since
     FROM users u
     LEFT JOIN user_presence p ON p.tenant_id = u.tenant_id AND p.user_id = u.id
     WHERE u.tenant_id = $1 AND NOT u.deleted
     ORDER BY u.id`,
    [tenantId, NEVER_SEEN.state, NEVER_SEEN.reason, NEVER_SEEN.since],
  );
}
