import type { Appointment, Conversation, TimelineEvent } from '../../../src-shared';
import type { Statements } from '../statements';
import type { Numbering } from './numbering';

/** Conversations, timeline events and appointments: rows keyed by id that belong to a lead. */

export function upsertConversation(s: Statements, numbering: Numbering, row: Conversation): void {
  s.get(
    `INSERT INTO conversations (id, lead_n, created_at, doc) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET lead_n = excluded.lead_n,
       created_at = excluded.created_at, doc = excluded.doc`,
  ).run(row.id, numbering.leadNumber(row.leadId), row.createdAt, JSON.stringify(row));
}

export function upsertTimelineEvent(s: Statements, numbering: Numbering, row: TimelineEvent): void {
  s.get(
    `INSERT INTO timeline_events (id, lead_n, tenant_id, kind, actor_user_id, text, data, created_at)
     VALUES (:id, :leadN, :tenantId, :kind, :actorUserId, :text, :data, :createdAt)
     ON CONFLICT (id) DO UPDATE SET lead_n = excluded.lead_n, tenant_id = excluded.tenant_id,
       kind = excluded.kind, actor_user_id = excluded.actor_user_id, text = excluded.text,
       data = excluded.data, created_at = excluded.created_at`,
  ).run({
    id: row.id,
    leadN: numbering.leadNumber(row.leadId),
    tenantId: row.tenantId,
    kind: row.kind,
    actorUserId: row.actorUserId,
    text: row.text,
    data: Object.keys(row.data).length ? JSON.stringify(row.data) : null,
    createdAt: row.createdAt,
  });
}

export const EVENT_COLUMNS = 'id, tenant_id, kind, actor_user_id, text, data, created_at';

export interface EventRow {
  id: string;
  tenant_id: string;
  kind: TimelineEvent['kind'];
  actor_user_id: string | null;
  text: string;
  data: string | null;
  created_at: number;
}

export function eventFromRow(row: EventRow, leadId: string): TimelineEvent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    leadId,
    kind: row.kind,
    actorUserId: row.actor_user_id,
    text: row.text,
    data: row.data === null ? {} : (JSON.parse(row.data) as TimelineEvent['data']),
    createdAt: row.created_at,
  };
}

export function upsertAppointment(s: Statements, numbering: Numbering, row: Appointment): void {
  s.get(
    `INSERT INTO appointments (id, lead_n, status, starts_at, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET lead_n = excluded.lead_n, status = excluded.status,
       starts_at = excluded.starts_at, doc = excluded.doc`,
  ).run(row.id, numbering.leadNumber(row.leadId), row.status, row.startsAt, JSON.stringify(row));
}
