import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConsoleEvents, EventName } from '../../../src-shared';
import { createConsoleCore, type ConsoleCore, type DemoOptions } from '../../../src-main/core';
import type { CoreLogEntry } from '../../../src-main/core/log';
import { createNodePorts } from '../../../src-main/host-node/adapters';

/** A small, fixed demo: quick to load, the same every run. */
export const SMALL_DEMO: DemoOptions = { leads: 40, seed: 7, now: () => Date.UTC(2025, 4, 6, 15) };

export interface CoreWorld {
  dataDir: string;
  replicaFile: string;
  logs: CoreLogEntry[];
  open(demo?: DemoOptions | null): ConsoleCore;
  cleanup(): void;
}

/** A data folder per test; `open` starts a core on it (closing the previous one). */
export function coreWorld(): CoreWorld {
  const dataDir = mkdtempSync(join(tmpdir(), 'showroom-core-'));
  const logs: CoreLogEntry[] = [];
  let current: ConsoleCore | null = null;
  return {
    dataDir,
    replicaFile: join(dataDir, 'replica.db'),
    logs,
    open(demo = null) {
      current?.close();
      const ports = createNodePorts(dataDir, () => undefined);
      current = createConsoleCore({ ports, dataDir, demo, log: (entry) => logs.push(entry) });
      return current;
    },
    cleanup() {
      current?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects a core's events of one kind as they come. */
export function recordEvents<E extends EventName>(core: ConsoleCore, event: E): ConsoleEvents[E][] {
  const seen: ConsoleEvents[E][] = [];
  core.on(event, (payload) => seen.push(payload));
  return seen;
}

export interface PageInfo {
  pageno: number;
  pagetype: string;
  /** dbstat's path in the b-tree: '/' is the root, '/000/' its first child... */
  path: string;
}

/** Writes garbage over the pages of `table` that `pick` chooses, in a closed replica file. */
export function damageTable(
  file: string,
  table: string,
  pick: (pages: PageInfo[]) => PageInfo[],
): number[] {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare('SELECT pageno, pagetype, path FROM dbstat WHERE name = ? ORDER BY path')
    .all(table) as PageInfo[];
  db.close();
  const chosen = pick(pages).map((page) => page.pageno);
  const fd = openSync(file, 'r+');
  try {
    for (const page of chosen) {
      writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
  return chosen;
}

/** The leaves after the first: the check on open reads only the first rows of each table. */
export const deepLeaves = (pages: PageInfo[]) =>
  pages.filter((page) => page.pagetype === 'leaf').slice(1);
