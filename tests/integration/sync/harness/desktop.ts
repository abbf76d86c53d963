import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ApiResult,
  ConnectionState,
  ConsoleEvents,
  EventName,
  MethodName,
  ResultOf,
  ArgsOf,
} from '../../../../src-shared';
import { createConsoleCore, type ConsoleCore } from '../../../../src-main/core';
import type { CoreLogEntry } from '../../../../src-main/core/log';
import type { EmbeddedCloudLauncher } from '../../../../src-main/embedded-cloud/launcher';
import { createNodePorts, type NodePorts } from '../../../../src-main/host-node/adapters';

/** Retries come quickly in tests: they wait on events, and a recovery should not take a minute. */
export const FAST_BACKOFF = { firstMs: 50, maxMs: 400 };

export interface Desktop {
  core: ConsoleCore;
  ports: NodePorts;
  dataDir: string;
  logs: CoreLogEntry[];
  /** Calls the ConsoleApi; throws with the error when the answer is not ok. */
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  /** The raw answer, ok or not. */
  raw<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ApiResult<ResultOf<M>>>;
  /** Resolves with the first event (past or future) that matches. */
  event<E extends EventName>(
    event: E,
    match?: (payload: ConsoleEvents[E]) => boolean,
  ): Promise<ConsoleEvents[E]>;
  /** Resolves once the connection matches, now or later. */
  connection(match: (state: ConnectionState) => boolean): Promise<ConnectionState>;
  /** Resolves once `check` holds, asking again after each event. */
  until(check: () => Promise<boolean>): Promise<void>;
  /** Forgets the events seen so far (to wait for the next one). */
  clearEvents(): void;
  close(): Promise<void>;
}

export interface DesktopOptions {
  dataDir?: string;
  embeddedCloud?: EmbeddedCloudLauncher;
  pageSize?: number;
}

/** A desktop core under Node with its own temp data folder (removed on close unless given). */
export function startDesktop(options: DesktopOptions = {}): Desktop {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'showroom-desktop-'));
  const logs: CoreLogEntry[] = [];
  const ports = createNodePorts(dataDir, () => undefined);
  const core = createConsoleCore({
    ports,
    dataDir,
    log: (entry) => logs.push(entry),
    embeddedCloud: options.embeddedCloud,
    sync: { backoff: FAST_BACKOFF, pageSize: options.pageSize },
  });
  const seen: { event: EventName; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((waiter) => waiter());
  const events: EventName[] = [
    'replicaChanged',
    'replicaHealth',
    'connectionChanged',
    'mutationRejected',
  ];
  for (const event of events) {
    core.on(event, (payload) => {
      seen.push({ event, payload });
      wake();
    });
  }

  const raw = <M extends MethodName>(method: M, args: ArgsOf<M>) =>
    core.call(method, args) as Promise<ApiResult<ResultOf<M>>>;

  function until<T>(check: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const attempt = () => {
        const found = check();
        if (found === undefined) return false;
        waiters.delete(attempt);
        resolve(found);
        return true;
      };
      if (!attempt()) waiters.add(attempt);
    });
  }

  return {
    core,
    ports,
    dataDir,
    logs,
    raw,
    async call(method, args) {
      const answer = await raw(method, args);
      if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`);
      return answer.value;
    },
    event(event, match = () => true) {
      return until(() => {
        const hit = seen.find((entry) => entry.event === event && match(entry.payload as never));
        return hit?.payload as ConsoleEvents[typeof event] | undefined;
      });
    },
    async connection(match) {
      const now = await raw('getConnection', {});
      if (now.ok && match(now.value)) return now.value;
      return until(() => {
        const hit = [...seen].reverse().find((entry) => entry.event === 'connectionChanged');
        const state = hit?.payload as ConnectionState | undefined;
        return state && match(state) ? state : undefined;
      });
    },
    async until(check) {
      for (;;) {
        const seenBefore = seen.length;
        if (await check()) return;
        await until(() => (seen.length > seenBefore ? true : undefined));
      }
    },
    clearEvents() {
      seen.length = 0;
    },
    async close() {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
