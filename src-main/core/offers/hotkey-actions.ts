import type { HotkeyAction } from '../../../src-shared';
import type { EventHub } from '../events';
import type { WindowShell } from '../ports';
import type { OfferService } from './offer-service';

export interface HotkeyActionsOptions {
  offers: Pick<OfferService, 'acceptOldest'>;
  shell: WindowShell;
  /** The lead that has waited longest in Awaiting Response (as the person's filters show it). */
  oldestAwaiting(): string | null;
  emit: EventHub['emit'];
}

/** What each system-wide hotkey does (issue 3, item 8), whatever window has the focus. */
export function hotkeyActions(options: HotkeyActionsOptions): (action: HotkeyAction) => void {
  return (action) => {
    switch (action) {
      case 'acceptOffer':
        void options.offers.acceptOldest();
        return;
      case 'oldestAwaiting': {
        options.shell.showConsole();
        const leadId = options.oldestAwaiting();
        if (leadId) options.emit('openLead', { leadId });
        else
          options.emit('notice', { id: 'no-awaiting', message: 'No lead is Awaiting Response.' });
        return;
      }
      default:
        return action satisfies never;
    }
  };
}
