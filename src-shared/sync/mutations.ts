import { z } from 'zod';
import { CrmChoice } from '../crm/crm-choice';
import { AppointmentNote, AppointmentStatus, AppointmentVehicle } from '../domain/appointment';
import { Channel, Media } from '../domain/conversation';
import { EpochMs, Id } from '../domain/common';
import { Financial, LeadPhone, Vehicle } from '../domain/lead';
import { LeadStatus } from '../domain/lead-status';
import { Dispositions, StoreContacts, StoreCrm } from '../domain/store-contacts';
import type { Role } from '../domain/user';
import { QueueFilters } from '../folders/filters';

/**
 * Every user action is a named mutation (DESIGN §4). Rows a mutation creates get their id from
 * the client (UUIDv7), so the optimistic row and the cloud's row are the same row.
 * `minRole` is checked by the cloud on every call; the desktop may check first for a better
 * message, never instead.
 */
const mutation = <A extends z.ZodType>(args: A, minRole: Role = 'agent') => ({ args, minRole });

export const LeadPatch = z
  .object({
    firstName: z.string().trim().max(100).nullable(),
    lastName: z.string().trim().max(100).nullable(),
    phones: z.array(LeadPhone).max(10),
    email: z.string().email().max(320).nullable(),
    language: z.string().min(2).max(10),
    labelIds: z.array(Id).max(50),
    assignedUserId: Id.nullable(),
    collaboratorIds: z.array(Id).max(50),
    vehicle: Vehicle.nullable(),
    tradeIn: Vehicle.nullable(),
    financial: Financial.nullable(),
    disposition: z.string().max(100).nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'the patch changes nothing');
export type LeadPatch = z.infer<typeof LeadPatch>;

const leadId = z.object({ leadId: Id });

export const MUTATIONS = {
  updateLead: mutation(leadId.extend({ patch: LeadPatch }).strict()),
  /** Dead -> anything else is an opt-in, which only a manager may do. */
  setLeadStatus: mutation(leadId.extend({ status: LeadStatus }).strict()),
  addNote: mutation(
    leadId.extend({ noteId: Id, text: z.string().trim().min(1).max(5000) }).strict(),
  ),
  /** The time must be in the future and in the store's business hours (appointment-time.ts). */
  setAppointment: mutation(
    leadId
      .extend({
        appointmentId: Id,
        startsAt: EpochMs,
        // Optional so that a change queued before they existed still reads.
        vehicle: AppointmentVehicle.nullable().optional(),
        note: AppointmentNote.nullable().optional(),
      })
      .strict(),
  ),
  /** A new time (same rule as setAppointment); vehicle and note change only when given. */
  rescheduleAppointment: mutation(
    z
      .object({
        appointmentId: Id,
        startsAt: EpochMs,
        vehicle: AppointmentVehicle.nullable().optional(),
        note: AppointmentNote.nullable().optional(),
      })
      .strict(),
  ),
  setAppointmentStatus: mutation(
    z.object({ appointmentId: Id, status: AppointmentStatus.exclude(['booked']) }).strict(),
  ),
  markResponded: mutation(leadId.strict()),
  markDone: mutation(leadId.extend({ done: z.boolean() }).strict()),
  /** Stored as queued (or scheduled); the channel adapters in the cloud deliver it. */
  sendMessage: mutation(
    leadId
      .extend({
        messageId: Id,
        channel: Channel,
        body: z.string().max(1600),
        media: z.array(Media).max(10),
        scheduledAt: EpochMs.nullable(),
      })
      .strict()
      .refine((m) => m.body.trim().length > 0 || m.media.length > 0, {
        message: 'a message needs text or an attachment',
        path: ['body'],
      }),
  ),
  /**
   * Schedules a funnel's steps for the lead, each rendered by the desk that assigns it (what the
   * agent previewed is what is sent), one message id per step, in the funnel's order.
   */
  assignFunnel: mutation(
    leadId
      .extend({
        funnelId: Id,
        steps: z
          .array(z.object({ messageId: Id, body: z.string().trim().min(1).max(1600) }).strict())
          .min(1)
          .max(50),
      })
      .strict(),
  ),
  /** A scheduled message's new time: only while still scheduled, by its author or a manager. */
  rescheduleMessage: mutation(z.object({ messageId: Id, scheduledAt: EpochMs }).strict()),
  /** Takes back a scheduled message before it goes out (same rule as rescheduleMessage). */
  cancelScheduledMessage: mutation(z.object({ messageId: Id }).strict()),
  optOut: mutation(leadId.extend({ reason: z.string().trim().min(1).max(500) }).strict()),
  optIn: mutation(leadId.extend({ reason: z.string().trim().min(1).max(500) }).strict(), 'manager'),
  saveFilters: mutation(z.object({ filters: QueueFilters }).strict()),
  /** A store's contact settings, CRM integration and dispositions (seed 002), replaced whole. */
  updateStoreSettings: mutation(
    z
      .object({ storeId: Id, contacts: StoreContacts, crm: StoreCrm, dispositions: Dispositions })
      .strict(),
    'manager',
  ),
  /**
   * The lead as ADF XML by email to the store's CRM, as the store's display option allows
   * (src-shared/crm); sent or not, a crm_send timeline event with the client's `eventId`.
   */
  sendToCrm: mutation(leadId.extend({ eventId: Id, choice: CrmChoice }).strict()),
  /** The agent's note and the full transcript to the store's on-response contacts. */
  escalate: mutation(
    leadId.extend({ eventId: Id, note: z.string().trim().min(1).max(2000) }).strict(),
  ),
} as const;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATIONS)[N]['args']>;
export const MUTATION_NAMES = Object.keys(MUTATIONS) as MutationName[];

export type Mutation = {
  [N in MutationName]: { id: string; name: N; args: MutationArgs<N> };
}[MutationName];
