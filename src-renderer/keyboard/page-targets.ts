/**
 * The elements a shortcut moves focus to, found by the test ids their panes give them: the
 * panes stay free of keyboard code, and a pane that is not there (no composer on a lead that
 * cannot be messaged) simply leaves the shortcut without effect.
 */

export function searchInput(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
}

export function composerInput(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="composer-input"]');
}

/**
 * The status menu button of the open lead: in its header, else anywhere in the lead pane, else
 * on its queue row.
 */
export function openLeadStatusButton(): HTMLButtonElement | null {
  return (
    document.querySelector<HTMLButtonElement>(
      '[data-testid="lead-header"] [data-testid="status-picker"]',
    ) ??
    document.querySelector<HTMLButtonElement>(
      '[data-testid="lead-pane"] [data-testid="status-picker"]',
    ) ??
    document.querySelector<HTMLButtonElement>(
      '[data-testid="queue-row"][data-selected="true"] [data-testid="status-picker"]',
    )
  );
}

/** A modal dialog other than ours is open (its keys are its own). */
export function someModalOpen(): boolean {
  return document.querySelector('dialog[open], [aria-modal="true"]') !== null;
}
