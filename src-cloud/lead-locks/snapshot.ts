import type { LiveServerFrame } from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import type { LiveClient } from '../live/hub';
import { tenantLeadActivity } from './read-activity';

/** Every lead of the tenant someone is in, as one frame (narrow it per socket before sending). */
export async function leadActivitySnapshot(
  q: Queryable,
  tenantId: string,
): Promise<Extract<LiveServerFrame, { type: 'lead-activity-snapshot' }>> {
  return { type: 'lead-activity-snapshot', leads: await tenantLeadActivity(q, tenantId) };
}

/** What one socket may hear of a snapshot: the leads of the stores its user sees. */
export function narrowSnapshot(client: LiveClient, frame: LiveServerFrame): LiveServerFrame {
  if (frame.type !== 'lead-activity-snapshot') return frame;
  return { ...frame, leads: frame.leads.filter((lead) => client.seesStore?.(lead.storeId)) };
}
