import type { Address } from '../../src-shared/domain/common';
import type { Channel } from '../../src-shared/domain/conversation';
import type { Lead, Vehicle } from '../../src-shared/domain/lead';
import type { Store } from '../../src-shared/domain/tenant';

export type { AdfWordPosition } from '../../src-shared/contact-settings/provider-name';
import type { AdfWordPosition } from '../../src-shared/contact-settings/provider-name';

/** The store's business contact the CRM should call back (seed 002's primary contact). */
export interface AdfStoreContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}

/** One line of the conversation, oldest first, as the agent saw it. */
export interface AdfTranscriptLine {
  at: number;
  from: 'customer' | 'agent' | 'system';
  /** The agent's display name; ignored for the customer and the system. */
  author: string | null;
  text: string;
}

/** Everything one ADF document is made of; the caller gathers it, the exporter only formats. */
export interface AdfInput {
  lead: Pick<
    Lead,
    'id' | 'firstName' | 'lastName' | 'email' | 'phones' | 'vehicle' | 'tradeIn' | 'createdAt'
  >;
  /** Vehicles of interest beyond `lead.vehicle` (a customer comparing two cars). */
  moreVehicles?: readonly Vehicle[];
  store: Pick<Store, 'id' | 'name' | 'timeZone' | 'mainPhone'> & {
    address: Address | null;
    /** Null: the vendor contact is the store itself, by name, with its main phone. */
    contact: AdfStoreContact | null;
  };
  /** The conversation's channel: the provider's service (text, chat, call, email). */
  channel: Channel | null;
  /** The agent's notes, oldest first. */
  notes: readonly string[];
  transcript: readonly AdfTranscriptLine[];
  /** True when this lead went to the CRM before: prospect status "resend". */
  repeat: boolean;
  adfWord: string;
  adfWordPosition: AdfWordPosition;
}

/** Input that cannot make a valid ADF document; the message names the missing piece. */
export class AdfInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdfInputError';
  }
}
