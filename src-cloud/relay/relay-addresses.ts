import type { Queryable } from '../db/db';
import { newRelayToken } from './relay-address';

/**
 * The lead's relay token, made the first time it is needed (an agent starting an email
 * conversation, or the sender finding none). Inside a tenant's write transaction, so two
 * mutations for one lead never race; ON CONFLICT keeps the first anyway.
 */
export async function ensureRelayToken(
  tx: Queryable,
  tenantId: string,
  leadId: string,
  now: number,
): Promise<string> {
  const [existing] = await tx.query<{ token: string }>(
    'SELECT token FROM relay_addresses WHERE tenant_id = $1 AND lead_id = $2',
    [tenantId, leadId],
  );
  if (existing) return existing.token;
  await tx.query(
    `INSERT INTO relay_addresses (token, tenant_id, lead_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, lead_id) DO NOTHING`,
    [newRelayToken(), tenantId, leadId, now],
  );
  const [made] = await tx.query<{ token: string }>(
    'SELECT token FROM relay_addresses WHERE tenant_id = $1 AND lead_id = $2',
    [tenantId, leadId],
  );
  if (!made) throw new Error(`no relay address for lead ${leadId}`);
  return made.token;
}

export interface RelayTarget {
  tenantId: string;
  leadId: string;
}

/**
 * Whose token this is, if anyone's: the one lookup not scoped by tenant, since the token is
 * what names the tenant. A lead since deleted has no address any more.
 */
export async function targetOfToken(db: Queryable, token: string): Promise<RelayTarget | null> {
  const [found] = await db.query<{ tenant_id: string; lead_id: string }>(
    `SELECT a.tenant_id, a.lead_id FROM relay_addresses a
     JOIN leads l ON l.tenant_id = a.tenant_id AND l.id = a.lead_id AND NOT l.deleted
     WHERE a.token = $1`,
    [token],
  );
  return found ? { tenantId: found.tenant_id, leadId: found.lead_id } : null;
}
