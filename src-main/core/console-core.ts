import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  fail,
  SYNC_TABLES,
  validateCall,
  type ApiResult,
  type EventName,
  type MethodName,
} from '../../src-shared';
import { EmbeddedCloud } from '../embedded-cloud/embedded-cloud';
import type { EmbeddedCloudLauncher } from '../embedded-cloud/launcher';
import { createNodeCloudLauncher } from '../embedded-cloud/node-launcher';
import { isCorruptionError } from '../replica/open';
import { META_KEYS } from '../replica/local/meta';
import { SyncService, type SyncTuning } from '../sync/sync-service';
import { loadDemoIfEmpty, type DemoOptions } from './demo-data';
import { createEventHub, type ConsoleListener } from './events';
import { handlers, type HandlerContext } from './handlers';
import { SAVED_FILTERS_TABLES } from './handlers/filter-handlers';
import { consoleLog, describeError, type CoreLog } from './log';
import { MessageNotices } from './message-notices/message-notices';
import type { ConsolePorts } from './ports';
import { createDesk } from './presence/desk';
import { ReplicaUnavailableError } from './replica-health';
import { createReplicaSlot } from './replica-slot';

export interface ConsoleCoreOptions {
  ports: ConsolePorts;
  /** Per OS user (DESIGN §10): the replica lives at `${dataDir}/replica.db`. */
  dataDir: string;
  /**
   * Fills an empty replica with the demo dealer group, without a cloud (SHOWROOM_DEMO=local:
   * quick, for tests); null for none.
   */
  demo?: DemoOptions | null;
  /** On a fresh data folder with nobody signed in: "Try it on this PC" at once (DESIGN §3). */
  tryOnThisPcOnFirstRun?: boolean;
  /** Starts the embedded cloud; default: a Node child process (the browser host, tests). */
  embeddedCloud?: EmbeddedCloudLauncher;
  /** Clocks, retry delays and page size of sync (tests). */
  sync?: SyncTuning;
  /** The tray's Quit: the host ends the app (after `close()`). */
  onQuit?: () => void;
  log?: CoreLog;
}

export interface ConsoleCore {
  /** Validates and answers one ConsoleApi call. Never throws: every failure is an ApiResult. */
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  on<E extends EventName>(event: E, listener: ConsoleListener<E>): () => void;
  readonly ports: ConsolePorts;
  /** Closes the replica at once; resolves once sync and the embedded cloud have stopped. */
  close(): Promise<void>;
}

/** What a reset changes: every synced table and the local ones. */
const ALL_TABLES = [...Object.keys(SYNC_TABLES), ...SAVED_FILTERS_TABLES];

/** The desktop core (DESIGN §3): the data and the rules, with the OS behind ports. */
export function createConsoleCore({
  ports,
  dataDir,
  demo = null,
  tryOnThisPcOnFirstRun = false,
  embeddedCloud = createNodeCloudLauncher(),
  sync: tuning,
  onQuit,
  log = consoleLog,
}: ConsoleCoreOptions): ConsoleCore {
  mkdirSync(dataDir, { recursive: true });
  const events = createEventHub((event, error) =>
    log({ level: 'error', what: `a ${event} listener threw`, detail: describeError(error) }),
  );
  const slot = createReplicaSlot({
    file: join(dataDir, 'replica.db'),
    // The local demo only where no cloud was ever signed in to (a reset keeps the sign-in).
    afterOpen: demo
      ? (replica) => !replica.getMeta(META_KEYS.cloudUrl) && loadDemoIfEmpty(replica, demo)
      : undefined,
    log,
  });
  let closed = false;

  const resetLocalCache = async () => {
    const health = slot.reset();
    events.emit('replicaHealth', health);
    events.emit('replicaChanged', { tables: ALL_TABLES });
    return health;
  };
  // The desk (presence, settings, tray, offers) talks to the session through `sync`, made next.
  const desk = createDesk({
    ports,
    session: {
      send: (frame) => sync.sendLive(frame),
      cloud: () => sync.cloud(),
      me: () => sync.currentUser(),
      signOut: () => sync.signOut(),
    },
    oldestAwaiting: () => oldestAwaiting(),
    onQuit:
      onQuit ?? (() => log({ level: 'warn', what: 'the tray asked to quit; this host cannot' })),
    emit: (event, payload) => events.emit(event, payload),
    log,
    now: tuning?.timers?.now ?? Date.now,
  });
  const notices = new MessageNotices({
    notifier: ports.notifier,
    row: (table, id) => slot.require().syncedRow(table, id),
    me: () => sync.currentUser(),
    // Reading it means the lead is open and the person is at the desk (not away from the PC).
    watching: () => (desk.presence.presence.state === 'online' ? desk.leadActivity.openLead : null),
    playSounds: () => desk.settings.settings.playSounds,
    openConsole: (leadId) => {
      ports.shell.showConsole();
      if (leadId) events.emit('openLead', { leadId });
    },
    now: tuning?.timers?.now ?? Date.now,
  });
  const sync: SyncService = new SyncService({
    dataDir,
    replica: () => slot.require(),
    wipeReplica: () => slot.wipe(),
    resetReplica: async () => void (await resetLocalCache()),
    replicaFailed: (error) => {
      // Unhealthy already (a handler found it damaged): sync waits for the reset.
      if (error instanceof ReplicaUnavailableError) return true;
      if (!isCorruptionError(error)) return false;
      log({ level: 'error', what: 'replica corrupt during sync', detail: describeError(error) });
      events.emit('replicaHealth', slot.markCorrupt());
      return true;
    },
    secrets: ports.secrets,
    embeddedCloud: new EmbeddedCloud(embeddedCloud, dataDir),
    emit: (event, payload) => events.emit(event, payload),
    allTables: ALL_TABLES,
    log,
    tuning,
    live: desk.liveHooks,
    pulled: (changes, firstSync) => {
      // A notice that fails must not fail the sync that brought the message.
      try {
        notices.pulled(changes, { firstSync });
      } catch (error) {
        log({ level: 'warn', what: 'a message notice failed', detail: describeError(error) });
      }
    },
  });
  desk.start();
  void sync
    .start({ tryOnThisPcIfNew: tryOnThisPcOnFirstRun })
    .catch((error: unknown) =>
      log({ level: 'error', what: 'resuming the session failed', detail: describeError(error) }),
    );

  const context: HandlerContext = {
    replica: () => slot.require(),
    health: () => slot.health(),
    emit: (event, payload) => events.emit(event, payload),
    resetLocalCache: async () => {
      const health = await resetLocalCache();
      sync.afterReset();
      return health;
    },
    sync,
    desk,
  };

  /** The lead longest in Awaiting Response, as the person's saved filters show the folder. */
  function oldestAwaiting(): string | null {
    try {
      const replica = slot.require();
      const page = replica.queuePage({
        folder: 'awaiting',
        filters: replica.savedFilters(),
        search: '',
        sort: 'longest_waiting',
        after: null,
        limit: 1,
      });
      return page.rows[0]?.id ?? null;
    } catch (error) {
      log({
        level: 'warn',
        what: 'finding the oldest awaiting lead failed',
        detail: describeError(error),
      });
      return null;
    }
  }

  function failureFor(method: MethodName, error: unknown): ApiResult<never> {
    if (error instanceof ReplicaUnavailableError) {
      const code = error.health.state === 'corrupt' ? 'replica_corrupt' : 'replica_newer_version';
      return fail(code, error.health.message);
    }
    if (isCorruptionError(error)) {
      log({
        level: 'error',
        what: `replica corrupt during ${method}`,
        detail: describeError(error),
      });
      const health = slot.markCorrupt();
      events.emit('replicaHealth', health);
      return fail('replica_corrupt', health.message);
    }
    log({ level: 'error', what: `${method} failed`, detail: describeError(error) });
    return fail('internal', `${method} failed unexpectedly; the details are in the log.`);
  }

  return {
    ports,

    async call(method, args) {
      if (closed) return fail('internal', 'Showroom is shutting down.');
      const checked = validateCall(method, args);
      if (!checked.ok) return checked;
      const { method: name, args: parsed } = checked.value;
      try {
        const handler = handlers[name] as (
          args: unknown,
          context: HandlerContext,
        ) => ApiResult<unknown> | Promise<ApiResult<unknown>>;
        return await handler(parsed, context);
      } catch (error) {
        return failureFor(name, error);
      }
    },

    on: (event, listener) => events.on(event, listener),

    close() {
      if (closed) return Promise.resolve();
      closed = true;
      desk.close();
      events.clear();
      const stopped = sync.close();
      slot.close();
      return stopped;
    },
  };
}
