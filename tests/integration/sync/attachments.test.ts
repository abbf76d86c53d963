/**
 * An attachment, from the desktop to the customer's message: the core uploads the picked file
 * to the cloud (uploadMedia -> POST /v1/media), and the message that carries it is stored by the
 * cloud with that media. A file the cloud refuses comes back with the cloud's reason.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api } from '../cloud/harness/api';
import { rowOf } from '../cloud/harness/rows';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { AGENT1, DEMO_PASSWORD, startDemoCloud } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';
import { leadsOf } from './harness/leads';

const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(200, 3)]);

let cloud: TestCloud;
let desktop: Desktop;
beforeAll(async () => {
  cloud = await startDemoCloud();
  desktop = startDesktop();
  await desktop.call('signIn', { cloudUrl: cloud.url, email: AGENT1, password: DEMO_PASSWORD });
  await desktop.connection((c) => c.state === 'online');
});
afterAll(async () => {
  await desktop?.close();
  await cloud?.stop();
});

test('a GIF picked on the desktop is stored in the cloud and sent with the message', async () => {
  const media = await desktop.call('uploadMedia', {
    name: 'wave.gif',
    contentType: 'image/gif',
    dataBase64: GIF.toString('base64'),
  });
  expect(media).toEqual({
    url: expect.stringMatching(new RegExp(`^${cloud.url}/v1/media/`)),
    contentType: 'image/gif',
    name: 'wave.gif',
  });
  const agent = await new Api(cloud.url).login(AGENT1, DEMO_PASSWORD);
  const served = await fetch(media.url, { headers: { authorization: `Bearer ${agent.token}` } });
  expect(Buffer.from(await served.arrayBuffer()).equals(GIF)).toBe(true);

  const [lead] = await leadsOf(cloud, AGENT1, 'open');
  const messageId = uuidv7();
  await desktop.call('mutate', {
    name: 'sendMessage',
    args: {
      leadId: lead!.id,
      messageId,
      channel: 'sms',
      body: '',
      media: [media],
      scheduledAt: null,
    },
  });
  await desktop.connection((c) => c.pendingMutations === 0);
  expect(await rowOf(cloud.db, 'messages', messageId)).toMatchObject({
    direction: 'out',
    media: [media],
  });
});

test('a file the cloud refuses comes back with its reason', async () => {
  const answer = await desktop.raw('uploadMedia', {
    name: 'page.png',
    contentType: 'image/png',
    dataBase64: Buffer.from('<html></html>').toString('base64'),
  });
  expect(answer).toMatchObject({
    ok: false,
    error: { code: 'invalid_arguments', message: 'The file is not a PNG image.' },
  });
});
