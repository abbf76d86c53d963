import { extensionToSendDigits } from '../../src-shared/calls/extension';
import type { Store } from '../../src-shared/domain/tenant';
import type { User } from '../../src-shared/domain/user';

/** Where an inbound call to a store goes (DESIGN §8, seed 004 "Receiving Calls"). */
export type InboundRoute =
  | { to: 'agent'; user: User; number: string; sendDigits: string }
  | { to: 'leadCallsNumber' | 'mainPhone'; number: string; sendDigits: '' }
  | { to: 'nobody' };

export interface InboundCaller {
  /** The store number the customer dialled (never dialled back: that would loop). */
  calledNumber: string;
  callerNumber: string;
  store: Pick<Store, 'leadCallsNumber' | 'mainPhone'>;
  /** The caller's lead has a conversation ("Start a Conversation" was clicked on it). */
  hasConversation: boolean;
  /** The lead's assigned agent, when it has one who is still active. */
  assignedAgent: User | null;
}

/**
 * The assigned agent's phone when the caller's lead has a conversation and the agent forwards
 * lead calls to their cell; otherwise the store's lead-calls forwarding number, else its main
 * number; else nobody. A number equal to the one called (or to the caller's) is skipped.
 */
export function routeInboundCall(caller: InboundCaller): InboundRoute {
  const usable = (number: string | null): number is string =>
    number !== null && number !== caller.calledNumber && number !== caller.callerNumber;
  const agent = caller.assignedAgent;
  if (caller.hasConversation && agent?.preferences.forwardLeadCalls && usable(agent.phone)) {
    const digits = extensionToSendDigits(agent.extension);
    return {
      to: 'agent',
      user: agent,
      number: agent.phone,
      // An extension Twilio cannot dial is still the agent's phone: ring it without.
      sendDigits: digits.ok ? digits.sendDigits : '',
    };
  }
  if (usable(caller.store.leadCallsNumber)) {
    return { to: 'leadCallsNumber', number: caller.store.leadCallsNumber, sendDigits: '' };
  }
  if (usable(caller.store.mainPhone)) {
    return { to: 'mainPhone', number: caller.store.mainPhone, sendDigits: '' };
  }
  return { to: 'nobody' };
}
