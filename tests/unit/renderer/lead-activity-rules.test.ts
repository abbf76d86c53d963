import { describe, expect, it } from 'vitest';
import type { LeadActivity } from '../../../src-shared/presence/lead-activity';
import {
  applyActivity,
  describeTyping,
  lockedByAnother,
  othersIn,
} from '../../../src-renderer/conversations/lead-lock/lead-activity-rules';

const ANA = { userId: 'u-ana', name: 'Ana Ruiz' };
const BO = { userId: 'u-bo', name: 'Bo Chen' };

function lead(leadId: string, holder: typeof ANA | null, viewers = holder ? [holder] : []) {
  return {
    leadId,
    storeId: 's-1',
    lock: holder ? { ...holder, since: 1 } : null,
    viewers: viewers.map((v) => ({ ...v, typing: false })),
  } satisfies LeadActivity;
}

describe('who is in which lead, in the page', () => {
  it('a change replaces one lead, a lead nobody is in goes, a snapshot replaces all', () => {
    let byLead = applyActivity(new Map(), {
      replace: true,
      leads: [lead('l1', ANA), lead('l2', BO)],
    });
    byLead = applyActivity(byLead, { replace: false, leads: [lead('l1', BO, [ANA, BO])] });
    expect(byLead.get('l1')?.lock?.userId).toBe(BO.userId);
    expect(byLead.get('l2')?.lock?.userId).toBe(BO.userId);
    byLead = applyActivity(byLead, { replace: false, leads: [lead('l2', null)] });
    expect([...byLead.keys()]).toEqual(['l1']);
    byLead = applyActivity(byLead, { replace: true, leads: [lead('l3', ANA)] });
    expect([...byLead.keys()]).toEqual(['l3']);
  });

  it("only someone else's lock blocks me; the others exclude me", () => {
    const held = lead('l1', ANA, [ANA, BO]);
    expect(lockedByAnother(held, BO.userId)?.name).toBe('Ana Ruiz');
    expect(lockedByAnother(held, ANA.userId)).toBeNull();
    expect(lockedByAnother(lead('l1', null), BO.userId)).toBeNull();
    expect(lockedByAnother(undefined, BO.userId)).toBeNull();
    expect(othersIn(held, ANA.userId).map((v) => v.userId)).toEqual([BO.userId]);
  });

  it('typing in words', () => {
    expect(describeTyping(['Ana'])).toBe('Ana is typing…');
    expect(describeTyping(['Ana', 'Bo'])).toBe('Ana and Bo are typing…');
    expect(describeTyping(['Ana', 'Bo', 'Cy'])).toBe('3 people are typing…');
  });
});
