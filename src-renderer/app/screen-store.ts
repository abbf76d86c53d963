import { create } from 'zustand';

/** What fills the window under the top bar. */
export type Screen = 'conversations' | 'settings' | 'agents' | 'appointments' | 'contact-settings';

interface ScreenState {
  screen: Screen;
  show(screen: Screen): void;
  /** Back to the conversations (the Close of Settings and of the Agents panel). */
  back(): void;
}

/** Which screen is open: from the header, the user menu, or the tray (`showScreen`). */
export const useScreen = create<ScreenState>()((set) => ({
  screen: 'conversations',
  show: (screen) => set({ screen }),
  back: () => set({ screen: 'conversations' }),
}));
