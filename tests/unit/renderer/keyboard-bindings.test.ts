import { describe, expect, it } from 'vitest';
import {
  BINDINGS,
  chordMatches,
  describeChord,
  matchBinding,
  SHORTCUT_ACTIONS,
  type KeyContext,
  type KeyPress,
} from '../../../src-renderer/keyboard/bindings';
import { isTypingTarget } from '../../../src-renderer/keyboard/typing-target';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

const onConversations: KeyContext = { typing: false, screen: 'conversations', modalOpen: false };
const typing: KeyContext = { ...onConversations, typing: true };

const actionOf = (p: KeyPress, context: KeyContext = onConversations) =>
  matchBinding(p, context)?.action ?? null;

describe('the shortcut table', () => {
  it('has one row per action, each with at least one key', () => {
    expect(BINDINGS.map((b) => b.action).sort()).toEqual([...SHORTCUT_ACTIONS].sort());
    for (const binding of BINDINGS) expect(binding.chords.length).toBeGreaterThan(0);
  });

  it('never gives one key to two actions where both could fire', () => {
    const seen = new Map<string, string>();
    for (const binding of BINDINGS) {
      for (const chord of binding.chords) {
        const key = `${binding.whileTyping}:${describeChord(chord)}`;
        expect(seen.get(key), `${key} taken twice`).toBeUndefined();
        seen.set(key, binding.action);
      }
    }
  });
});

describe('which key press fires which shortcut', () => {
  it('maps the documented keys to their actions', () => {
    expect(actionOf(press('j'))).toBe('next-lead');
    expect(actionOf(press('ArrowDown', { altKey: true }))).toBe('next-lead');
    expect(actionOf(press('k'))).toBe('previous-lead');
    expect(actionOf(press('ArrowUp', { altKey: true }))).toBe('previous-lead');
    expect(actionOf(press('/'))).toBe('focus-search');
    expect(actionOf(press('c'))).toBe('focus-composer');
    expect(actionOf(press('r'))).toBe('mark-responded');
    expect(actionOf(press('s'))).toBe('change-status');
    expect(actionOf(press('?', { shiftKey: true }))).toBe('show-shortcuts');
  });

  it('leaves keys with Ctrl or Cmd, and other modifiers than bound, to the browser', () => {
    expect(actionOf(press('r', { ctrlKey: true }))).toBeNull(); // reload
    expect(actionOf(press('r', { metaKey: true }))).toBeNull();
    expect(actionOf(press('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(actionOf(press('ArrowDown'))).toBeNull(); // scrolling
    expect(actionOf(press('ArrowDown', { altKey: true, shiftKey: true }))).toBeNull();
    expect(actionOf(press('j', { altKey: true }))).toBeNull();
    expect(actionOf(press('J', { shiftKey: true }))).toBeNull();
  });

  it('does nothing while typing, except Escape, which leaves the field', () => {
    for (const key of ['j', 'k', '/', 'c', 'r', 's', '?'])
      expect(actionOf(press(key), typing)).toBeNull();
    expect(actionOf(press('ArrowDown', { altKey: true }), typing)).toBeNull();
    expect(actionOf(press('Escape'), typing)).toBe('leave-field');
    expect(actionOf(press('Escape'))).toBeNull();
  });

  it('keeps the conversation keys to the conversations screen; ? works everywhere', () => {
    const appointments = { ...onConversations, screen: 'appointments' };
    expect(actionOf(press('j'), appointments)).toBeNull();
    expect(actionOf(press('/'), appointments)).toBeNull();
    expect(actionOf(press('?', { shiftKey: true }), appointments)).toBe('show-shortcuts');
  });

  it('gives way to an open modal dialog', () => {
    const modal = { ...onConversations, modalOpen: true };
    expect(actionOf(press('j'), modal)).toBeNull();
    expect(actionOf(press('?', { shiftKey: true }), modal)).toBeNull();
  });

  it('matches a chord on exactly its key and modifiers', () => {
    expect(
      chordMatches({ key: 'ArrowDown', alt: true }, press('ArrowDown', { altKey: true })),
    ).toBe(true);
    expect(chordMatches({ key: '?' }, press('?', { shiftKey: true }))).toBe(true);
    expect(chordMatches({ key: 'j' }, press('J'))).toBe(false);
  });

  it('names chords as the dialog shows them', () => {
    expect(describeChord({ key: 'ArrowDown', alt: true })).toBe('Alt+↓');
    expect(describeChord({ key: 'j' })).toBe('j');
    expect(describeChord({ key: 'Escape' })).toBe('Esc');
  });
});

describe('what counts as typing', () => {
  it('is text fields, selects, editable text and widgets that take letters themselves', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'date' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'LI', role: 'menuitemradio' })).toBe(true);
  });

  it('is not buttons, checkboxes, links or the page itself', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'A' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'button' })).toBe(false);
  });
});
