import { z } from 'zod';
import { EpochMs, Id } from '../domain/common';
import type { Role } from '../domain/user';

/**
 * Who is in a lead, live (issue 4 "Lead lock"): the soft lock, who is viewing and who is
 * typing. Never stored in the replica: it travels over /v1/live and lives in the core's memory.
 *
 * The lock is soft: it is held by the first person who opens the lead, renewed while the lead
 * stays open, and released when they leave it, close the app, go idle or stop renewing. The
 * others see the lead read-only ("NAME is in this lead"); a manager may take it over.
 */

/** The desk says again that a lead is open this often; the cloud lets a view lapse after LAPSE. */
export const LEAD_VIEW_RENEW_MS = 10_000;
export const LEAD_VIEW_LAPSE_MS = 30_000;
/** Typing is said again this often while keys are pressed; it lapses after TYPING_LAPSE. */
export const LEAD_TYPING_RENEW_MS = 3_000;
export const LEAD_TYPING_LAPSE_MS = 8_000;
/** Viewers named per lead (a NOTIFY payload stays small); more are rare and counted out. */
export const LEAD_VIEWERS_LISTED = 20;

export const LeadPerson = z.object({ userId: Id, name: z.string().max(200) });
export type LeadPerson = z.infer<typeof LeadPerson>;

export const LeadLock = LeadPerson.extend({
  /** When this person got the lock (opened first, took it over, or it passed to them). */
  since: EpochMs,
});
export type LeadLock = z.infer<typeof LeadLock>;

/** One person in the lead (one entry per person, whatever number of desks they have it on). */
export const LeadViewer = LeadPerson.extend({ typing: z.boolean() });
export type LeadViewer = z.infer<typeof LeadViewer>;

/** The whole state of one lead: every frame replaces what a desk knew of that lead. */
export const LeadActivity = z.object({
  leadId: Id,
  storeId: Id,
  /** Null: nobody holds it (nobody is in the lead). */
  lock: LeadLock.nullable(),
  /** In the order they came in; the holder among them. */
  viewers: z.array(LeadViewer).max(LEAD_VIEWERS_LISTED),
});
export type LeadActivity = z.infer<typeof LeadActivity>;

/** Told to the former holder's desks when a manager takes their lead over. */
export const LeadTakenOver = z.object({ leadId: Id, by: LeadPerson });
export type LeadTakenOver = z.infer<typeof LeadTakenOver>;

/** Why the cloud did not do what a lead frame asked. */
export const LEAD_REFUSAL_CODES = ['lead_not_found', 'take_over_forbidden'] as const;
export const LeadRefused = z.object({
  leadId: Id,
  code: z.enum(LEAD_REFUSAL_CODES),
  message: z.string().max(300),
});
export type LeadRefused = z.infer<typeof LeadRefused>;

/** Nobody in the lead: what a desk shows for a lead it has heard nothing about. */
export function isEmptyActivity(activity: LeadActivity): boolean {
  return activity.lock === null && activity.viewers.length === 0;
}

/** Managers and admins may take a lead over (the cloud checks; desks hide the button). */
export function mayTakeOverLead(role: Role): boolean {
  return role === 'manager' || role === 'admin';
}
