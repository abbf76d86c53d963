import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead, TimelineEvent } from '../../../src-shared';
import { META_KEYS } from '../../../src-main/replica/local/meta';
import { changeUnderEffects, rebase } from '../../../src-main/sync/local-effects/rebase';
import { mutate } from '../../../src-main/sync/mutate';
import { lead, NOW, syncWorld, upsert, type SyncWorld } from './fixture';

let world: SyncWorld;
beforeEach(() => {
  world = syncWorld();
});
afterEach(() => world.cleanup());

const me = () => world.replica.syncedRow('users', 'user-2');
const events = (leadId: string) =>
  world.replica
    .thread(leadId, null, 100)
    .items.flatMap((item) => (item.kind === 'event' ? [item.event] : []));

/** A pull's page landing the way the sync client writes it. */
function pull(cursor: number, ...changes: ReturnType<typeof upsert>[]) {
  return changeUnderEffects(world.replica, me, () => {
    const tables = world.replica.applyChanges(changes);
    world.replica.setMeta(META_KEYS.syncCursor, String(cursor));
    return tables;
  });
}

function change(name: Parameters<typeof mutate>[2], args: unknown) {
  const result = mutate(world.replica, me(), name, args, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.mutationId;
}

describe('a change is shown at once and queued, in one transaction', () => {
  it('the lead changes, its thread says so, and the outbox holds the mutation', () => {
    const id = change('setLeadStatus', { leadId: 'lead-open', status: 'hot' });
    expect(world.replica.syncedRow('leads', 'lead-open')?.status).toBe('hot');
    expect(events('lead-open')).toEqual([expect.objectContaining({ id: `${id}.status_change` })]);
    expect(world.replica.pendingMutations()).toMatchObject([
      { id, name: 'setLeadStatus', args: { leadId: 'lead-open', status: 'hot' } },
    ]);
  });

  it('bad arguments, a role too low, or nobody signed in queue nothing and say why', () => {
    const bad = mutate(
      world.replica,
      me(),
      'setLeadStatus',
      { leadId: 'lead-open', status: 'lukewarm' },
      NOW,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message: expect.stringMatching(/^setLeadStatus: status: /),
      },
    });
    const optIn = mutate(
      world.replica,
      me(),
      'optIn',
      { leadId: 'lead-dead', reason: 'wrote again' },
      NOW,
    );
    expect(optIn).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('manager') },
    });
    const send = {
      leadId: 'lead-dead',
      messageId: 'msg-1',
      channel: 'sms',
      body: 'hi',
      media: [],
      scheduledAt: null,
    };
    expect(mutate(world.replica, me(), 'sendMessage', send, NOW)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      mutate(world.replica, null, 'markDone', { leadId: 'lead-open', done: true }, NOW),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(world.replica.pendingMutations()).toEqual([]);
    expect(world.replica.localEffects()).toEqual([]);
  });
});

describe('a pull under pending changes', () => {
  it('lands beneath them: the cloud’s edit shows and so does the change not yet sent', () => {
    change('setLeadStatus', { leadId: 'lead-open', status: 'hot' });
    pull(5, upsert('leads', lead('lead-open', { status: 'warm', firstName: 'Patricia' })));
    const row = world.replica.syncedRow('leads', 'lead-open') as Lead;
    expect(row).toMatchObject({ firstName: 'Patricia', status: 'hot' });
    expect(world.replica.localEffects()).toHaveLength(1);
  });

  it('once the cloud confirmed it and a pull brought its rows, the stand-ins give way', () => {
    const id = change('setLeadStatus', { leadId: 'lead-open', status: 'hot' });
    world.replica.completeMutation(id);
    const [effect] = world.replica.localEffects();
    world.replica.putLocalEffect({ ...effect!, confirmedVersion: 9 });

    const cloudEvent: TimelineEvent = {
      id: 'cloud-event-1',
      tenantId: 'tenant-1',
      leadId: 'lead-open',
      kind: 'status_change',
      actorUserId: 'user-2',
      text: 'Status: Warm -> Hot',
      data: { from: 'warm', to: 'hot' },
      createdAt: NOW + 5,
    };
    pull(8); // not there yet: the stand-in stays
    expect(events('lead-open').map((e) => e.id)).toEqual([`${id}.status_change`]);
    pull(
      9,
      upsert('leads', lead('lead-open', { status: 'hot' })),
      upsert('timeline_events', cloudEvent),
    );
    expect(events('lead-open').map((e) => e.id)).toEqual(['cloud-event-1']);
    expect(world.replica.localEffects()).toEqual([]);
  });

  it('a rejected change is taken off exactly, the later ones stay', () => {
    const before = world.replica.syncedRow('leads', 'lead-open');
    const send = {
      leadId: 'lead-open',
      messageId: 'msg-1',
      channel: 'sms',
      body: 'Still looking?',
      media: [],
      scheduledAt: null,
    };
    const rejected = change('sendMessage', send);
    change('addNote', { leadId: 'lead-open', noteId: 'note-1', text: 'Prefers texts' });

    rebase(world.replica, me, () => {
      world.replica.deleteLocalEffect(rejected);
      world.replica.completeMutation(rejected);
      return [];
    });
    expect(world.replica.syncedRow('messages', 'msg-1')).toBeNull();
    expect(world.replica.lead('lead-open')?.conversations).toEqual([]);
    const after = world.replica.syncedRow('leads', 'lead-open') as Lead;
    expect({ ...after, notesExcerpt: null, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
    expect(after.notesExcerpt).toBe('Prefers texts');
    expect(world.replica.pendingMutations().map((entry) => entry.name)).toEqual(['addNote']);
  });
});
