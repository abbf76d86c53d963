import { describe, expect, it } from 'vitest';
import { messagePreview, DEMO_STORES } from '../../../src-shared/demo';
import { toE164 } from '../../../src-shared/phone/phone';
import { intlHour } from './intl-hour';
import { byLead, collectDemo, NOW } from './demo-data';

const { tables } = collectDemo({ leads: 2000, seed: 21 });
const messagesOf = byLead(tables.messages);
const eventsOf = byLead(tables.timeline_events);
const appointmentsOf = byLead(tables.appointments);
const zoneOf = new Map(DEMO_STORES.map((s) => [s.row.id, s.row.timeZone]));
const latest = <R extends { createdAt: number }>(rows: R[]) =>
  rows.reduce<R | null>((a, b) => (a === null || b.createdAt >= a.createdAt ? b : a), null);

describe("a demo lead's own fields agree with its rows", () => {
  it('last message time, preview and channel come from its latest sent message', () => {
    for (const lead of tables.leads) {
      const messages = messagesOf.get(lead.id) ?? [];
      const last = latest(messages.filter((m) => m.status !== 'scheduled'));
      const conversation = tables.conversations.find((c) => c.id === last?.conversationId);
      expect(lead.lastMessageAt, lead.id).toBe(last?.createdAt ?? null);
      expect(lead.lastMessagePreview).toBe(last ? messagePreview(last) : null);
      expect(lead.lastMessagePreview?.length ?? 0).toBeLessThanOrEqual(200);
      expect(lead.lastChannel).toBe(conversation?.channel ?? null);
    }
  });

  it('awaits a response only when the customer wrote last, since that message', () => {
    for (const lead of tables.leads) {
      if (lead.awaitingSince === null) continue;
      const last = latest((messagesOf.get(lead.id) ?? []).filter((m) => m.status !== 'scheduled'));
      expect(last?.direction, lead.id).toBe('in');
      expect(lead.awaitingSince).toBe(last?.createdAt);
      expect(lead.doneAt).toBeNull();
    }
  });

  it('was created before all its activity, updated after it, all of it before now', () => {
    for (const lead of tables.leads) {
      const items = [
        ...(messagesOf.get(lead.id) ?? []),
        ...(eventsOf.get(lead.id) ?? []),
        ...(appointmentsOf.get(lead.id) ?? []),
      ];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.createdAt).toBeGreaterThanOrEqual(lead.createdAt);
        expect(item.createdAt).toBeLessThanOrEqual(lead.updatedAt);
      }
      expect(lead.updatedAt).toBeLessThanOrEqual(NOW);
      expect(lead.createdAt).toBeGreaterThan(NOW - 120 * 24 * 3600_000);
      if (lead.doneAt !== null) expect(lead.doneAt).toBeLessThanOrEqual(lead.updatedAt);
    }
  });

  it('sends scheduled messages later, and every other one is in the past', () => {
    const scheduled = tables.messages.filter((m) => m.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(20);
    for (const m of tables.messages) {
      if (m.status === 'scheduled') {
        expect(m.scheduledAt).toBeGreaterThan(NOW);
        expect(m.direction).toBe('out');
      } else {
        expect(m.scheduledAt).toBeNull();
      }
      expect(m.createdAt).toBeLessThanOrEqual(NOW);
    }
  });

  it('has customers write in waking hours of their store', () => {
    const storeOf = new Map(tables.leads.map((l) => [l.id, l.storeId]));
    for (const m of tables.messages) {
      if (m.direction !== 'in') continue;
      const hour = intlHour(zoneOf.get(storeOf.get(m.leadId) ?? '') ?? '', m.createdAt);
      expect(hour, m.body).toBeGreaterThanOrEqual(8);
      expect(hour, m.body).toBeLessThan(21.5);
    }
  });

  it('shows the latest note as the notes excerpt', () => {
    for (const lead of tables.leads) {
      const note = latest((eventsOf.get(lead.id) ?? []).filter((e) => e.kind === 'note'));
      expect(lead.notesExcerpt).toBe(note?.text ?? null);
    }
  });

  it('marks Dead leads opted out, with the opt-out in their timeline', () => {
    for (const lead of tables.leads) {
      expect(lead.optedOut, lead.id).toBe(lead.status === 'dead');
      if (lead.status !== 'dead') continue;
      const kinds = (eventsOf.get(lead.id) ?? []).map((e) => e.kind);
      expect(kinds).toContain('opt_out');
    }
  });

  it('gives every lead its own valid US phone numbers', () => {
    const numbers = tables.leads.flatMap((l) => l.phones.map((p) => p.number));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) {
      expect(number).toMatch(/^\+1\d{10}$/);
      expect(toE164(number)).toBe(number);
    }
  });
});
