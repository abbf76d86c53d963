import { leadDisplayName, phoneSearchDigits, UNASSIGNED, type Lead } from '../../../src-shared';
import type { Statements } from '../statements';
import type { Numbering } from './numbering';

const UPSERT_LEAD = `
INSERT INTO leads (
  n, id, segment_id, status, awaiting_since, done_at, created_at, last_message_at,
  name, email, channel, notes_excerpt, last_message_preview, doc,
  booked_count, showed_count, scheduled_count
) VALUES (
  :n, :id, :segment, :status, :awaitingSince, :doneAt, :createdAt, :lastMessageAt,
  :name, :email, :channel, :notesExcerpt, :lastMessagePreview, :doc,
  -- Appointments and messages may have arrived before their lead.
  (SELECT count(*) FROM appointments WHERE lead_n = :n AND status = 'booked'),
  (SELECT count(*) FROM appointments WHERE lead_n = :n AND status = 'showed'),
  (SELECT count(*) FROM messages WHERE lead_n = :n AND status = 'scheduled')
)
ON CONFLICT (n) DO UPDATE SET
  segment_id = excluded.segment_id, status = excluded.status,
  awaiting_since = excluded.awaiting_since, done_at = excluded.done_at,
  created_at = excluded.created_at, last_message_at = excluded.last_message_at,
  name = excluded.name, email = excluded.email, channel = excluded.channel,
  notes_excerpt = excluded.notes_excerpt, last_message_preview = excluded.last_message_preview,
  doc = excluded.doc
RETURNING segment_id, folder_mask`;

export function upsertLead(statements: Statements, numbering: Numbering, lead: Lead): void {
  const n = numbering.leadNumber(lead.id);
  const segment = numbering.segmentId(
    lead.storeId,
    lead.campaignId ?? '',
    lead.assignedUserId ?? UNASSIGNED,
    lead.source,
  );
  const name = leadDisplayName(lead);
  // A lead first seen in this pull has no old row, labels or phones to look at or replace.
  const fresh = numbering.firstWrite(n);
  const before = fresh
    ? undefined
    : (statements.get('SELECT name, email FROM leads WHERE n = ?').get(n) as
        { name: string; email: string | null } | undefined);
  if (fresh) numbering.search.markFresh(n);
  else if (before?.name !== name || before.email !== lead.email) numbering.search.markDirty(n);
  const { folder_mask: folderMask } = statements.get(UPSERT_LEAD).get({
    n,
    id: lead.id,
    segment,
    status: lead.status,
    awaitingSince: lead.awaitingSince,
    doneAt: lead.doneAt,
    createdAt: lead.createdAt,
    lastMessageAt: lead.lastMessageAt,
    name,
    email: lead.email,
    channel: lead.lastChannel,
    notesExcerpt: lead.notesExcerpt,
    lastMessagePreview: lead.lastMessagePreview,
    doc: JSON.stringify(lead),
  }) as { segment_id: number; folder_mask: number };

  if (!fresh) statements.get('DELETE FROM lead_labels WHERE lead_n = ?').run(n);
  const addLabel = statements.get(
    'INSERT OR IGNORE INTO lead_labels (label_id, lead_n, segment_id, folder_mask) VALUES (?, ?, ?, ?)',
  );
  for (const labelId of lead.labelIds) addLabel.run(labelId, n, segment, folderMask);

  if (!fresh) statements.get('DELETE FROM lead_phones WHERE lead_n = ?').run(n);
  const addPhone = statements.get(
    'INSERT OR IGNORE INTO lead_phones (digits_reversed, lead_n) VALUES (?, ?)',
  );
  for (const phone of lead.phones) {
    const digits = nationalDigits(phone.number);
    if (digits) addPhone.run(reverse(digits), n);
  }
}

/**
 * What a phone search for this number will look for (phoneSearchDigits). A North American
 * number, most of a dealer's, is read without libphonenumber: at 100k leads the parse was a
 * tenth of the load time.
 */
export function nationalDigits(e164: string): string | null {
  return /^\+1\d{10}$/.test(e164) ? e164.slice(2) : phoneSearchDigits(e164);
}

/** A lead's tombstone takes everything hanging off it with it. */
export function deleteLead(statements: Statements, numbering: Numbering, leadId: string): void {
  const n = numbering.existingLeadNumber(leadId);
  if (n === null) return;
  statements.get('DELETE FROM leads WHERE n = ?').run(n);
  for (const table of ['messages', 'timeline_events', 'conversations', 'appointments']) {
    statements.get(`DELETE FROM ${table} WHERE lead_n = ?`).run(n);
  }
  statements.get('DELETE FROM lead_numbers WHERE n = ?').run(n);
  numbering.forgetLead(leadId, n);
}

export function reverse(digits: string): string {
  return [...digits].reverse().join('');
}
