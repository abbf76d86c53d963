import { z } from 'zod';
import type { EpochMs } from '../domain/common';
import type { LeadStatus } from '../domain/lead-status';

export const INBOX_FOLDERS = [
  'inbox',
  'awaiting',
  'hot',
  'warm',
  'cold',
  'follow_up',
  'sold',
  'dead',
] as const;
export const APPOINTMENT_FOLDERS = [
  'done',
  'appointments',
  'appointments_showed',
  'scheduled',
] as const;
export const FOLDERS = [...INBOX_FOLDERS, ...APPOINTMENT_FOLDERS] as const;
export const Folder = z.enum(FOLDERS);
export type Folder = z.infer<typeof Folder>;

export const FOLDER_LABELS: Record<Folder, string> = {
  inbox: 'Inbox',
  awaiting: 'Awaiting Response',
  hot: 'Hot',
  warm: 'Warm',
  cold: 'Cold',
  follow_up: 'Follow Up',
  sold: 'Sold',
  dead: 'Dead',
  done: 'Done',
  appointments: 'Appointments',
  appointments_showed: 'Appointments Showed',
  scheduled: 'Scheduled',
};

export type FolderCounts = Record<Folder, number>;

/** What decides a lead's folders: its own fields plus what its appointments and messages say. */
export interface FolderFacts {
  status: LeadStatus;
  awaitingSince: EpochMs | null;
  doneAt: EpochMs | null;
  bookedAppointments: number;
  showedAppointments: number;
  scheduledMessages: number;
}

export function isInFolder(lead: FolderFacts, folder: Folder): boolean {
  switch (folder) {
    case 'inbox':
      return true;
    case 'awaiting':
      return lead.awaitingSince !== null;
    case 'hot':
    case 'warm':
    case 'cold':
    case 'follow_up':
    case 'sold':
    case 'dead':
      return lead.status === folder;
    case 'done':
      return lead.doneAt !== null;
    case 'appointments':
      return lead.bookedAppointments > 0;
    case 'appointments_showed':
      return lead.showedAppointments > 0;
    case 'scheduled':
      return lead.scheduledMessages > 0;
    default:
      return missingCase(folder);
  }
}

export function emptyFolderCounts(): FolderCounts {
  return Object.fromEntries(FOLDERS.map((f) => [f, 0])) as FolderCounts;
}

/** Makes a switch over a union fail to compile when a member is added and not handled. */
export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
