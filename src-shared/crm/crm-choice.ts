import { z } from 'zod';
import type { StoreCrm } from '../domain/store-contacts';

/** The selection list's last entry: the agent decided this lead does not go to the CRM. */
export const DO_NOT_SEND = 'Do Not Send';

/**
 * What the agent chose at Send to CRM: the store's XML lead address (display options none and
 * suppression), a named destination of the selection list, or not to send (the suppression
 * checkbox, or "Do Not Send" in the list).
 */
export const CrmChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('send') }).strict(),
  z.object({ kind: z.literal('destination'), name: z.string().trim().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('doNotSend') }).strict(),
]);
export type CrmChoice = z.infer<typeof CrmChoice>;

/** What a choice comes to under a store's settings: an address to email, or a logged no. */
export type CrmOutcome =
  | { kind: 'send'; name: string; address: string }
  | { kind: 'suppressed'; reason: string }
  | { kind: 'refused'; code: 'invalid_state' | 'not_configured'; message: string };

/** The timeline's words for a send or a suppression (kind crm_send). */
export function crmTimelineText(outcome: CrmOutcome & { kind: 'send' | 'suppressed' }): string {
  return outcome.kind === 'send'
    ? `Sent to CRM: ${outcome.name}`
    : `Not sent to CRM: ${outcome.reason}`;
}

const NO_ADDRESS =
  'this store has no XML lead address: a manager must set one in Contact settings, CRM integration';

/**
 * The rule of the store's display option (seed 002): none always sends to the XML lead address;
 * suppression sends there unless "Do not send" is checked; selection sends to the named entry
 * or, with "Do Not Send", nowhere. The cloud decides with it; the desktop only words its stand-in.
 */
export function resolveCrmChoice(crm: StoreCrm, choice: CrmChoice): CrmOutcome {
  switch (crm.displayOption) {
    case 'none':
      if (choice.kind !== 'send') {
        return refused('this store sends every lead to its CRM: there is no choice to make');
      }
      return toXmlLeadAddress(crm);
    case 'suppression':
      if (choice.kind === 'doNotSend') {
        return { kind: 'suppressed', reason: '"Do not send" was checked' };
      }
      if (choice.kind === 'destination') {
        return refused('this store has no CRM selection list: send, or check "Do not send"');
      }
      return toXmlLeadAddress(crm);
    case 'selection': {
      if (choice.kind === 'doNotSend') {
        return { kind: 'suppressed', reason: `"${DO_NOT_SEND}" was chosen` };
      }
      if (crm.selectionList.length === 0) {
        return {
          kind: 'refused',
          code: 'not_configured',
          message:
            'this store has an empty CRM selection list: a manager must add an address in Contact settings, CRM integration',
        };
      }
      if (choice.kind === 'send') return refused('pick where to send this lead from the list');
      const entry = crm.selectionList.find((d) => d.name === choice.name);
      if (!entry) {
        const names = [...crm.selectionList.map((d) => d.name), DO_NOT_SEND].join(', ');
        return refused(`"${choice.name}" is not in this store's CRM list (${names})`);
      }
      return { kind: 'send', name: entry.name, address: entry.address };
    }
  }
}

function toXmlLeadAddress(crm: StoreCrm): CrmOutcome {
  if (!crm.xmlLeadAddress) return { kind: 'refused', code: 'not_configured', message: NO_ADDRESS };
  return { kind: 'send', name: crm.xmlLeadAddress, address: crm.xmlLeadAddress };
}

function refused(message: string): CrmOutcome {
  return { kind: 'refused', code: 'invalid_state', message };
}
