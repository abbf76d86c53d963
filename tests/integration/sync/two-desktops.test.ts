import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NO_FILTERS } from '../../../src-shared';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { AGENT1, AGENT2, DEMO_PASSWORD, startDemoCloud } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startDemoCloud();
});
afterAll(async () => cloud?.stop());

async function signedIn(email: string): Promise<Desktop> {
  const desktop = startDesktop();
  const state = await desktop.call('signIn', {
    cloudUrl: cloud.url,
    email,
    password: DEMO_PASSWORD,
  });
  expect(state.state).not.toBe('signed_out');
  await desktop.connection((c) => c.state === 'online');
  return desktop;
}

describe('two agents of one store, each on their own PC', () => {
  test('an edit on one PC shows on the other without a reload', async () => {
    const [first, second] = [await signedIn(AGENT1), await signedIn(AGENT2)];
    try {
      const page = await first.call('getQueuePage', {
        folder: 'inbox',
        filters: NO_FILTERS,
        search: '',
        sort: 'newest',
        after: null,
        limit: 5,
      });
      const lead = page.rows[0]!;
      const noteId = uuidv7();
      second.clearEvents();
      const { mutationId } = await first.call('mutate', {
        name: 'addNote',
        args: { leadId: lead.id, noteId, text: 'Wants the blue one' },
      });
      expect(mutationId).toMatch(/^[0-9a-f-]{36}$/);
      // On the first PC at once, before the cloud has even heard of it.
      expect((await first.call('getLead', { leadId: lead.id })).lead.notesExcerpt).toBe(
        'Wants the blue one',
      );
      await second.event('replicaChanged', (e) => e.tables.includes('timeline_events'));
      const thread = await second.call('getThread', { leadId: lead.id, before: null, limit: 50 });
      expect(thread.items).toContainEqual(
        expect.objectContaining({ kind: 'event', event: expect.objectContaining({ id: noteId }) }),
      );
      expect((await second.call('getLead', { leadId: lead.id })).lead.notesExcerpt).toBe(
        'Wants the blue one',
      );
      await first.connection((c) => c.pendingMutations === 0);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('a status change shows once on both PCs: the cloud’s own event replaces the stand-in', async () => {
    const [first, second] = [await signedIn(AGENT1), await signedIn(AGENT2)];
    const statusEvents = async (desktop: Desktop, leadId: string) =>
      (await desktop.call('getThread', { leadId, before: null, limit: 200 })).items.flatMap(
        (item) =>
          item.kind === 'event' && item.event.kind === 'status_change' ? [item.event] : [],
      );
    try {
      const page = await first.call('getQueuePage', {
        folder: 'cold',
        filters: NO_FILTERS,
        search: '',
        sort: 'newest',
        after: null,
        limit: 1,
      });
      const leadId = page.rows[0]!.id;
      const before = (await statusEvents(first, leadId)).length;
      const { mutationId } = await first.call('mutate', {
        name: 'setLeadStatus',
        args: { leadId, status: 'hot' },
      });
      expect(await statusEvents(first, leadId)).toHaveLength(before + 1);

      await second.until(
        async () => (await second.call('getLead', { leadId })).lead.status === 'hot',
      );
      await first.until(async () => {
        const events = await statusEvents(first, leadId);
        return (
          events.length === before + 1 && events.every((event) => !event.id.startsWith(mutationId))
        );
      });
      expect(await statusEvents(second, leadId)).toHaveLength(before + 1);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
