import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_STATUSES,
  CHANNELS,
  LEAD_SOURCES,
  LEAD_STATUSES,
  TIMELINE_KINDS,
} from '../../../src-shared/domain';
import { FOLDERS, isInFolder, type FolderFacts } from '../../../src-shared/folders';
import { DEMO_LABELS, DEMO_STORES, DEMO_USERS } from '../../../src-shared/demo';
import { byLead, collectDemo, NOW } from './demo-data';

const { tables } = collectDemo({ leads: 2000 });
const distinct = <T>(values: T[]) => [...new Set(values)].sort();

describe('a demo of 2,000 leads shows every case the console handles', () => {
  it('has the dealer group: six stores in six zones, campaigns, the demo users', () => {
    expect(tables.tenants).toHaveLength(1);
    expect(distinct(tables.stores.map((s) => s.timeZone))).toHaveLength(6);
    for (const store of tables.stores) {
      const campaigns = tables.campaigns.filter((c) => c.storeId === store.id);
      expect(campaigns.length).toBeGreaterThanOrEqual(2);
      expect(campaigns.length).toBeLessThanOrEqual(4);
      expect(tables.users.some((u) => u.role === 'agent' && u.storeIds.includes(store.id))).toBe(
        true,
      );
    }
    const emails = tables.users.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@demo.test', 'manager@demo.test']));
    for (let i = 1; i <= 12; i++) expect(emails).toContain(`agent${i}@demo.test`);
    expect(DEMO_USERS.map((u) => u.email).sort()).toEqual([...emails].sort());
  });

  it('has every status, source, store and label on some lead', () => {
    expect(distinct(tables.leads.map((l) => l.status))).toEqual([...LEAD_STATUSES].sort());
    expect(distinct(tables.leads.map((l) => l.source))).toEqual([...LEAD_SOURCES].sort());
    expect(distinct(tables.leads.map((l) => l.storeId))).toHaveLength(DEMO_STORES.length);
    expect(distinct(tables.leads.flatMap((l) => l.labelIds))).toHaveLength(DEMO_LABELS.length);
  });

  it('has every channel, calls in the timeline, and every kind of timeline event', () => {
    expect(distinct(tables.conversations.map((c) => c.channel))).toEqual([...CHANNELS].sort());
    const messageChannels = distinct(tables.leads.map((l) => l.lastChannel).filter(Boolean));
    expect(messageChannels).toEqual(['chat', 'email', 'messenger', 'sms']);
    expect(distinct(tables.timeline_events.map((e) => e.kind))).toEqual([...TIMELINE_KINDS].sort());
  });

  it('has appointments in every status: booked ones ahead, the others behind', () => {
    expect(distinct(tables.appointments.map((a) => a.status))).toEqual(
      [...APPOINTMENT_STATUSES].sort(),
    );
    for (const a of tables.appointments) {
      if (a.status === 'booked') expect(a.startsAt).toBeGreaterThan(NOW);
      if (a.status === 'showed' || a.status === 'no_show') expect(a.startsAt).toBeLessThan(NOW);
      expect(a.createdAt).toBeLessThan(a.startsAt);
    }
  });

  it('fills every folder', () => {
    const appointments = byLead(tables.appointments);
    const messages = byLead(tables.messages);
    const counts = new Map<string, number>();
    const count = <R>(rows: R[] | undefined, test: (row: R) => boolean) =>
      (rows ?? []).filter(test).length;
    for (const lead of tables.leads) {
      const facts: FolderFacts = {
        ...lead,
        bookedAppointments: count(appointments.get(lead.id), (a) => a.status === 'booked'),
        showedAppointments: count(appointments.get(lead.id), (a) => a.status === 'showed'),
        scheduledMessages: count(messages.get(lead.id), (m) => m.status === 'scheduled'),
      };
      for (const folder of FOLDERS) {
        if (isInFolder(facts, folder)) counts.set(folder, (counts.get(folder) ?? 0) + 1);
      }
    }
    for (const folder of FOLDERS) expect(counts.get(folder), folder).toBeGreaterThan(10);
  });

  it('has unknown texters, Spanish speakers, emails, trade-ins, money talk and notes', () => {
    const some = (test: (l: (typeof tables.leads)[number]) => boolean) =>
      tables.leads.filter(test).length;
    expect(some((l) => l.firstName === null && l.lastName === null)).toBeGreaterThan(5);
    expect(some((l) => l.language === 'es')).toBeGreaterThan(20);
    expect(some((l) => l.email !== null)).toBeGreaterThan(200);
    expect(some((l) => l.tradeIn !== null)).toBeGreaterThan(200);
    expect(some((l) => l.financial !== null)).toBeGreaterThan(200);
    expect(some((l) => l.vehicle !== null)).toBeGreaterThan(1500);
    expect(some((l) => l.notesExcerpt !== null)).toBeGreaterThan(200);
    expect(some((l) => l.assignedUserId === null)).toBeGreaterThan(10);
    expect(some((l) => l.phones.length > 1)).toBeGreaterThan(10);
    expect(tables.messages.filter((m) => m.media.length > 0).length).toBeGreaterThan(50);
    expect(tables.messages.filter((m) => m.status === 'undelivered').length).toBeGreaterThan(10);
  });

  it('averages about ten messages a lead', () => {
    const average = tables.messages.length / tables.leads.length;
    expect(average).toBeGreaterThan(9);
    expect(average).toBeLessThan(11.5);
  });
});
