import { z } from 'zod';
import { EpochMs, Id } from './common';

/** Things shown in the middle of a thread, between the customer's and the agents' messages. */
export const TIMELINE_KINDS = [
  'note',
  'appointment',
  'crm_send',
  'call',
  'status_change',
  'assignment',
  'escalation',
  'opt_out',
  'opt_in',
  'funnel',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEvent = z.object({
  id: Id,
  tenantId: Id,
  leadId: Id,
  kind: TimelineKind,
  actorUserId: Id.nullable(),
  /** What a person reads in the thread, already worded ("Status: Warm -> Hot"). */
  text: z.string().max(20000),
  /** Kind-specific details (call length, appointment id, CRM address...). */
  data: z.record(z.string(), z.unknown()),
  createdAt: EpochMs,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
