import { Store } from '../../src-shared/domain/tenant';
import type { Lead } from '../../src-shared/domain/lead';
import type { User } from '../../src-shared/domain/user';
import type { Queryable } from '../db/db';
import { SmtpRefusal } from './smtp-refusal';

/** The lead an email is for, with its store, in its tenant; refused when it is gone. */
export async function leadAndStore(
  tx: Queryable,
  tenantId: string,
  leadId: string,
): Promise<{ lead: Lead; store: Store }> {
  const [found] = await tx.query<{ lead: Lead; store: unknown }>(
    `SELECT l.row AS lead, s.row AS store FROM leads l
     JOIN stores s ON s.tenant_id = l.tenant_id AND s.id = l.store_id AND NOT s.deleted
     WHERE l.tenant_id = $1 AND l.id = $2 AND NOT l.deleted`,
    [tenantId, leadId],
  );
  if (!found) throw new SmtpRefusal(550, '5.1.1 no such relay address');
  return { lead: found.lead, store: Store.parse(found.store) };
}

/** The tenant's active user with this email address, if any. */
export async function userByEmail(
  db: Queryable,
  tenantId: string,
  email: string,
): Promise<User | null> {
  const [found] = await db.query<{ row: User }>(
    `SELECT row FROM users WHERE tenant_id = $1 AND NOT deleted AND disabled_at IS NULL
       AND lower(row ->> 'email') = lower($2) LIMIT 1`,
    [tenantId, email],
  );
  return found?.row ?? null;
}

export async function hasOpenOffer(tx: Queryable, tenantId: string, leadId: string) {
  const found = await tx.query(
    `SELECT 1 FROM offers WHERE tenant_id = $1 AND lead_id = $2 AND status = 'open' LIMIT 1`,
    [tenantId, leadId],
  );
  return found.length > 0;
}
