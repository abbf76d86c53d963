import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { OutboxEntry } from '../../replica/replica';

/** Whose outbox: a user of a tenant of a cloud. */
export interface Owner {
  cloud: string;
  tenantId: string;
  userId: string;
}

const Entry = z.object({
  id: z.string(),
  name: z.string(),
  args: z.unknown(),
  createdAt: z.number(),
  attempts: z.number(),
  lastError: z.string().nullable(),
});
const ParkedFile = z.array(
  z.object({
    cloud: z.string(),
    tenantId: z.string(),
    userId: z.string(),
    entries: z.array(Entry),
  }),
);
type ParkedFile = z.infer<typeof ParkedFile>;

/**
 * Changes an agent made that had not reached the cloud when another agent signed in on this PC
 * ("Switch user" while offline). They are never sent as someone else: they wait here, beside
 * the replica, until their author signs in again on the same cloud and tenant, and are dropped
 * when this PC moves to another tenant or cloud (nothing of another tenant stays).
 */
export function parkedOutbox(dataDir: string) {
  const file = join(dataDir, 'parked-outbox.json');

  function read(): ParkedFile {
    if (!existsSync(file)) return [];
    try {
      const parsed = ParkedFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  function write(parked: ParkedFile): void {
    if (parked.length === 0) return rmSync(file, { force: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(parked), { mode: 0o600 });
    renameSync(temp, file);
  }

  const same = (a: Owner, b: Owner) =>
    a.cloud === b.cloud && a.tenantId === b.tenantId && a.userId === b.userId;

  return {
    park(owner: Owner, entries: readonly OutboxEntry[]): void {
      if (entries.length === 0) return;
      const parked = read();
      const mine = parked.find((group) => same(group, owner));
      const known = new Set(mine?.entries.map((entry) => entry.id));
      const fresh = entries.filter((entry) => !known.has(entry.id));
      if (mine) mine.entries.push(...fresh);
      else parked.push({ ...owner, entries: [...fresh] });
      write(parked);
    },

    /** The owner's parked entries, oldest first. */
    peek(owner: Owner): OutboxEntry[] {
      return (read().find((group) => same(group, owner))?.entries ?? []) as OutboxEntry[];
    },

    /** Once they are back in the outbox. */
    forget(owner: Owner): void {
      const parked = read();
      const kept = parked.filter((group) => !same(group, owner));
      if (kept.length !== parked.length) write(kept);
    },

    /** Drops every other tenant's and cloud's entries; answers how many. */
    keepOnly(cloud: string, tenantId: string): number {
      const parked = read();
      const kept = parked.filter((group) => group.cloud === cloud && group.tenantId === tenantId);
      if (kept.length === parked.length) return 0;
      write(kept);
      const count = (groups: ParkedFile) => groups.reduce((n, g) => n + g.entries.length, 0);
      return count(parked) - count(kept);
    },
  };
}

export type ParkedOutbox = ReturnType<typeof parkedOutbox>;
