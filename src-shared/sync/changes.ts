import { z } from 'zod';
import { Appointment } from '../domain/appointment';
import { Campaign, Store, Tenant } from '../domain/tenant';
import { Conversation, Message } from '../domain/conversation';
import { Funnel, Label, SavedReply } from '../domain/catalog';
import { Id } from '../domain/common';
import { Lead } from '../domain/lead';
import { Setting } from '../domain/settings';
import { TimelineEvent } from '../domain/timeline';
import { User } from '../domain/user';

/** Every table a pull can carry, with the schema of its rows. */
export const SYNC_TABLES = {
  tenants: Tenant,
  stores: Store,
  campaigns: Campaign,
  users: User,
  labels: Label,
  saved_replies: SavedReply,
  funnels: Funnel,
  settings: Setting,
  leads: Lead,
  conversations: Conversation,
  messages: Message,
  timeline_events: TimelineEvent,
  appointments: Appointment,
} as const;
export type SyncTable = keyof typeof SYNC_TABLES;
export type SyncRow<T extends SyncTable> = z.infer<(typeof SYNC_TABLES)[T]>;

export type SyncChange = {
  [T in SyncTable]:
    | { table: T; op: 'upsert'; row: SyncRow<T> }
    | { table: T; op: 'delete'; id: z.infer<typeof Id> };
}[SyncTable];

export const SyncTableName = z.enum(Object.keys(SYNC_TABLES) as [SyncTable, ...SyncTable[]]);

/** A change as it arrives over the network, checked against its table's schema. */
export const SyncChangeSchema = z.union([
  ...Object.entries(SYNC_TABLES).map(([table, row]) =>
    z.object({ table: z.literal(table), op: z.literal('upsert'), row }),
  ),
  z.object({ table: SyncTableName, op: z.literal('delete'), id: Id }),
]) as unknown as z.ZodType<SyncChange>;
