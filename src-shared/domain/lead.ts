import { z } from 'zod';
import { E164, EpochMs, Id } from './common';
import { Channel } from './conversation';
import { LeadSource, LeadStatus } from './lead-status';

export const PhoneType = z.enum(['mobile', 'home', 'work']);
export const LeadPhone = z.object({ number: E164, type: PhoneType });
export type LeadPhone = z.infer<typeof LeadPhone>;

export const Vehicle = z.object({
  year: z.number().int().min(1900).max(2100).nullable(),
  make: z.string().max(60),
  model: z.string().max(60),
  trim: z.string().max(60),
  vin: z.string().max(17),
  stock: z.string().max(40),
});
export type Vehicle = z.infer<typeof Vehicle>;

export const Financial = z.object({
  creditRating: z.enum(['excellent', 'good', 'fair', 'poor', 'unknown']),
  downPayment: z.number().nonnegative().nullable(),
  monthlyBudget: z.number().nonnegative().nullable(),
});

export const Lead = z.object({
  id: Id,
  tenantId: Id,
  storeId: Id,
  campaignId: Id.nullable(),
  source: LeadSource,
  /** Both null until the customer is known; the UI shows "Unknown". */
  firstName: z.string().max(100).nullable(),
  lastName: z.string().max(100).nullable(),
  phones: z.array(LeadPhone).max(10),
  email: z.string().email().max(320).nullable(),
  language: z.string().min(2).max(10),
  status: LeadStatus,
  optedOut: z.boolean(),
  assignedUserId: Id.nullable(),
  collaboratorIds: z.array(Id),
  labelIds: z.array(Id),
  vehicle: Vehicle.nullable(),
  tradeIn: Vehicle.nullable(),
  financial: Financial.nullable(),
  disposition: z.string().max(100).nullable(),
  /** The latest note, for the queue's notes icon and its hover excerpt. */
  notesExcerpt: z.string().max(500).nullable(),
  /** Set when the customer wrote last and nobody answered or marked it responded. */
  awaitingSince: EpochMs.nullable(),
  /** Set when a dealer or agent marks the lead done (the Done folder). */
  doneAt: EpochMs.nullable(),
  lastMessageAt: EpochMs.nullable(),
  lastMessagePreview: z.string().max(200).nullable(),
  lastChannel: Channel.nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Lead = z.infer<typeof Lead>;

/**
 * A lead nobody knows anything about yet: New, unassigned, no name ("Unknown"), no history.
 * What a first text, call or email creates before filling in what the sender told us.
 */
export function blankLead(
  base: Pick<Lead, 'id' | 'tenantId' | 'storeId' | 'source'>,
  now: number,
): Lead {
  return {
    ...base,
    campaignId: null,
    firstName: null,
    lastName: null,
    phones: [],
    email: null,
    language: 'en',
    status: 'new',
    optedOut: false,
    assignedUserId: null,
    collaboratorIds: [],
    labelIds: [],
    vehicle: null,
    tradeIn: null,
    financial: null,
    disposition: null,
    notesExcerpt: null,
    awaitingSince: null,
    doneAt: null,
    lastMessageAt: null,
    lastMessagePreview: null,
    lastChannel: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function leadDisplayName(lead: Pick<Lead, 'firstName' | 'lastName'>): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ').trim();
  return name || 'Unknown';
}
