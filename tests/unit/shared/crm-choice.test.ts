import { describe, expect, test } from 'vitest';
import { resolveCrmChoice, crmTimelineText } from '../../../src-shared/crm/crm-choice';
import { NO_CRM, type StoreCrm } from '../../../src-shared/domain/store-contacts';

const crm = (changes: Partial<StoreCrm>): StoreCrm => ({ ...NO_CRM, ...changes });
const list = [
  { name: 'New', address: 'new@crm.test' },
  { name: 'Used', address: 'used@crm.test' },
];

describe("the store's CRM display option decides where a lead goes", () => {
  test('none: always the XML lead address; no suppression', () => {
    const none = crm({ displayOption: 'none', xmlLeadAddress: 'x@crm.test' });
    expect(resolveCrmChoice(none, { kind: 'send' })).toEqual({
      kind: 'send',
      name: 'x@crm.test',
      address: 'x@crm.test',
    });
    expect(resolveCrmChoice(none, { kind: 'doNotSend' }).kind).toBe('refused');
  });

  test('no XML lead address: refused, naming the setting', () => {
    for (const displayOption of ['none', 'suppression'] as const) {
      const outcome = resolveCrmChoice(crm({ displayOption }), { kind: 'send' });
      expect(outcome).toMatchObject({ kind: 'refused', code: 'not_configured' });
      expect(outcome.kind === 'refused' && outcome.message).toContain('XML lead address');
    }
  });

  test('suppression: checked is a logged no, unchecked sends', () => {
    const s = crm({ displayOption: 'suppression', xmlLeadAddress: 'x@crm.test' });
    const no = resolveCrmChoice(s, { kind: 'doNotSend' });
    expect(no.kind).toBe('suppressed');
    if (no.kind === 'suppressed') {
      expect(crmTimelineText(no)).toBe('Not sent to CRM: "Do not send" was checked');
    }
    expect(resolveCrmChoice(s, { kind: 'send' }).kind).toBe('send');
  });

  test('selection: by name, Do Not Send, and nothing outside the list', () => {
    const s = crm({ displayOption: 'selection', selectionList: list });
    const used = resolveCrmChoice(s, { kind: 'destination', name: 'Used' });
    expect(used).toEqual({ kind: 'send', name: 'Used', address: 'used@crm.test' });
    if (used.kind === 'send') expect(crmTimelineText(used)).toBe('Sent to CRM: Used');
    expect(resolveCrmChoice(s, { kind: 'doNotSend' }).kind).toBe('suppressed');
    expect(resolveCrmChoice(s, { kind: 'destination', name: 'Other' }).kind).toBe('refused');
    expect(resolveCrmChoice(s, { kind: 'send' }).kind).toBe('refused');
    expect(
      resolveCrmChoice(crm({ displayOption: 'selection' }), { kind: 'destination', name: 'New' }),
    ).toMatchObject({ kind: 'refused', code: 'not_configured' });
  });
});
