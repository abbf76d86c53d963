import { useThread } from '../conversations/thread/thread-store';
import { useScreen } from './screen-store';

/**
 * Shows a lead where the work on it happens: the conversations page with the lead open, as a
 * click on its queue row opens it. For an offer just accepted and for the "oldest Awaiting
 * Response" hotkey (the core's `openLead`). Already open, it is left as it is: a second open
 * would blank the thread for a moment.
 */
export function openLeadInConsole(leadId: string): void {
  useScreen.getState().back();
  if (useThread.getState().leadId !== leadId) void useThread.getState().open(leadId);
}
