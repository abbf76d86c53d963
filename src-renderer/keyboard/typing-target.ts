/** The parts of a focused element that say whether a key press is typing. */
export interface FocusTarget {
  tagName: string;
  /** An input's type. */
  type?: string;
  isContentEditable?: boolean;
  /** The `role` attribute. */
  role?: string | null;
}

/** Inputs where a letter is no text: a key there may be a shortcut. */
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'color',
  'file',
]);

/** Widgets that use letters and arrows themselves (type-ahead in a menu, moving in a list). */
const KEY_HUNGRY_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'option',
  'menu',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'slider',
  'spinbutton',
  'grid',
  'gridcell',
  'tree',
  'treeitem',
]);

/** True when a key pressed with this element focused is meant for the element, not for us. */
export function isTypingTarget(target: FocusTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.role && KEY_HUNGRY_ROLES.has(target.role)) return true;
  switch (target.tagName.toUpperCase()) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
    default:
      return false;
  }
}
