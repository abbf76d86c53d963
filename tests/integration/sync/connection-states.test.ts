/**
 * The connection state tells the user why they are not in sync (issue 7): the cloud unreachable
 * (network), the cloud failing (server), the session revoked (credentials), and recovery when
 * the cloud comes back. A switch (CloudProxy) stands between a real cloud and the desktop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NO_FILTERS } from '../../../src-shared';
import type { TestCloud } from '../cloud/harness/test-cloud';
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
});
