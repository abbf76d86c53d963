import { z } from 'zod';
import { CallingSettingsInput } from '../calls/calling-settings';
import type { Funnel, SavedReply } from '../domain/catalog';
import { E164, Id } from '../domain/common';
import type { User } from '../domain/user';
import { MediaUpload, type MediaRef } from '../domain/media';
import { StoreDay } from '../domain/store-day';
import type { FolderCounts } from '../folders/folders';
import { QueueFilters } from '../folders/filters';
import { QueueQuery } from '../folders/queue';
import type { LeadActivity } from '../presence/lead-activity';
import type { OfferAlert, OfferClosed } from '../presence/offer-alert';
import { ManualPresence, type Presence, type UserPresence } from '../presence/presence';
import { DesktopSettingsPatch, type DesktopSettings } from '../presence/settings';
import { MUTATION_NAMES, type MutationName } from '../sync/mutations';
import type { AppointmentDay } from './appointment-views';
import type { CallStarted } from './call-views';
import { TranslateArgs, type TranslateResult } from '../language/translation';
import type { LeadExtras } from './lead-extras';
import {
  AttachGifArgs,
  GetMediaArgs,
  GifSearchArgs,
  type GifSearchResult,
  type MediaBytes,
} from './media-views';
import type {
  ConnectionState,
  Directory,
  LeadDetail,
  MutationRejected,
  QueuePage,
  ReplicaHealth,
  ThreadPage,
} from './views';

/** Ties a method's argument schema to the type it answers with: `answers<R>()(schema)`. */
const answers =
  <R>() =>
  <A extends z.ZodType>(args: A) => ({ args, result: undefined as unknown as R });

const noArgs = z.object({}).strict();

/**
 * The ConsoleApi: everything the renderer may ask of the desktop core. The preload exposes
 * exactly these methods; main (and the browser host) registers a handler for each and
 * validates the arguments with the same schema.
 */
export const consoleApi = {
  getDirectory: answers<Directory>()(noArgs),
  getFolderCounts: answers<FolderCounts>()(z.object({ filters: QueueFilters }).strict()),
  getQueuePage: answers<QueuePage>()(QueueQuery.strict()),
  getLead: answers<LeadDetail>()(z.object({ leadId: Id }).strict()),
  getThread: answers<ThreadPage>()(
    z
      .object({
        leadId: Id,
        before: z.string().max(200).nullable(),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
  ),
  /** A store's appointments on one of its days (YYYY-MM-DD in the store's time zone). */
  getAppointments: answers<AppointmentDay>()(z.object({ storeId: Id, day: StoreDay }).strict()),
  /** The lead details pane: every note, and the language detected in the customer's messages. */
  getLeadExtras: answers<LeadExtras>()(z.object({ leadId: Id }).strict()),
  /** Through the translation service this PC is set up with (a LibreTranslate endpoint). */
  translate: answers<TranslateResult>()(TranslateArgs),
  getSavedFilters: answers<QueueFilters>()(noArgs),
  saveFilters: answers<QueueFilters>()(z.object({ filters: QueueFilters }).strict()),
  /** The saved replies for a lead of this store: the store's own, then every store's. */
  getSavedReplies: answers<SavedReply[]>()(z.object({ storeId: Id }).strict()),
  /** The funnels Assign Funnel offers for a lead of this store: its own, then every store's. */
  getFunnels: answers<Funnel[]>()(z.object({ storeId: Id }).strict()),
  /** Stores an image in the cloud for a message to carry (needs a cloud; at most 5 MB). */
  uploadMedia: answers<MediaRef>()(MediaUpload),
  /** GIF search through the provider this PC is set up with; previews come as data: URLs. */
  searchGifs: answers<GifSearchResult>()(GifSearchArgs),
  /** The core downloads the chosen GIF from the provider and stores it in the cloud. */
  attachGif: answers<MediaRef>()(AttachGifArgs),
  /** An attachment's bytes, fetched with this session (the signed-in cloud's /v1/media/ only). */
  getMedia: answers<MediaBytes>()(GetMediaArgs),
  getReplicaHealth: answers<ReplicaHealth>()(noArgs),
  resetLocalCache: answers<ReplicaHealth>()(noArgs),

  getConnection: answers<ConnectionState>()(noArgs),
  signIn: answers<ConnectionState>()(
    z
      .object({
        cloudUrl: z.url({ protocol: /^https?$/ }).max(500),
        email: z.email().max(320),
        password: z.string().min(1).max(200),
      })
      .strict(),
  ),
  /** Starts the embedded cloud with the demo dealer group and signs in to it (DESIGN §3). */
  tryOnThisPc: answers<ConnectionState>()(noArgs),
  signOut: answers<ConnectionState>()(noArgs),
  /**
   * Every change a user makes: applied to the replica at once and queued in the outbox, in one
   * transaction; the arguments are checked against the mutation's own schema (src-shared/sync).
   */
  mutate: answers<{ mutationId: string }>()(
    z
      .object({
        name: z.enum(MUTATION_NAMES as [MutationName, ...MutationName[]]),
        args: z.unknown(),
      })
      .strict(),
  ),

  /** This desk's presence (DESIGN §6). */
  getPresence: answers<Presence>()(noArgs),
  /** A manual choice: never overridden by activity until the person chooses Online again. */
  setPresence: answers<Presence>()(z.object({ state: ManualPresence }).strict()),
  getSettings: answers<DesktopSettings>()(noArgs),
  /** Saves the fields given and applies them at once; answers the whole settings. */
  saveSettings: answers<DesktopSettings>()(z.object({ settings: DesktopSettingsPatch }).strict()),
  /** Every user's presence, live (managers and admins: the Agents panel). */
  getAgentsPresence: answers<UserPresence[]>()(noArgs),
  /** The offers ringing at this desk now (an alert window opened late asks this). */
  getRingingOffers: answers<OfferAlert[]>()(noArgs),
  /** The first Accept wins; any other answer is a failure whose message says why. */
  acceptOffer: answers<{ leadId: string }>()(z.object({ offerId: Id }).strict()),

  /**
   * Lead locks (issue 4): the lead open in the console (null: none). The core tells the cloud
   * and renews it while it stays open; the first one in holds the lead's soft lock.
   */
  openedLead: answers<null>()(z.object({ leadId: Id.nullable() }).strict()),
  /** A key pressed in the lead's composer (true), or the message sent or composer left (false). */
  typing: answers<null>()(z.object({ leadId: Id, typing: z.boolean() }).strict()),
  /** Managers: the lead's lock moves to me; a failure says why (an agent, no connection). */
  takeOverLead: answers<{ leadId: string }>()(z.object({ leadId: Id }).strict()),
  /** Every lead someone is in, of the stores I see: who holds it, who views, who types. */
  getLeadActivity: answers<LeadActivity[]>()(noArgs),

  /**
   * Click-to-call (issue 5): the cloud has Twilio ring my outbound phone, then connects the
   * lead (its first phone, or `phone`) once I press a key. A refusal says why (Dead, no phone...).
   */
  callLead: answers<CallStarted>()(z.object({ leadId: Id, phone: E164.optional() }).strict()),
  /** My outbound phone (any format), extension and "forward lead calls"; answers me as saved. */
  saveCallingSettings: answers<User>()(CallingSettingsInput),
};

export type ConsoleApiContract = typeof consoleApi;
export type MethodName = keyof ConsoleApiContract;
export type ArgsOf<M extends MethodName> = z.input<ConsoleApiContract[M]['args']>;
export type ResultOf<M extends MethodName> = ConsoleApiContract[M]['result'];
export const METHOD_NAMES = Object.keys(consoleApi) as MethodName[];

/** Events the core pushes to the renderer. */
export interface ConsoleEvents {
  /** Rows changed in the replica (a sync pull, a local mutation): views re-query. */
  replicaChanged: { tables: string[] };
  replicaHealth: ReplicaHealth;
  connectionChanged: ConnectionState;
  /** The cloud refused a mutation: its local effect has been undone; tell the user why. */
  mutationRejected: MutationRejected;
  presenceChanged: Presence;
  agentsPresenceChanged: UserPresence[];
  offerRinging: OfferAlert;
  /** The offer stopped ringing here; `message` says why ("Taken by Ana Ruiz"). */
  offerClosed: OfferClosed & { message: string };
  settingsChanged: DesktopSettings;
  /** The tray asked for a screen. */
  showScreen: { screen: 'settings' | 'agents' };
  /** Something the person should read once ("You were set Away: a lead rang unanswered"). */
  notice: { id: string; message: string };
  /** Open this lead in the console (an accepted offer; the oldest Awaiting Response hotkey). */
  openLead: { leadId: string };
  /** Who is in which lead changed: `replace` for the whole list, else these leads' new state. */
  leadActivity: { replace: boolean; leads: LeadActivity[] };
}
export type EventName = keyof ConsoleEvents;
export const EVENT_NAMES: readonly EventName[] = [
  'replicaChanged',
  'replicaHealth',
  'connectionChanged',
  'mutationRejected',
  'presenceChanged',
  'agentsPresenceChanged',
  'offerRinging',
  'offerClosed',
  'settingsChanged',
  'showScreen',
  'notice',
  'openLead',
  'leadActivity',
];
