import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../../../src-shared/domain/tenant';
import type { User } from '../../../src-shared/domain/user';
import type { PresenceState } from '../../../src-shared/presence/presence';
import type { OfferAlert } from '../../../src-shared/presence/offer-alert';
import type { LiveServerFrame } from '../../../src-shared/sync/protocol';
import { hashPassword } from '../../../src-cloud/accounts/passwords';
import type { Db } from '../../../src-cloud/db/db';
import { loadChanges } from '../../../src-cloud/sync/load-changes';
import { lockTenant } from '../../../src-cloud/sync/tenant-write';
import { Api, type LiveSocket } from './harness/api';
import { PASSWORD, type SeededUser } from './harness/seed';

/** What the offers suites share: more agents than the seed has, presence, store settings. */

let passwordHash: Promise<string> | undefined;

/** Adds agents to a seeded tenant (the seed has one per store), signing in with PASSWORD. */
export async function addAgents(
  db: Db,
  tenantId: string,
  storeIds: string[],
  names: string[],
): Promise<SeededUser[]> {
  const users: User[] = names.map((name) => ({
    id: uuidv7(),
    tenantId,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}.${uuidv7().slice(-8)}@offers.test`,
    role: 'agent',
    storeIds,
    photoUrl: null,
    phone: null,
    extension: '',
    preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
  }));
  const hash = await (passwordHash ??= hashPassword(PASSWORD));
  await db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    await loadChanges(
      tx,
      tenantId,
      users.map((row) => ({ table: 'users', op: 'upsert', row })),
    );
    await tx.query(
      'UPDATE users SET password_hash = $2 WHERE tenant_id = $1 AND id = ANY($3::text[])',
      [tenantId, hash, users.map((u) => u.id)],
    );
  });
  return users.map((user) => ({ user, email: user.email, password: PASSWORD }));
}

/** A signed-in desktop with its live socket, as the tray app holds one. */
export interface Desk {
  who: SeededUser;
  api: Api;
  live: LiveSocket;
  deviceId: string;
}

export async function openDesk(url: string, who: SeededUser): Promise<Desk> {
  const api = await new Api(url).login(who.email, who.password);
  return { who, api, live: await api.live(), deviceId: uuidv7() };
}

/**
 * Says the desk's presence as the desktop does (a live presence frame), and waits until the
 * cloud announced it back. Only a change is announced: call it with a state the user is not in.
 */
export async function setPresence(desk: Desk, state: PresenceState): Promise<void> {
  const reason = state === 'online' ? 'active' : 'manual';
  desk.live.send({ type: 'presence', deviceId: desk.deviceId, state, reason });
  await desk.live.next(
    (frame) =>
      frame.type === 'presence' &&
      frame.user.userId === desk.who.user.id &&
      frame.user.state === state,
  );
}

/** Changes store settings straight in the database, as the admin screens will. */
export async function updateStore(db: Db, store: Store, changes: Partial<Store>): Promise<Store> {
  const row = { ...store, ...changes };
  await db.query('UPDATE stores SET row = $3::jsonb WHERE tenant_id = $1 AND id = $2', [
    store.tenantId,
    store.id,
    JSON.stringify(row),
  ]);
  return row;
}

export const isOffer = (offerId: string) => (frame: LiveServerFrame) =>
  frame.type === 'offer' && frame.offer.offerId === offerId;

export const isOfferClosed = (offerId: string) => (frame: LiveServerFrame) =>
  frame.type === 'offer-closed' && frame.closed.offerId === offerId;

/**
 * True when an offer frame for `offerId` already reached this socket. Call it after a later
 * frame (the poke of the same commit) arrived: the bus keeps their order, so a ring that has
 * not come by then never will.
 */
export async function wasOffered(live: LiveSocket, offerId: string): Promise<boolean> {
  const seen = live.next(isOffer(offerId)).then(
    () => true,
    () => false,
  );
  // next() looks at the frames already queued before it waits; a macrotask later it has.
  return Promise.race([
    seen,
    new Promise<boolean>((resolve) => setImmediate(() => resolve(false))),
  ]);
}

export async function clockOf(db: Db, tenantId: string): Promise<number> {
  const [row] = await db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [
    tenantId,
  ]);
  return row?.clock ?? 0;
}

export async function offerRow(db: Db, offerId: string) {
  const [row] = await db.query<{
    status: string;
    agent_ids: string[];
    accepted_by_user_id: string | null;
    expires_at: number;
    lead_id: string;
  }>(
    'SELECT status, agent_ids, accepted_by_user_id, expires_at, lead_id FROM offers WHERE id = $1',
    [offerId],
  );
  return row ?? null;
}

/** An open offer of this lead ringing at these agents, written straight to the table. */
export async function insertOffer(
  db: Db,
  {
    tenantId,
    storeId,
    leadId,
    agentIds,
  }: Record<'tenantId' | 'storeId' | 'leadId', string> & {
    agentIds: readonly string[];
  },
): Promise<string> {
  const now = Date.now();
  const alert: OfferAlert = {
    offerId: uuidv7(),
    leadId,
    leadName: 'Pat Customer',
    phone: null,
    storeId,
    storeName: 'Race North',
    source: 'Text',
    firstMessage: 'hi',
    createdAt: now,
    expiresAt: now + 600_000,
  };
  await db.query(
    `INSERT INTO offers (id, tenant_id, lead_id, store_id, agent_ids, status, alert,
       created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5::text[], 'open', $6::jsonb, $7, $8)`,
    [
      alert.offerId,
      tenantId,
      leadId,
      storeId,
      agentIds,
      JSON.stringify(alert),
      now,
      alert.expiresAt,
    ],
  );
  return alert.offerId;
}
