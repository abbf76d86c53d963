/**
 * Every keyboard shortcut of the console, in one table: the handler matches presses against it
 * and the `?` dialog lists it, so the two cannot disagree. Bindings avoid the browser's own keys:
 * bare letters and `/` (as in Gmail and GitHub), and Alt with the arrows, never Ctrl or Cmd.
 */

export const SHORTCUT_ACTIONS = [
  'next-lead',
  'previous-lead',
  'focus-search',
  'focus-composer',
  'mark-responded',
  'change-status',
  'show-shortcuts',
  'leave-field',
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** One key, as `KeyboardEvent.key` names it ("j", "?", "ArrowDown"), and the modifiers it needs. */
export interface KeyChord {
  key: string;
  alt?: boolean;
  shift?: boolean;
}

export interface Binding {
  action: ShortcutAction;
  chords: readonly KeyChord[];
  /** What it does, as the dialog says it. */
  label: string;
  /** `conversations`: only while that screen is open; `anywhere`: on every console screen. */
  scope: 'conversations' | 'anywhere';
  /**
   * `never`: not while focus is in a text field (the key is a character being typed there);
   * `only`: only then (Escape, to leave the field so the letters work again).
   */
  whileTyping: 'never' | 'only';
}

export const BINDINGS: readonly Binding[] = [
  {
    action: 'next-lead',
    chords: [{ key: 'j' }, { key: 'ArrowDown', alt: true }],
    label: 'Open the next conversation in the queue',
    scope: 'conversations',
    whileTyping: 'never',
  },
  {
    action: 'previous-lead',
    chords: [{ key: 'k' }, { key: 'ArrowUp', alt: true }],
    label: 'Open the previous conversation in the queue',
    scope: 'conversations',
    whileTyping: 'never',
  },
  {
    action: 'focus-search',
    chords: [{ key: '/' }],
    label: 'Search leads',
    scope: 'conversations',
    whileTyping: 'never',
  },
  {
    action: 'focus-composer',
    chords: [{ key: 'c' }],
    label: 'Write a reply to the open lead',
    scope: 'conversations',
    whileTyping: 'never',
  },
  {
    action: 'mark-responded',
    chords: [{ key: 'r' }],
    label: 'Mark the open lead as responded',
    scope: 'conversations',
    whileTyping: 'never',
  },
  {
    action: 'change-status',
    chords: [{ key: 's' }],
    label: 'Change the status of the open lead',
    scope: 'conversations',
    whileTyping: 'never',
  },
  {
    action: 'show-shortcuts',
    chords: [{ key: '?' }],
    label: 'Show these shortcuts',
    scope: 'anywhere',
    whileTyping: 'never',
  },
  {
    action: 'leave-field',
    chords: [{ key: 'Escape' }],
    label: 'Leave the text field (then the shortcuts above work)',
    scope: 'anywhere',
    whileTyping: 'only',
  },
];

/** The parts of a KeyboardEvent the rule reads. */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  /** Focus is in a text field or a widget that takes letters itself (a menu, a list box). */
  typing: boolean;
  /** The console screen open now. */
  screen: string;
  /** A modal dialog is open: its own keys only. */
  modalOpen: boolean;
}

/**
 * Ctrl and Cmd belong to the browser and the OS, so a press with either never matches. A
 * printable key carries its Shift in the character ("?" is Shift+/, "J" is not "j"); a named
 * key ("ArrowDown") must have exactly the Shift the chord asks for. Alt must always agree.
 */
export function chordMatches(chord: KeyChord, press: KeyPress): boolean {
  if (press.ctrlKey || press.metaKey) return false;
  if (press.key !== chord.key) return false;
  if (press.altKey !== (chord.alt ?? false)) return false;
  const named = chord.key.length > 1;
  return !named || press.shiftKey === (chord.shift ?? false);
}

/** The binding a press triggers where it happened, or null: the key then does what it always does. */
export function matchBinding(
  press: KeyPress,
  context: KeyContext,
  bindings: readonly Binding[] = BINDINGS,
): Binding | null {
  if (context.modalOpen) return null;
  return (
    bindings.find(
      (binding) =>
        (binding.whileTyping === 'only') === context.typing &&
        (binding.scope === 'anywhere' || binding.scope === context.screen) &&
        binding.chords.some((chord) => chordMatches(chord, press)),
    ) ?? null
  );
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
};

/** "Alt+↓", "j", "?": a chord as the dialog prints it. */
export function describeChord(chord: KeyChord): string {
  return [chord.alt ? 'Alt' : null, chord.shift ? 'Shift' : null, KEY_NAMES[chord.key] ?? chord.key]
    .filter(Boolean)
    .join('+');
}
