/**
 * Signing in and out (issue 7): the token kept in the SecretStore and resumed on start, wrong
 * passwords and unreachable clouds said plainly, another tenant wiping the replica, signing out
 * ending the session in the cloud, and "Switch user" never sending one agent's changes as
 * another's.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedTenant, type SeededTenant } from '../cloud/harness/seed';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { CloudProxy } from './harness/cloud-proxy';
import { AGENT1, AGENT2, DEMO_PASSWORD, startDemoCloud } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';
import { leadsOf } from './harness/leads';

let cloud: TestCloud;
let acme: SeededTenant;
beforeAll(async () => {
  cloud = await startDemoCloud();
  acme = await seedTenant(cloud.db, 'Acme');
});
afterAll(async () => cloud?.stop());

const storedToken = (desktop: Desktop): string | null => {
  const secrets = JSON.parse(readFileSync(join(desktop.dataDir, 'secrets.json'), 'utf8'));
  const session = secrets['showroom.session'] as string | undefined;
  return session ? (JSON.parse(session) as { token: string }).token : null;
};

async function online(
  desktop: Desktop,
  email: string,
  cloudUrl = cloud.url,
  password = DEMO_PASSWORD,
) {
  const state = await desktop.call('signIn', { cloudUrl, email, password });
  expect(state.state).not.toBe('signed_out');
  return desktop.connection((c) => c.state === 'online' && c.syncProgress === null);
}

describe('signing in', () => {
  test('a wrong password and an unreachable cloud are said plainly', async () => {
    const desktop = startDesktop();
    try {
      const wrong = await desktop.call('signIn', {
        cloudUrl: cloud.url,
        email: AGENT1,
        password: 'nope',
      });
      expect(wrong).toMatchObject({
        state: 'signed_out',
        reason: 'credentials',
        message: 'Wrong email or password.',
      });

      const closedPort = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const nowhere = await desktop.call('signIn', {
        cloudUrl: `http://127.0.0.1:${closedPort}`,
        email: AGENT1,
        password: DEMO_PASSWORD,
      });
      expect(nowhere).toMatchObject({ state: 'signed_out', reason: 'network' });
      expect(nowhere.message).toContain(`127.0.0.1:${closedPort}`);
    } finally {
      await desktop.close();
    }
  });

  test('a server that is not a Showroom cloud is a version problem, said with its address', async () => {
    const server = createHttpServer((_req, res) => res.writeHead(404).end('<h1>Not Found</h1>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const desktop = startDesktop();
    try {
      const state = await desktop.call('signIn', {
        cloudUrl: `http://127.0.0.1:${port}`,
        email: AGENT1,
        password: DEMO_PASSWORD,
      });
      expect(state).toMatchObject({ state: 'signed_out', reason: 'version' });
      expect(state.message).toContain(`127.0.0.1:${port}`);
    } finally {
      await desktop.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a restart resumes the stored session; signing out ends it in the cloud too', async () => {
    const first = startDesktop();
    const { dataDir } = first;
    await online(first, AGENT1);
    const token = storedToken(first);
    expect(token).toBeTruthy();
    await first.core.close();

    const again = startDesktop({ dataDir });
    try {
      await again.connection((c) => c.state === 'online');
      expect((await again.call('getDirectory', {})).me.email).toBe(AGENT1);

      expect(await again.call('signOut', {})).toMatchObject({ state: 'signed_out', reason: null });
      expect(storedToken(again)).toBeNull();
      const me = await fetch(`${cloud.url}/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.status).toBe(401);
      expect(await again.raw('getDirectory', {})).toMatchObject({
        ok: false,
        error: { code: 'not_signed_in' },
      });
    } finally {
      await again.close();
    }
  });

  test('signing in to another tenant wipes the replica first', async () => {
    const desktop = startDesktop();
    try {
      await online(desktop, AGENT1);
      const [demoLead] = await leadsOf(cloud, AGENT1, 'open');
      expect((await desktop.raw('getLead', { leadId: demoLead!.id })).ok).toBe(true);

      await online(desktop, acme.agent.email, cloud.url, acme.agent.password);
      expect(await desktop.raw('getLead', { leadId: demoLead!.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      const directory = await desktop.call('getDirectory', {});
      expect(directory.tenant.name).toBe('Acme');
      expect(directory.users.every((user) => user.tenantId === acme.tenantId)).toBe(true);
      expect((await desktop.call('getLead', { leadId: acme.leads.open.id })).lead.firstName).toBe(
        'Olive',
      );
    } finally {
      await desktop.close();
    }
  });
});

describe('switch user', () => {
  test("one agent's unsent change is never sent as the next agent, and goes out as its author later", async () => {
    const proxy = await CloudProxy.start(cloud.url);
    const desktop = startDesktop();
    try {
      await online(desktop, AGENT1, proxy.url);
      const [lead] = await leadsOf(cloud, AGENT1, 'open');
      proxy.set('mutations500'); // the change cannot go out before the switch
      const noteId = uuidv7();
      await desktop.call('mutate', {
        name: 'addNote',
        args: { leadId: lead!.id, noteId, text: 'Left a voicemail' },
      });

      await online(desktop, AGENT2, proxy.url);
      expect((await desktop.call('getConnection', {})).pendingMutations).toBe(0);
      const thread = await desktop.call('getThread', {
        leadId: lead!.id,
        before: null,
        limit: 200,
      });
      expect(thread.items.some((item) => item.kind === 'event' && item.event.id === noteId)).toBe(
        false,
      );

      proxy.set('pass');
      await online(desktop, AGENT1, proxy.url);
      await desktop.connection((c) => c.pendingMutations === 0);
      const [note] = await cloud.db.query<{ actor: string }>(
        "SELECT row ->> 'actorUserId' AS actor FROM timeline_events WHERE id = $1",
        [noteId],
      );
      expect(note?.actor).toBe((await desktop.call('getDirectory', {})).me.id);
    } finally {
      await desktop.close();
      await proxy.close();
    }
  });
});
