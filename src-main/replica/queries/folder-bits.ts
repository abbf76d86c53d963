import { FOLDERS, type Folder } from '../../../src-shared';

/**
 * Which bit of `leads.folder_mask` each folder is (the generated column in the migrations).
 * A Record, so that a new folder fails to compile here until the schema gives it a bit.
 */
export const FOLDER_BIT: Record<Folder, number> = {
  inbox: 0,
  awaiting: 1,
  hot: 2,
  warm: 3,
  cold: 4,
  follow_up: 5,
  sold: 6,
  dead: 7,
  done: 8,
  appointments: 9,
  appointments_showed: 10,
  scheduled: 11,
};

/** `(folder_mask & 4) != 0`: the lead (or lead_labels row) is in the folder. */
export function inFolderSql(folder: Folder, column = 'folder_mask'): string {
  return `(${column} & ${1 << FOLDER_BIT[folder]}) != 0`;
}

export const FOLDER_LIST: readonly Folder[] = FOLDERS;
