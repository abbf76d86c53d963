import type {
  ConsoleEvents,
  EventName,
  LiveClientFrame,
  OfferAlert,
  User,
} from '../../../src-shared';
import type { CoreLogEntry } from '../../../src-main/core/log';
import type {
  AutoStart,
  ConsolePorts,
  IdleSource,
  PresenceSignal,
  SecretStore,
  SettingsStore,
} from '../../../src-main/core/ports';
import { createDesk, type Desk } from '../../../src-main/core/presence/desk';
import { RecordingHotkeys } from '../../../src-main/host-node/adapters/hotkeys.node.js';
import { PageNotifier } from '../../../src-main/host-node/adapters/notifier.node.js';
import { RecordingWindowShell } from '../../../src-main/host-node/adapters/window-shell.node.js';
import type { CloudApi } from '../../../src-main/sync/cloud-api';

export const T0 = Date.UTC(2025, 4, 6, 15);
export const MIN = 60_000;

/** The OS idle clock and power events, driven by the test. */
export class FakeIdle implements IdleSource {
  private listener: ((signal: PresenceSignal) => void) | null = null;
  start(listener: (signal: PresenceSignal) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }
  get listening(): boolean {
    return this.listener !== null;
  }
  send(signal: PresenceSignal): void {
    this.listener?.(signal);
  }
  idleSeconds(seconds: number): void {
    this.send({ kind: 'idle-seconds', seconds });
  }
}

export class MemorySettings implements SettingsStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback: T): T {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  set(key: string, value: unknown): void {
    this.values.set(key, structuredClone(value));
  }
}

export class FakeAutoStart implements AutoStart {
  readonly calls: boolean[] = [];
  fail = false;
  async isEnabled(): Promise<boolean> {
    return this.calls.at(-1) ?? false;
  }
  async setEnabled(enabled: boolean): Promise<void> {
    if (this.fail) throw new Error('the OS refused the login item');
    this.calls.push(enabled);
  }
}

const noSecrets: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => undefined,
};

export const ME: User = {
  id: 'user-me',
  tenantId: 'tenant-1',
  name: 'Dana Desk',
  email: 'dana@demo.test',
  role: 'agent',
  storeIds: ['store-a'],
  photoUrl: null,
  phone: null,
  extension: '',
  preferences: { forwardLeadCalls: false, copyMeOnEmails: false, playSounds: true },
};

export function offer(id: string, changes: Partial<OfferAlert> = {}): OfferAlert {
  return {
    offerId: id,
    leadId: `lead-of-${id}`,
    leadName: 'Pat Customer',
    phone: '+13035550123',
    storeId: 'store-a',
    storeName: 'Downtown Motors',
    source: 'Text',
    firstMessage: 'Is the blue Civic still available?',
    createdAt: T0,
    expiresAt: T0 + 60_000,
    ...changes,
  };
}

export interface DeskWorld {
  desk: Desk;
  idle: FakeIdle;
  shell: RecordingWindowShell;
  hotkeys: RecordingHotkeys;
  notifier: PageNotifier;
  autoStart: FakeAutoStart;
  settings: MemorySettings;
  /** Frames the desk said on the live socket. */
  sent: LiveClientFrame[];
  logs: CoreLogEntry[];
  events: { event: EventName; payload: unknown }[];
  /** Payloads of one event, in order. */
  seen<E extends EventName>(event: E): ConsoleEvents[E][];
  /** Moves the clock. */
  advance(ms: number): void;
  now(): number;
  me: User | null;
  cloud: CloudApi | null;
  signOuts: number;
  quits: number;
  oldestAwaiting: string | null;
}

export interface DeskWorldOptions {
  /** Stored before the desk starts. */
  storedSettings?: unknown;
  /** Accelerators the "OS" refuses. */
  taken?: string[];
}

/** A desk with fake ports and a fake session, its clock at T0; started. */
export function deskWorld(options: DeskWorldOptions = {}): DeskWorld {
  let now = T0;
  const idle = new FakeIdle();
  const pushed: string[] = [];
  const shell = new RecordingWindowShell((event) => pushed.push(event));
  const hotkeys = new RecordingHotkeys();
  for (const accelerator of options.taken ?? []) hotkeys.taken.add(accelerator);
  const notifier = new PageNotifier(() => undefined);
  const autoStart = new FakeAutoStart();
  const settings = new MemorySettings();
  if (options.storedSettings !== undefined) {
    settings.set('showroom.desktopSettings', options.storedSettings);
  }
  const ports: ConsolePorts = {
    idle,
    notifier,
    autoStart,
    secrets: noSecrets,
    settings,
    shell,
    hotkeys,
  };
  const sent: LiveClientFrame[] = [];
  const logs: CoreLogEntry[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const world = {
    idle,
    shell,
    hotkeys,
    notifier,
    autoStart,
    settings,
    sent,
    logs,
    events,
    me: ME as User | null,
    cloud: null as CloudApi | null,
    signOuts: 0,
    quits: 0,
    oldestAwaiting: null as string | null,
    seen<E extends EventName>(event: E) {
      return events.filter((e) => e.event === event).map((e) => e.payload as ConsoleEvents[E]);
    },
    advance(ms: number) {
      now += ms;
    },
    now: () => now,
  } as Omit<DeskWorld, 'desk'>;
  const desk = createDesk({
    ports,
    session: {
      send: async (frame) => {
        sent.push(frame);
        return true;
      },
      cloud: () => world.cloud,
      me: () => world.me,
      signOut: async () => {
        world.signOuts += 1;
      },
    },
    oldestAwaiting: () => world.oldestAwaiting,
    onQuit: () => (world.quits += 1),
    emit: (event, payload) => events.push({ event, payload }),
    log: (entry) => logs.push(entry),
    now: () => now,
  });
  desk.start();
  return Object.assign(world, { desk }) as DeskWorld;
}

/** Lets queued promise callbacks run (the desk's async work needs no timers). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
