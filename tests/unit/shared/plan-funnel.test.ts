import { describe, expect, test } from 'vitest';
import { DEMO_STORES } from '../../../src-shared/demo';
import type { Funnel, Lead, User } from '../../../src-shared/domain';
import { blankLead } from '../../../src-shared/domain/lead';
import { describeDelay, planFunnel } from '../../../src-shared/funnels';

const store = DEMO_STORES[0]!.row;
const NOW = Date.UTC(2030, 0, 14, 17, 0);
const lead: Lead = {
  ...blankLead({ id: 'lead-1', tenantId: store.tenantId, storeId: store.id, source: 'Text' }, NOW),
  firstName: 'Dana',
};
const agent: User = {
  id: 'user-1',
  tenantId: store.tenantId,
  name: 'Marcus Reyes',
  email: 'marcus@demo.test',
  role: 'agent',
  storeIds: [store.id],
  photoUrl: null,
  phone: null,
  extension: '',
  preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
};
const funnel = (bodies: string[], delays: number[]): Funnel => ({
  id: 'funnel-1',
  tenantId: store.tenantId,
  storeId: null,
  name: 'Follow-up',
  steps: bodies.map((body, i) => ({ body, delayMinutes: delays[i]! })),
});

describe('planning a funnel for a lead', () => {
  test('each step rendered for the lead, due its delay after the assignment', () => {
    const plan = planFunnel(
      funnel(['Hi {lead.firstName}!', '{agent.firstName} here again.'], [0, 2 * 1440]),
      { lead, store, agent, appointment: null },
      NOW,
    );
    expect(plan).toEqual({
      ok: true,
      steps: [
        { body: 'Hi Dana!', scheduledAt: NOW },
        { body: 'Marcus here again.', scheduledAt: NOW + 2 * 86_400_000 },
      ],
    });
  });

  test('a field that cannot be filled stops the plan, naming the step', () => {
    const plan = planFunnel(
      funnel(
        ['Hi {lead.firstName}', 'See you at {appointment.time}', '{lead.nickname}'],
        [0, 60, 120],
      ),
      { lead, store, agent, appointment: null },
      NOW,
    );
    expect(plan.ok).toBe(false);
    expect(plan.ok ? [] : plan.problems).toEqual([
      expect.stringMatching(/^Step 2: \{appointment\.time\}/),
      'Step 3: {lead.nickname} is not a smart field',
    ]);
  });

  test('delays read as people say them', () => {
    expect([0, 1, 45, 60, 120, 1440, 3 * 1440, 1500].map(describeDelay)).toEqual([
      'at once',
      'after 1 minute',
      'after 45 minutes',
      'after 1 hour',
      'after 2 hours',
      'after 1 day',
      'after 3 days',
      'after 25 hours',
    ]);
  });
});
