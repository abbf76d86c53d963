/**
 * The connection state tells the user why they are not in sync (issue 7): the cloud unreachable
 * (network), the cloud failing (server), the session revoked (credentials), and recovery when
 * the cloud comes back. A switch (CloudProxy) stands between a real cloud and the desktop.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NO_FILTERS } from '../../../src-shared';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { damageTable } from '../../unit/core/core-fixture';
import { openReplica } from '../../../src-main/replica/open';
import { CloudProxy } from './harness/cloud-proxy';
import { AGENT1, DEMO_PASSWORD, startDemoCloud } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';

let cloud: TestCloud;
let proxy: CloudProxy;
beforeAll(async () => {
  cloud = await startDemoCloud();
  proxy = await CloudProxy.start(cloud.url);
});
afterAll(async () => {
  await proxy?.close();
  await cloud?.stop();
});

async function firstLeadId(desktop: Desktop): Promise<string> {
  const page = await desktop.call('getQueuePage', {
    folder: 'hot',
    filters: NO_FILTERS,
    search: '',
    sort: 'newest',
    after: null,
    limit: 1,
  });
  return page.rows[0]!.id;
}

describe('the connection state says why', () => {
  test('down, failing, back: network, then server, then online with the queued change sent', async () => {
    proxy.set('pass');
    const desktop = startDesktop();
    try {
      await desktop.call('signIn', { cloudUrl: proxy.url, email: AGENT1, password: DEMO_PASSWORD });
      await desktop.connection((c) => c.state === 'online');

      proxy.set('down');
      const down = await desktop.connection((c) => c.reason === 'network');
      expect(down).toMatchObject({ state: 'offline', cloudUrl: proxy.url });
      expect(down.message).toMatch(/Retrying in \d+ s/);

      // Working offline: the change shows at once and waits in the outbox.
      const leadId = await firstLeadId(desktop);
      await desktop.call('mutate', { name: 'markDone', args: { leadId, done: true } });
      await desktop.connection((c) => c.pendingMutations === 1);

      proxy.set('error500');
      const failing = await desktop.connection((c) => c.reason === 'server');
      expect(failing.state).toBe('offline');
      expect(failing.message).toMatch(/HTTP 500/);

      proxy.set('pass');
      await desktop.connection((c) => c.state === 'online' && c.pendingMutations === 0);
      const [row] = await cloud.db.query<{ done: string | null }>(
        "SELECT row ->> 'doneAt' AS done FROM leads WHERE id = $1",
        [leadId],
      );
      expect(row?.done).not.toBeNull();
    } finally {
      proxy.set('pass');
      await desktop.close();
    }
  });

  test('a revoked session signs the desktop out, saying so, and forgets the token', async () => {
    proxy.set('pass');
    const desktop = startDesktop();
    try {
      await desktop.call('signIn', { cloudUrl: proxy.url, email: AGENT1, password: DEMO_PASSWORD });
      await desktop.connection((c) => c.state === 'online');
      const secrets = JSON.parse(readFileSync(join(desktop.dataDir, 'secrets.json'), 'utf8'));
      const { token } = JSON.parse(secrets['showroom.session']) as { token: string };

      // Signed out elsewhere (an admin, another window): the cloud closes the live socket.
      const answer = await fetch(`${cloud.url}/v1/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBeLessThan(300);

      const ended = await desktop.connection((c) => c.state === 'signed_out');
      expect(ended.reason).toBe('credentials');
      expect(ended.message).toMatch(/sign in again/i);
      expect(await desktop.raw('getDirectory', {})).toMatchObject({
        ok: false,
        error: { code: 'not_signed_in' },
      });
      const after = JSON.parse(readFileSync(join(desktop.dataDir, 'secrets.json'), 'utf8'));
      expect(after['showroom.session']).toBeUndefined();
    } finally {
      await desktop.close();
    }
  });

  test('a damaged replica stops sync; its reset brings the session back and pulls everything again', async () => {
    proxy.set('pass');
    const first = startDesktop();
    const { dataDir } = first;
    await first.call('signIn', { cloudUrl: proxy.url, email: AGENT1, password: DEMO_PASSWORD });
    await first.connection((c) => c.state === 'online');
    const leadId = await firstLeadId(first);
    await first.core.close();
    damageTable(join(dataDir, 'replica.db'), 'leads', (pages) => pages);

    const again = startDesktop({ dataDir });
    try {
      expect(await again.call('getReplicaHealth', {})).toMatchObject({ state: 'corrupt' });
      expect(await again.call('resetLocalCache', {})).toEqual({ state: 'ok' });
      await again.connection((c) => c.state === 'online' && c.syncProgress === null);
      expect((await again.call('getLead', { leadId })).lead.id).toBe(leadId);
      expect((await again.call('getDirectory', {})).me.email).toBe(AGENT1);
    } finally {
      await again.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a cursor from another database (the cloud was replaced) resets the cache and pulls all again', async () => {
    proxy.set('pass');
    const first = startDesktop();
    const { dataDir } = first;
    await first.call('signIn', { cloudUrl: proxy.url, email: AGENT1, password: DEMO_PASSWORD });
    await first.connection((c) => c.state === 'online');
    const leadId = await firstLeadId(first);
    await first.core.close();
    const opened = openReplica(join(dataDir, 'replica.db'));
    if (!opened.ok) throw new Error(opened.health.message);
    opened.replica.setMeta('syncCursor', '999999999');
    opened.replica.close();

    const again = startDesktop({ dataDir });
    try {
      await again.event('replicaHealth', (health) => health.state === 'ok');
      await again.connection((c) => c.state === 'online' && c.syncProgress === null);
      expect((await again.call('getLead', { leadId })).lead.id).toBe(leadId);
      expect(again.logs).toContainEqual(expect.objectContaining({ what: 'replica reset' }));
    } finally {
      await again.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
