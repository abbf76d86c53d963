import { create } from 'zustand';

interface ShortcutsDialogState {
  open: boolean;
  show(): void;
  close(): void;
}

/** Whether the `?` list of shortcuts is open. */
export const useShortcutsDialog = create<ShortcutsDialogState>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));
