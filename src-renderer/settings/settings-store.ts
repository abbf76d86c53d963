import { create } from 'zustand';
import type { DesktopSettings, DesktopSettingsPatch } from '../../src-shared/presence/settings';
import { callCore, explain } from '../api/request';

interface SettingsStoreState {
  /** This PC's settings; null until the core answered. */
  settings: DesktopSettings | null;
  /** Why they could not be read, shown on the Settings screen with a way to retry. */
  loadError: string | null;
  set(settings: DesktopSettings): void;
  load(): Promise<void>;
  /**
   * Saves some fields; resolves null once saved, else the core's reason, which the screen shows
   * beside the field (not in the error list: it belongs to what was just typed).
   */
  save(patch: DesktopSettingsPatch): Promise<string | null>;
}

/**
 * The desktop's own settings (DESIGN §6): per OS user, not per agent, so they outlive a
 * sign-out. The ring reads `playSounds` here; the Settings screen edits them.
 */
export const useSettings = create<SettingsStoreState>()((set) => ({
  settings: null,
  loadError: null,
  set: (settings) => set({ settings, loadError: null }),
  load: async () => {
    const result = await callCore('getSettings', {});
    if (result.ok) set({ settings: result.value, loadError: null });
    else set({ loadError: `Could not read the settings: ${explain(result.error)}` });
  },
  save: async (patch) => {
    const result = await callCore('saveSettings', { settings: patch });
    if (!result.ok) return explain(result.error);
    set({ settings: result.value, loadError: null });
    return null;
  },
}));
