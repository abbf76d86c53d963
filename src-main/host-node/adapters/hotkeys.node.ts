import type { HotkeyAction } from '../../../src-shared';
import type { Hotkeys } from '../../core/ports';

/**
 * A browser cannot register system-wide shortcuts, so the browser host records what the core
 * registered, and a test hook (`POST /__test/hotkey`) presses one. `taken` plays the other
 * programs of a real desktop: an accelerator listed there is refused, as the OS would.
 */
export class RecordingHotkeys implements Hotkeys {
  readonly taken = new Set<string>();
  private bindings: Partial<Record<HotkeyAction, string>> = {};
  private pressed: ((action: HotkeyAction) => void) | null = null;

  register(
    bindings: Record<HotkeyAction, string>,
    pressed: (action: HotkeyAction) => void,
  ): HotkeyAction[] {
    this.unregisterAll();
    const refused: HotkeyAction[] = [];
    for (const [action, accelerator] of Object.entries(bindings) as [HotkeyAction, string][]) {
      if (this.taken.has(accelerator)) refused.push(action);
      else this.bindings[action] = accelerator;
    }
    this.pressed = pressed;
    return refused;
  }

  unregisterAll(): void {
    this.bindings = {};
    this.pressed = null;
  }

  /** What is registered now. */
  registered(): Partial<Record<HotkeyAction, string>> {
    return { ...this.bindings };
  }

  /** Test hook: the keys of `action` pressed; false when nothing is registered for it. */
  press(action: HotkeyAction): boolean {
    if (!this.bindings[action] || !this.pressed) return false;
    this.pressed(action);
    return true;
  }
}
