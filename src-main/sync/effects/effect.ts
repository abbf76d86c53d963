import type {
  Appointment,
  ApiErrorCode,
  Conversation,
  Funnel,
  Lead,
  Message,
  MutationArgs,
  MutationName,
  Store,
  SyncChange,
  TimelineEvent,
  User,
} from '../../../src-shared';

/** The rows an effect may look at: what the replica holds now, local effects included. */
export interface Rows {
  lead(id: string): Lead | null;
  appointment(id: string): Appointment | null;
  message(id: string): Message | null;
  user(id: string): User | null;
  store(id: string): Store | null;
  /** The lead's conversations, oldest first. */
  conversations(leadId: string): Conversation[];
  funnel(id: string): Funnel | null;
}

export interface EffectContext {
  /** Who made the change. */
  me: User;
  /** When it was made: the same instant every time the effect is computed again. */
  now: number;
  /** Rows the cloud will mint an id for get a stand-in id from this, until a pull replaces them. */
  mutationId: string;
}

/**
 * A mutation's optimistic effect: a pure function from the rows it reads and its arguments to
 * the changes that show it at once. The cloud computes the real rows (src-cloud/mutations); a
 * pull replaces these stand-ins with them.
 */
export type Effect<N extends MutationName> = (
  rows: Rows,
  args: MutationArgs<N>,
  context: EffectContext,
) => SyncChange[];

/** The desktop can tell already that the cloud would refuse: say so, queue nothing. */
export class LocalRefusal extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LocalRefusal';
  }
}

export function requireLead(rows: Rows, leadId: string): Lead {
  const lead = rows.lead(leadId);
  if (!lead) throw new LocalRefusal('not_found', `Lead ${leadId} is not on this PC.`);
  return lead;
}

export function requireAppointment(rows: Rows, appointmentId: string): Appointment {
  const appointment = rows.appointment(appointmentId);
  if (!appointment) {
    throw new LocalRefusal('not_found', `Appointment ${appointmentId} is not on this PC.`);
  }
  return appointment;
}

/** The lead with `changes`, stamped; nothing when nothing changes (as the cloud's saveLead). */
export function leadChange(lead: Lead, changes: Partial<Lead>, now: number): SyncChange[] {
  const changed = (Object.keys(changes) as (keyof Lead)[]).some(
    (key) => JSON.stringify(lead[key]) !== JSON.stringify(changes[key]),
  );
  return changed
    ? [{ table: 'leads', op: 'upsert', row: { ...lead, ...changes, updatedAt: now } }]
    : [];
}

/** A timeline event as the cloud writes one; its id is the client's, or a stand-in. */
export function timelineEvent(
  context: EffectContext,
  lead: Lead,
  kind: TimelineEvent['kind'],
  text: string,
  data: Record<string, unknown>,
  id: string = standInId(context, kind),
): SyncChange {
  const row: TimelineEvent = {
    id,
    tenantId: lead.tenantId,
    leadId: lead.id,
    kind,
    actorUserId: context.me.id,
    text,
    data,
    createdAt: context.now,
  };
  return { table: 'timeline_events', op: 'upsert', row };
}

/** An id for a row the cloud mints its own id for; the next pull deletes the stand-in. */
export function standInId(context: EffectContext, what: string): string {
  return `${context.mutationId}.${what}`;
}

export function isDead(lead: Lead): boolean {
  return lead.status === 'dead' || lead.optedOut;
}
