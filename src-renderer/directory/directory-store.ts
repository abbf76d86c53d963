import { create } from 'zustand';
import type { Directory } from '../../src-shared/console-api/views';
import type { Campaign, Store, User } from '../../src-shared/domain';
import { request } from '../api/request';

interface DirectoryState {
  directory: Directory | null;
  storesById: ReadonlyMap<string, Store>;
  campaignsById: ReadonlyMap<string, Campaign>;
  usersById: ReadonlyMap<string, User>;
  load(): Promise<void>;
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((item) => [item.id, item]));

/** Who is signed in and the names behind every id the queue and thread show. */
export const useDirectory = create<DirectoryState>()((set) => ({
  directory: null,
  storesById: new Map(),
  campaignsById: new Map(),
  usersById: new Map(),
  load: async () => {
    const directory = await request('getDirectory', {}, 'load the stores and agents');
    if (!directory) return;
    set({
      directory,
      storesById: byId(directory.stores),
      campaignsById: byId(directory.campaigns),
      usersById: byId(directory.users),
    });
  },
}));
