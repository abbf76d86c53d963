import type {
  Appointment,
  Campaign,
  Channel,
  Conversation,
  Label,
  Lead,
  LeadSource,
  LeadStatus,
  Message,
  Store,
  Tenant,
  TimelineEvent,
  User,
} from '../domain';

/** What the shell needs once: who is signed in and the names behind every id. */
export interface Directory {
  tenant: Tenant;
  me: User;
  stores: Store[];
  campaigns: Campaign[];
  users: User[];
  labels: Label[];
  sources: LeadSource[];
}

/** One queue row: only what the row shows. */
export interface QueueRow {
  id: string;
  name: string;
  status: LeadStatus;
  channel: Channel | null;
  storeId: string;
  campaignId: string | null;
  notesExcerpt: string | null;
  lastMessagePreview: string | null;
  lastMessageAt: number | null;
  awaitingSince: number | null;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

export interface LeadDetail {
  lead: Lead;
  conversations: Conversation[];
  appointments: Appointment[];
}

export type ThreadItem =
  | { kind: 'message'; at: number; message: Message }
  | { kind: 'event'; at: number; event: TimelineEvent };

export interface ThreadPage {
  /** Oldest first. */
  items: ThreadItem[];
  /** Pass as `before` for the page of older items; null when there are none. */
  before: string | null;
}

export type ReplicaHealth =
  | { state: 'ok' }
  | { state: 'corrupt' | 'newer_version'; message: string; pendingMutations: number };
