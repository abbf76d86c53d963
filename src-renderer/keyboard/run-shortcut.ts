import { leadDisplayName } from '../../src-shared/domain/lead';
import { markResponded } from '../conversations/lead-status/change-status';
import { useQueue } from '../conversations/queue/queue-store';
import { useThread } from '../conversations/thread/thread-store';
import type { ShortcutAction } from './bindings';
import { composerInput, openLeadStatusButton, searchInput } from './page-targets';
import { useShortcutsDialog } from './shortcuts-dialog-store';

/**
 * Does what a shortcut says. Returns false when there was nothing to do it to (no lead open, no
 * composer), so the key keeps its ordinary meaning.
 */
export function runShortcut(action: ShortcutAction): boolean {
  switch (action) {
    case 'next-lead':
      return stepThroughQueue(1);
    case 'previous-lead':
      return stepThroughQueue(-1);
    case 'focus-search': {
      const input = searchInput();
      input?.focus();
      input?.select();
      return input !== null;
    }
    case 'focus-composer': {
      const input = composerInput();
      input?.focus();
      return input !== null;
    }
    case 'mark-responded': {
      const lead = useThread.getState().detail?.lead;
      if (!lead || lead.awaitingSince === null) return false;
      void markResponded({ id: lead.id, name: leadDisplayName(lead) });
      return true;
    }
    case 'change-status': {
      const button = openLeadStatusButton();
      // A click opens the menu with focus on the current status, as the mouse would.
      button?.click();
      return button !== null;
    }
    case 'show-shortcuts':
      useShortcutsDialog.getState().show();
      return true;
    case 'leave-field': {
      const field = document.activeElement;
      if (!(field instanceof HTMLElement)) return false;
      field.blur();
      return true;
    }
    default: {
      const unhandled: never = action;
      throw new Error(`No handler for the shortcut ${String(unhandled)}`);
    }
  }
}

/** Opens the lead after (or before) the open one in the queue; with none open, the first. */
function stepThroughQueue(step: 1 | -1): boolean {
  const { rows, next } = useQueue.getState();
  const thread = useThread.getState();
  if (rows.length === 0) return false;
  const at = rows.findIndex((row) => row.id === thread.leadId);
  const target = at < 0 ? rows[0] : rows[at + step];
  if (!target) {
    // At the end of what is loaded: the next page comes, and the next press moves on.
    if (step === 1 && next !== null) void useQueue.getState().loadMore();
    return false;
  }
  const fromQueue = document.activeElement?.closest('[data-testid="queue"]') != null;
  void thread.open(target.id);
  if (fromQueue) focusRowWhenDrawn(target.id);
  return true;
}

/** Frames to wait for the queue to scroll the row in and draw it (it is virtualised). */
const DRAW_FRAMES = 5;

/**
 * Moves focus along to the opened row when it was on a row: a screen reader then names the lead
 * that opened, not the one left behind.
 */
function focusRowWhenDrawn(leadId: string, frames = DRAW_FRAMES): void {
  requestAnimationFrame(() => {
    const button = document.querySelector<HTMLElement>(
      `[data-testid="queue-row"][data-lead-id="${CSS.escape(leadId)}"] .queue-row-open`,
    );
    if (button) button.focus({ preventScroll: true });
    else if (frames > 1) focusRowWhenDrawn(leadId, frames - 1);
  });
}
