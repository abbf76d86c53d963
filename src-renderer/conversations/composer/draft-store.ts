import { create } from 'zustand';
import type { MediaRef } from '../../../src-shared/domain/media';

export interface Draft {
  text: string;
  media: MediaRef[];
}

const EMPTY: Draft = { text: '', media: [] };

interface DraftState {
  /** By lead id: a reply half-typed on one lead waits there while the agent looks at another. */
  drafts: Record<string, Draft>;
  update(leadId: string, patch: Partial<Draft>): void;
  clear(leadId: string): void;
}

export const useDrafts = create<DraftState>()((set) => ({
  drafts: {},
  update: (leadId, patch) =>
    set(({ drafts }) => ({
      drafts: { ...drafts, [leadId]: { ...(drafts[leadId] ?? EMPTY), ...patch } },
    })),
  clear: (leadId) =>
    set(({ drafts }) => {
      const { [leadId]: _gone, ...rest } = drafts;
      return { drafts: rest };
    }),
}));

export function draftOf(drafts: Record<string, Draft>, leadId: string): Draft {
  return drafts[leadId] ?? EMPTY;
}
