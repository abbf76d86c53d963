import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD, DEMO_STORES, DEMO_USERS, generateDemo } from '../../../src-shared/demo';
import { toE164 } from '../../../src-shared/phone/phone';
import { collectDemo, NOW } from './demo-data';

const { tables } = collectDemo();
const dana = tables.leads.find((l) => l.id === DEMO_FIXTURE_LEAD.id);
const messages = tables.messages.filter((m) => m.leadId === DEMO_FIXTURE_LEAD.id);

describe('the lead end-to-end tests rely on', () => {
  it('is Dana Whitfield of the Denver store, found by the phone as people type it', () => {
    expect(dana).toBeDefined();
    expect([dana?.firstName, dana?.lastName]).toEqual(['Dana', 'Whitfield']);
    expect(toE164(DEMO_FIXTURE_LEAD.typedPhone)).toBe('+19701234567');
    expect(dana?.phones.map((p) => p.number)).toEqual(['+19701234567']);
    const denver = DEMO_STORES.find((s) => s.row.timeZone === 'America/Denver');
    expect(dana?.storeId).toBe(denver?.row.id);
    const agent1 = DEMO_USERS.find((u) => u.email === 'agent1@demo.test');
    expect(dana?.assignedUserId).toBe(agent1?.id);
  });

  it('is hot and waiting for an answer to her last text', () => {
    expect(dana?.status).toBe('hot');
    const last = messages.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
    expect(last.direction).toBe('in');
    expect(dana?.awaitingSince).toBe(last.createdAt);
    expect(dana?.awaitingSince).toBeLessThan(NOW);
  });

  it('is the only lead whose thread says "Tacoma", and the only Dana Whitfield', () => {
    const word = DEMO_FIXTURE_LEAD.word;
    expect(messages.some((m) => m.body.includes(word))).toBe(true);
    const others = tables.messages.filter(
      (m) => m.leadId !== DEMO_FIXTURE_LEAD.id && m.body.includes(word),
    );
    expect(others).toEqual([]);
    const namesakes = tables.leads.filter((l) => l.lastName === 'Whitfield');
    expect(namesakes.map((l) => l.id)).toEqual([DEMO_FIXTURE_LEAD.id]);
  });

  it('has the same id for every seed', () => {
    for (const seed of [1, 99]) {
      const leadBatch = [...generateDemo({ seed, leads: 5, now: NOW })][5];
      expect(leadBatch?.[0]).toMatchObject({ table: 'leads', row: { id: DEMO_FIXTURE_LEAD.id } });
    }
  });
});
