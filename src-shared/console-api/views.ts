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

/** Why a desktop is not in sync, in words the UI can explain (DESIGN §4, issue 7). */
export const CONNECTION_REASONS = ['network', 'server', 'credentials', 'version'] as const;
export type ConnectionReason = (typeof CONNECTION_REASONS)[number];

export interface ConnectionState {
  /** signed_out: nobody signed in; connecting: (re)connecting; online: live; offline: gave up for now. */
  state: 'signed_out' | 'connecting' | 'online' | 'offline';
  reason: ConnectionReason | null;
  /** A sentence for a person ("The server did not answer; retrying in 8 s."). */
  message: string | null;
  cloudUrl: string | null;
  /** Mutations typed here that the cloud has not confirmed yet. */
  pendingMutations: number;
  /** While a pull is catching up: changes received so far of the cloud's total. */
  syncProgress: { received: number; total: number } | null;
}

export interface MutationRejected {
  mutationId: string;
  name: string;
  code: string;
  message: string;
}
