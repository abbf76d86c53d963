/**
 * Rules live in the cloud (DESIGN §4): the desktop checks first where it can say it better,
 * and when the cloud refuses a change it showed already, the change is undone and the user is
 * told why (mutationRejected, with the cloud's code).
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ThreadPage } from '../../../src-shared';
import { Api } from '../cloud/harness/api';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { CloudProxy } from './harness/cloud-proxy';
import { AGENT1, DEMO_PASSWORD, MANAGER, startDemoCloud } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';
import { leadsOf } from './harness/leads';

let cloud: TestCloud;
let proxy: CloudProxy;
let desktop: Desktop;
beforeAll(async () => {
  cloud = await startDemoCloud();
  proxy = await CloudProxy.start(cloud.url);
  desktop = startDesktop();
  await desktop.call('signIn', { cloudUrl: proxy.url, email: AGENT1, password: DEMO_PASSWORD });
  await desktop.connection((c) => c.state === 'online');
});
afterAll(async () => {
  await desktop?.close();
  await proxy?.close();
  await cloud?.stop();
});

const messageIds = (thread: ThreadPage) =>
  thread.items.flatMap((item) => (item.kind === 'message' ? [item.message.id] : []));

test('an agent opting a lead back in is refused on the desktop, with the role named', async () => {
  const [dead] = await leadsOf(cloud, AGENT1, 'dead');
  const answer = await desktop.raw('mutate', {
    name: 'optIn',
    args: { leadId: dead!.id, reason: 'they texted again' },
  });
  expect(answer).toMatchObject({
    ok: false,
    error: { code: 'forbidden', message: expect.stringContaining('manager') },
  });
  await desktop.connection((c) => c.pendingMutations === 0);
});

test('arguments are checked against the mutation, naming the field', async () => {
  const [lead] = await leadsOf(cloud, AGENT1, 'open');
  const answer = await desktop.raw('mutate', {
    name: 'setLeadStatus',
    args: { leadId: lead!.id, status: 'lukewarm' },
  });
  expect(answer).toMatchObject({
    ok: false,
    error: {
      code: 'invalid_arguments',
      message: expect.stringMatching(/^setLeadStatus: status: /),
    },
  });
});

test('a status change the cloud refuses is undone, and the user told why', async () => {
  const [dead] = await leadsOf(cloud, AGENT1, 'dead');
  desktop.clearEvents();
  // Dead -> Hot is an opt-in: the desktop shows it, the cloud says only a manager may.
  const { mutationId } = await desktop.call('mutate', {
    name: 'setLeadStatus',
    args: { leadId: dead!.id, status: 'hot' },
  });
  const rejected = await desktop.event('mutationRejected', (r) => r.mutationId === mutationId);
  expect(rejected).toMatchObject({ name: 'setLeadStatus', code: 'forbidden' });
  expect((await desktop.call('getLead', { leadId: dead!.id })).lead.status).toBe('dead');
  const thread = await desktop.call('getThread', { leadId: dead!.id, before: null, limit: 200 });
  expect(
    thread.items.some((item) => item.kind === 'event' && item.event.id.startsWith(mutationId)),
  ).toBe(false);
});

test('a message queued before the customer opted out in the cloud is rejected and disappears', async () => {
  const [lead] = await leadsOf(cloud, AGENT1, 'open', 2).then((leads) => leads.slice(1));
  proxy.set('down');
  await desktop.connection((c) => c.reason === 'network');
  const messageId = uuidv7();
  const { mutationId } = await desktop.call('mutate', {
    name: 'sendMessage',
    args: {
      leadId: lead!.id,
      messageId,
      channel: 'sms',
      body: 'Still interested?',
      media: [],
      scheduledAt: null,
    },
  });
  expect(
    messageIds(await desktop.call('getThread', { leadId: lead!.id, before: null, limit: 200 })),
  ).toContain(messageId);

  const manager = await new Api(cloud.url).login(MANAGER, DEMO_PASSWORD);
  const optOut = await manager.mutate('optOut', { leadId: lead!.id, reason: 'replied STOP' });
  expect(optOut.result?.status).toBe('ok');

  desktop.clearEvents();
  proxy.set('pass');
  const rejected = await desktop.event('mutationRejected', (r) => r.mutationId === mutationId);
  expect(rejected).toMatchObject({ name: 'sendMessage', code: 'opted_out' });
  await desktop.connection((c) => c.state === 'online' && c.pendingMutations === 0);
  const thread = await desktop.call('getThread', { leadId: lead!.id, before: null, limit: 200 });
  expect(messageIds(thread)).not.toContain(messageId);
  expect((await desktop.call('getLead', { leadId: lead!.id })).lead.status).toBe('dead');
});
