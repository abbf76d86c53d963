import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, SyncChange, TimelineEvent } from '../../../src-shared';
import type { Replica } from '../../../src-main/replica/replica';
import { mustOpen, tempDir } from './temp';

const LEAD = 'lead-long';

function message(i: number, at: number): Message {
  return {
    id: `m-${String(i).padStart(4, '0')}`,
    tenantId: 't',
    leadId: LEAD,
    conversationId: 'c',
    direction: i % 2 ? 'in' : 'out',
    authorUserId: null,
    body: `message ${i}`,
    media: [],
    status: 'delivered',
    errorCode: null,
    providerId: null,
    scheduledAt: null,
    createdAt: at,
  };
}

function event(i: number, at: number): TimelineEvent {
  return {
    id: `e-${i}`,
    tenantId: 't',
    leadId: LEAD,
    kind: 'note',
    actorUserId: null,
    text: `note ${i}`,
    data: { i },
    createdAt: at,
  };
}

let temp: ReturnType<typeof tempDir>;
let replica: Replica;
beforeEach(() => {
  temp = tempDir();
  replica = mustOpen(temp.file());
});
afterEach(() => {
  replica.close();
  temp.cleanup();
});

describe('a thread pages back through a long history', () => {
  it('returns every message and event once, oldest first, with ties in a stable order', () => {
    const changes: SyncChange[] = [];
    // Times repeat on purpose: pages must split inside a run of equal times without loss.
    for (let i = 0; i < 230; i++)
      changes.push({
        table: 'messages',
        op: 'upsert',
        row: message(i, 1000 + Math.floor(i / 3) * 10),
      });
    for (let i = 0; i < 40; i++)
      changes.push({ table: 'timeline_events', op: 'upsert', row: event(i, 1000 + i * 50) });
    // Arrival order is not time order.
    changes.reverse();
    replica.applyChanges(changes);

    const pages: string[][] = [];
    let before: string | null = null;
    do {
      const page = replica.thread(LEAD, before, 25);
      expect(page.items.length).toBeLessThanOrEqual(25);
      pages.push(
        page.items.map((item) => (item.kind === 'message' ? item.message.id : item.event.id)),
      );
      const times = page.items.map((item) => item.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      before = page.before;
    } while (before !== null);

    const all = pages.reverse().flat();
    expect(all).toHaveLength(270);
    expect(new Set(all).size).toBe(270);
    const at = (id: string) =>
      id.startsWith('m-')
        ? 1000 + Math.floor(Number(id.slice(2)) / 3) * 10
        : 1000 + Number(id.slice(2)) * 50;
    const times = all.map(at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('gives back the message as it was synced, body included', () => {
    const row = message(1, 5000);
    replica.applyChanges([{ table: 'messages', op: 'upsert', row }]);
    const [item] = replica.thread(LEAD, null, 10).items;
    expect(item).toEqual({ kind: 'message', at: 5000, message: row });
  });

  it('answers an unknown lead with an empty thread and rejects a made-up cursor', () => {
    expect(replica.thread('nobody', null, 10)).toEqual({ items: [], before: null });
    expect(() => replica.thread(LEAD, 'not-a-cursor', 10)).toThrow(/invalid thread cursor/);
  });
});
