import { create } from 'zustand';
import type { ConsoleEvents } from '../../src-shared/console-api/contract';

export type Notice = ConsoleEvents['notice'];

interface NoticeState {
  notices: Notice[];
  /** The same notice (by id) said twice is shown once. */
  add(notice: Notice): void;
  dismiss(id: string): void;
}

/** What the core wants read once ("You were set Away: a lead rang unanswered"), until dismissed. */
export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  add: (notice) =>
    set(({ notices }) => ({
      notices: [...notices.filter((n) => n.id !== notice.id).slice(-4), notice],
    })),
  dismiss: (id) => set(({ notices }) => ({ notices: notices.filter((n) => n.id !== id) })),
}));
