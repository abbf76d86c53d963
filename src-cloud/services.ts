import type { FastifyBaseLogger } from 'fastify';
import type { SessionCache } from './accounts/session-cache';
import type { CloudConfig } from './config';
import type { Db } from './db/db';
import type { Mailer } from './email/mailer';
import type { LiveHub } from './live/hub';
import type { OfferClaims } from './offers/offer-claims';
import type { SecretBox } from './secrets/secret-box';
import type { GroupedWrites } from './sync/grouped-writes';
import type { SharedPulls } from './sync/shared-pulls';
import type { TextingPort } from './texting/texting-port';
import type { SmsSender } from './twilio/sms-sender';
import type { InboundMediaFetcher } from './twilio/inbound-media-fetcher';

/** What route handlers reach: no module keeps state of its own outside this. */
export interface CloudServices {
  config: CloudConfig;
  db: Db;
  hub: LiveHub;
  sessions: SessionCache;
  /** A tenant's writes that arrive together share one transaction (customers' messages). */
  groupedWrites: GroupedWrites;
  /** GET /v1/sync: pulls of one tenant from the same version share one query. */
  pulls: SharedPulls;
  /** Accepts of one offer in this process take turns; settled outcomes are remembered. */
  offerClaims: OfferClaims;
  mailer: Mailer;
  /** Texts the cloud sends itself (missed-lead alerts); the Twilio issue plugs in its sender. */
  texter: TextingPort;
  /** Seals and opens the secrets kept at rest (Twilio auth tokens). */
  secrets: SecretBox;
  /** Fetches inbound MMS attachments after their message is stored (kicked by the webhook). */
  inboundMedia: InboundMediaFetcher;
  log: FastifyBaseLogger;
  now(): number;
  /** Sends queued texts through Twilio; woken when a sendMessage commits. */
  smsSender: Pick<SmsSender, 'wake'>;
  /** Where people reach this cloud, for links in emails. */
  publicUrl(): string;
}
