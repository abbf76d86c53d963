/**
 * Accepts of one offer within one cloud process (OfferClaims): they take turns, so a race of
 * fifty costs the database one claim; a settled outcome is answered from memory exactly as
 * the database would answer it; a claim that fails lets the next Accept try. On PGlite; the
 * race between processes is offer-race.test.ts's, on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthContext } from '../../../src-cloud/accounts/auth-context';
import type { Db } from '../../../src-cloud/db/db';
import { migrate } from '../../../src-cloud/db/migrate';
import { openPglite } from '../../../src-cloud/db/pglite';
import { acceptOffer, type AcceptResult } from '../../../src-cloud/offers/accept-offer';
import { OfferClaims } from '../../../src-cloud/offers/offer-claims';
import { insertLead, seedTenant } from './harness/seed';
import { addAgents, insertOffer } from './offers-fixture';

const AGENTS = 50;

/** The database as the accept service sees it, counting what it is asked. */
class CountingDb {
  reads = 0;
  transactions = 0;
  /** When set, every use throws this (to prove an answer came from memory). */
  refuse: string | null = null;
  /** When set, the next transaction throws this once. */
  failNextTransaction: Error | null = null;

  constructor(private readonly db: Db) {}

  get asDb(): Db {
    return {
      kind: this.db.kind,
      query: (sql, params) => {
        this.check();
        this.reads += 1;
        return this.db.query(sql, params);
      },
      exec: (sql) => this.db.exec(sql),
      transaction: (work, ends) => {
        this.check();
        this.transactions += 1;
        const failure = this.failNextTransaction;
        this.failNextTransaction = null;
        if (failure) return Promise.reject(failure);
        return this.db.transaction(work, ends);
      },
      listen: (...args) => this.db.listen(...args),
      close: () => this.db.close(),
    };
  }

  private check(): void {
    if (this.refuse) throw new Error(this.refuse);
  }
}

describe('accepts of one offer in one cloud process', () => {
  let dataDir: string;
  let db: Db;
  let counting: CountingDb;
  let claims: OfferClaims;
  let tenantId: string;
  let storeId: string;
  let leadId: string;
  let agents: AuthContext[];
  /** Works the same store, but the offers here never ring for them. */
  let bystander: AuthContext;
  /** Another dealer group's agent. */
  let stranger: AuthContext;

  const authOf = (user: AuthContext['user']): AuthContext => ({
    sessionId: uuidv7(),
    tenantId: user.tenantId,
    userId: user.id,
    role: user.role,
    storeIds: user.storeIds,
    user,
  });
  const accept = (who: AuthContext, offerId: string) =>
    acceptOffer({ db: counting.asDb, offerClaims: claims, now: Date.now }, who, offerId);
  const newOffer = async () => {
    const lead = await insertLead(db, tenantId, storeId);
    leadId = lead.id;
    return insertOffer(db, { tenantId, storeId, leadId, agentIds: agents.map((a) => a.userId) });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'showroom-offer-claims-'));
    db = await openPglite(dataDir);
    await migrate(db);
    const acme = await seedTenant(db, 'Acme');
    tenantId = acme.tenantId;
    storeId = acme.stores[0].id;
    const names = Array.from({ length: AGENTS + 1 }, (_, i) => `Closer ${i + 1}`);
    const users = (await addAgents(db, tenantId, [storeId], names)).map(({ user }) => user);
    agents = users.slice(0, AGENTS).map(authOf);
    bystander = authOf(users[AGENTS]!);
    const bravo = await seedTenant(db, 'Bravo');
    const [bravoAgent] = await addAgents(db, bravo.tenantId, [bravo.stores[0].id], ['Bo Bravo']);
    stranger = authOf(bravoAgent!.user);
  });
  afterAll(async () => {
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    counting = new CountingDb(db);
    claims = new OfferClaims();
  });

  it('fifty at once: one winner, every other told who, and one claim in the database', async () => {
    const offerId = await newOffer();
    const results: AcceptResult[] = await Promise.all(agents.map((a) => accept(a, offerId)));

    expect(results[0]).toEqual({ ok: true, leadId });
    for (const result of results.slice(1)) {
      expect(result).toEqual({
        ok: false,
        refusal: { status: 409, code: 'offer_taken', message: 'Taken by Closer 1' },
      });
    }
    // The first claimed it; the other 49 waited for it and needed nothing of the database.
    expect([counting.reads, counting.transactions]).toEqual([0, 1]);
  });

  it('a settled offer is answered from memory as the database would answer it', async () => {
    const offerId = await newOffer();
    const [winner, loser] = agents as [AuthContext, AuthContext];
    expect(await accept(winner, offerId)).toEqual({ ok: true, leadId });

    counting.refuse = 'the database was asked about a settled offer';
    expect(await accept(winner, offerId)).toEqual({ ok: true, leadId });
    expect(await accept(loser, offerId)).toMatchObject({
      refusal: { status: 409, message: 'Taken by Closer 1' },
    });
    expect(await accept(bystander, offerId)).toMatchObject({
      refusal: { status: 403, code: 'offer_not_yours' },
    });
    expect(await accept(stranger, offerId)).toMatchObject({
      refusal: { status: 404, code: 'offer_not_found', message: `No offer ${offerId} here` },
    });
  });

  it('an outcome settled elsewhere costs one claim that finds it, then nothing', async () => {
    const offerId = await newOffer();
    // Another cloud process (its own OfferClaims) took it.
    const elsewhere = new OfferClaims();
    const [other, here] = agents as [AuthContext, AuthContext];
    await acceptOffer({ db, offerClaims: elsewhere, now: Date.now }, other, offerId);

    expect(await accept(here, offerId)).toMatchObject({ refusal: { status: 409 } });
    expect([counting.reads, counting.transactions]).toEqual([0, 1]);
    expect(await accept(here, offerId)).toMatchObject({ refusal: { status: 409 } });
    expect([counting.reads, counting.transactions]).toEqual([0, 1]);
  });

  it('a claim that fails lets the next Accept claim: the offer is still won once', async () => {
    const offerId = await newOffer();
    counting.failNextTransaction = new Error('connection reset');
    const results = await Promise.allSettled(agents.slice(0, 10).map((a) => accept(a, offerId)));

    expect(results[0]).toEqual({ status: 'rejected', reason: new Error('connection reset') });
    const answers = results.slice(1).map((r) => (r.status === 'fulfilled' ? r.value : r.reason));
    expect(answers.filter((a: AcceptResult) => a.ok)).toEqual([{ ok: true, leadId }]);
    expect(answers.filter((a: AcceptResult) => !a.ok)).toHaveLength(8);
    expect(counting.transactions).toBe(2);
  });

  it('a claim refused for a reason of its own does not answer for the others', async () => {
    const offerId = await newOffer();
    const [first] = agents as [AuthContext];
    const results = await Promise.all([accept(bystander, offerId), accept(first, offerId)]);
    expect(results[0]).toMatchObject({ refusal: { status: 403 } });
    expect(results[1]).toEqual({ ok: true, leadId });
  });
});
