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
    `INSERT INTO timeline_events (id, lead_n, created_at, doc) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET lead_n = excluded.lead_n,
       created_at = excluded.created_at, doc = excluded.doc`,
  ).run(row.id, numbering.leadNumber(row.leadId), row.createdAt, JSON.stringify(row));
}

export function upsertAppointment(s: Statements, numbering: Numbering, row: Appointment): void {
  s.get(
    `INSERT INTO appointments (id, lead_n, status, starts_at, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET lead_n = excluded.lead_n, status = excluded.status,
       starts_at = excluded.starts_at, doc = excluded.doc`,
  ).run(row.id, numbering.leadNumber(row.leadId), row.status, row.startsAt, JSON.stringify(row));
}
