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
import { isCorruptionError } from '../replica/open';
import { loadDemoIfEmpty, type DemoOptions } from './demo-data';
import { createEventHub, type ConsoleListener } from './events';
import { handlers, type HandlerContext } from './handlers';
import { SAVED_FILTERS_TABLES } from './handlers/filter-handlers';
import { consoleLog, describeError, type CoreLog } from './log';
import type { ConsolePorts } from './ports';
import { ReplicaUnavailableError } from './replica-health';
import { createReplicaSlot } from './replica-slot';

export interface ConsoleCoreOptions {
  ports: ConsolePorts;
  /** Per OS user (DESIGN §10): the replica lives at `${dataDir}/replica.db`. */
  dataDir: string;
  /** Fills an empty replica with the demo dealer group; null until a cloud is configured. */
  demo?: DemoOptions | null;
  log?: CoreLog;
}

export interface ConsoleCore {
  /** Validates and answers one ConsoleApi call. Never throws: every failure is an ApiResult. */
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  on<E extends EventName>(event: E, listener: ConsoleListener<E>): () => void;
  readonly ports: ConsolePorts;
  close(): void;
}

/** What a reset changes: every synced table and the local ones. */
const ALL_TABLES = [...Object.keys(SYNC_TABLES), ...SAVED_FILTERS_TABLES];

/** The desktop core (DESIGN §3): the data and the rules, with the OS behind ports. */
export function createConsoleCore({
  ports,
  dataDir,
  demo = null,
  log = consoleLog,
}: ConsoleCoreOptions): ConsoleCore {
  mkdirSync(dataDir, { recursive: true });
  const events = createEventHub((event, error) =>
    log({ level: 'error', what: `a ${event} listener threw`, detail: describeError(error) }),
  );
  const slot = createReplicaSlot({
    file: join(dataDir, 'replica.db'),
    afterOpen: demo ? (replica) => loadDemoIfEmpty(replica, demo) : undefined,
    log,
  });
  let closed = false;

  const context: HandlerContext = {
    replica: () => slot.require(),
    health: () => slot.health(),
    emit: (event, payload) => events.emit(event, payload),
    resetLocalCache: async () => {
      const health = slot.reset();
      events.emit('replicaHealth', health);
      events.emit('replicaChanged', { tables: ALL_TABLES });
      return health;
    },
  };

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
      if (closed) return;
      closed = true;
      events.clear();
      slot.close();
    },
  };
}
