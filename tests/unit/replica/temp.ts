import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReplica } from '../../../src-main/replica/open';
import type { Replica } from '../../../src-main/replica/replica';

/** A fresh folder per test, removed afterwards. */
export function tempDir(): { dir: string; file: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'showroom-replica-'));
  return {
    dir,
    file: (name = 'replica.db') => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function mustOpen(file: string): Replica {
  const opened = openReplica(file);
  if (!opened.ok) throw new Error(`replica did not open: ${opened.health.message}`);
  return opened.replica;
}
