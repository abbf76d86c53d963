/** An offer whose outcome the database has recorded: accepted by someone, or missed. */
export interface SettledOffer {
  tenantId: string;
  leadId: string;
  /** The agents it rang at: only they may hear how it ended. */
  agentIds: ReadonlySet<string>;
  /** Null when nobody accepted in time. */
  acceptedBy: { userId: string; name: string } | null;
}

/**
 * This process's part in an offer race (DESIGN §7). When a lead rings at 200 desks, nearly
 * every Accept arrives while the first is still claiming; letting each take a pooled connection
 * to learn that it lost makes the last answer wait for all the others. So here one Accept per
 * offer claims at a time, the rest wait for it, and a settled outcome is remembered: it is
 * final in the database (an accepted or missed offer never reopens), so answering from memory
 * is answering from the database. Other cloud processes race through the database as before;
 * the claim's `WHERE status = 'open'` still decides between them.
 */
export class OfferClaims {
  private readonly settled = new Map<string, SettledOffer>();
  private readonly claiming = new Map<string, Promise<unknown>>();

  constructor(private readonly limit = 10_000) {}

  settledOffer(offerId: string): SettledOffer | undefined {
    return this.settled.get(offerId);
  }

  remember(offerId: string, offer: SettledOffer): void {
    if (this.settled.size >= this.limit) {
      // The oldest first: a Map iterates in insertion order.
      const oldest = this.settled.keys().next().value;
      if (oldest !== undefined) this.settled.delete(oldest);
    }
    this.settled.set(offerId, offer);
  }

  /** The claim in progress for this offer in this process, if any. */
  inProgress(offerId: string): Promise<unknown> | undefined {
    return this.claiming.get(offerId);
  }

  /** Runs `claim` as this offer's claim in progress until it settles. */
  async claim<T>(offerId: string, claim: () => Promise<T>): Promise<T> {
    const running = claim();
    this.claiming.set(offerId, running);
    try {
      return await running;
    } finally {
      if (this.claiming.get(offerId) === running) this.claiming.delete(offerId);
    }
  }
}
