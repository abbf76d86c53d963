import { create } from 'zustand';

export interface CallError {
  id: number;
  text: string;
  /** How many times the same failure happened since it was first shown. */
  times: number;
}

interface CallErrorsState {
  errors: CallError[];
  report(text: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Failed calls the user should hear about; a repeat of the same text is counted, not stacked. */
export const useCallErrors = create<CallErrorsState>()((set) => ({
  errors: [],
  report: (text) =>
    set(({ errors }) => {
      const same = errors.find((e) => e.text === text);
      if (same)
        return { errors: errors.map((e) => (e === same ? { ...e, times: e.times + 1 } : e)) };
      return { errors: [...errors.slice(-4), { id: nextId++, text, times: 1 }] };
    }),
  dismiss: (id) => set(({ errors }) => ({ errors: errors.filter((e) => e.id !== id) })),
}));
