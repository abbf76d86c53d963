import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Message } from '../../../src-shared/domain/conversation';
import type { Tx } from '../../../src-cloud/db/db';
import { lockTenant } from '../../../src-cloud/sync/tenant-write';
import { twilioClient } from '../../../src-cloud/twilio/client';
import { syncWriter } from '../../../src-cloud/sync/writer';
import { Api } from './harness/api';
import { rowOf, snapshot, timelineOf } from './harness/rows';
import { BACKENDS } from './harness/test-cloud';
import {
  messageWhen,
  newTextingLead,
  sendStateOf,
  sendText,
  startTextingWorld,
  STORE_TEXTING_NUMBER,
  type TextingWorld,
} from './harness/texting';

describe.each(BACKENDS)('outbound texts through Twilio on $backend', ({ backend, skip }) => {
  let world: TextingWorld;
  let agent: Api;
  let manager: Api;

  beforeAll(async () => {
    if (skip) return;
    world = await startTextingWorld(backend);
    agent = await new Api(world.cloud.url).login(world.acme.agent.email, world.acme.agent.password);
    manager = await new Api(world.cloud.url).login(
      world.acme.manager.email,
      world.acme.manager.password,
    );
  });
  afterAll(async () => {
    // Every request the SDK sent, in every test, matched Twilio's API description.
    if (world) expect(world.standIn.violations).toEqual([]);
    await world?.stop();
  });

  const sentTo = (number: string) => world.standIn.sent.filter((m) => m.to === number);

  test.skipIf(skip)(
    "an agent's text reaches Twilio once, from the store's number, with its status callback",
    async () => {
      const lead = await newTextingLead(world);
      const to = lead.phones[0]?.number ?? '';
      const messageId = await sendText(agent, lead.id, 'Your Tacoma is ready for a test drive');
      const message = await messageWhen(world, messageId, (m) => m.providerId !== null);

      const [sent, ...more] = sentTo(to);
      expect(more).toEqual([]);
      expect(sent).toMatchObject({
        accountSid: world.account.accountSid,
        from: STORE_TEXTING_NUMBER,
        body: 'Your Tacoma is ready for a test drive',
        mediaUrls: [],
        statusCallback: `${world.cloud.url}/v1/twilio/status/${messageId}`,
      });
      expect(message).toMatchObject({ status: 'queued', providerId: sent?.sid, errorCode: null });
      expect(await sendStateOf(world, messageId)).toBe('done');
    },
  );

  test.skipIf(skip)(
    'status callbacks move the message forward, and one pulling desktop sees delivered',
    async () => {
      const lead = await newTextingLead(world);
      const messageId = await sendText(agent, lead.id, 'See you at 3');
      const { providerId } = await messageWhen(world, messageId, (m) => m.providerId !== null);
      const sid = providerId ?? '';

      expect((await world.standIn.postStatus(sid, 'sent')).status).toBe(200);
      expect((await rowOf(world.cloud.db, 'messages', messageId))?.status).toBe('sent');
      const { cursor } = await manager.pullAll();
      expect((await world.standIn.postStatus(sid, 'delivered')).status).toBe(200);

      const pulled = await manager.pullAll(cursor);
      const rows = pulled.changes
        .filter((c) => c.table === 'messages' && c.op === 'upsert')
        .map((c) => (c as { row: Message }).row);
      expect(rows).toEqual([expect.objectContaining({ id: messageId, status: 'delivered' })]);
    },
  );

  test.skipIf(skip)(
    'callbacks out of order never downgrade: a final status stays, sent never goes back',
    async () => {
      const lead = await newTextingLead(world);
      const first = await sendText(agent, lead.id, 'First');
      const second = await sendText(agent, lead.id, 'Second');
      const one = (await messageWhen(world, first, (m) => m.providerId !== null)).providerId ?? '';
      const two = (await messageWhen(world, second, (m) => m.providerId !== null)).providerId ?? '';

      for (const status of ['delivered', 'sent', 'queued', 'failed', 'undelivered']) {
        await world.standIn.postStatus(one, status, { errorCode: 30003 });
      }
      expect(await rowOf(world.cloud.db, 'messages', first)).toMatchObject({
        status: 'delivered',
        errorCode: null,
      });

      await world.standIn.postStatus(two, 'sent');
      await world.standIn.postStatus(two, 'queued');
      expect((await rowOf(world.cloud.db, 'messages', second))?.status).toBe('sent');
      await world.standIn.postStatus(two, 'undelivered', { errorCode: 30003 });
      await world.standIn.postStatus(two, 'delivered');
      expect(await rowOf(world.cloud.db, 'messages', second)).toMatchObject({
        status: 'undelivered',
        errorCode: '30003',
      });
    },
  );

  test.skipIf(skip)(
    'a callback for a message nobody has, or for another Twilio message: 200, nothing written',
    async () => {
      const lead = await newTextingLead(world);
      const messageId = await sendText(agent, lead.id, 'Hello');
      await messageWhen(world, messageId, (m) => m.providerId !== null);
      const before = await snapshot(world.cloud.db, world.acme.tenantId);
      const post = (path: string, sid: string) =>
        import('../../support/twilio/signed-post').then(({ postAsTwilio }) =>
          postAsTwilio({
            signedUrl: `${world.cloud.url}${path}`,
            authToken: world.account.authToken,
            params: {
              AccountSid: world.account.accountSid,
              MessageSid: sid,
              MessageStatus: 'delivered',
            },
          }),
        );
      expect((await post(`/v1/twilio/status/${uuidv7()}`, `SM${'1'.repeat(32)}`)).status).toBe(200);
      expect((await post(`/v1/twilio/status/${messageId}`, `SM${'2'.repeat(32)}`)).status).toBe(
        200,
      );
      expect(await snapshot(world.cloud.db, world.acme.tenantId)).toEqual(before);
      expect((await rowOf(world.cloud.db, 'messages', messageId))?.status).toBe('queued');
    },
  );

  test.skipIf(skip)(
    'Twilio answering 21610 fails the text and moves the lead to Dead, opted out, saying why',
    async () => {
      const lead = await newTextingLead(world, { status: 'hot' });
      const to = lead.phones[0]?.number ?? '';
      world.standIn.failSendsTo(to, {
        status: 400,
        code: 21610,
        message: 'Attempt to send to unsubscribed recipient',
      });
      const messageId = await sendText(agent, lead.id, 'Still interested?');
      const failed = await messageWhen(world, messageId, (m) => m.status === 'failed');
      expect(failed.errorCode).toBe('21610');
      expect(await rowOf(world.cloud.db, 'leads', lead.id)).toMatchObject({
        status: 'dead',
        optedOut: true,
      });
      const optOut = (await timelineOf(world.cloud.db, lead.id)).find((e) => e.kind === 'opt_out');
      expect(optOut?.text).toMatch(/Twilio reported .* unsubscribed/);
      expect(optOut?.data).toMatchObject({ how: 'twilio', errorCode: '21610', fromStatus: 'hot' });

      const again = await agent.mutate('sendMessage', {
        leadId: lead.id,
        messageId: uuidv7(),
        channel: 'sms',
        body: 'one more?',
        media: [],
        scheduledAt: null,
      });
      expect(again.result).toMatchObject({ status: 'rejected', code: 'opted_out' });
      expect(sentTo(to)).toEqual([]);
    },
  );

  test.skipIf(skip)(
    'a text queued for a lead that went Dead since never reaches Twilio; it fails saying why',
    async () => {
      const lead = await newTextingLead(world, { status: 'dead', optedOut: true });
      const to = lead.phones[0]?.number ?? '';
      // A message queued before the opt-out (a scheduled text come due): consent is checked
      // again when it is sent.
      const messageId = uuidv7();
      await queueDirectly(world, lead.id, messageId);
      const failed = await messageWhen(world, messageId, (m) => m.status === 'failed');
      expect(failed.errorCode).toBe('opted_out');
      expect(sentTo(to)).toEqual([]);
    },
  );

  test.skipIf(skip)(
    'a store with no texting number: the text fails, naming the fix, and Twilio hears nothing',
    async () => {
      const lead = await newTextingLead(world, {}, 1);
      const requests = world.standIn.requests.length;
      const messageId = await sendText(manager, lead.id, 'Hi from South');
      const failed = await messageWhen(world, messageId, (m) => m.status === 'failed');
      expect(failed.errorCode).toBe('no_texting_number');
      expect(world.standIn.requests.length).toBe(requests);
    },
  );

  test.skipIf(skip)('after a 500 from Twilio the text is retried and sent once', async () => {
    const lead = await newTextingLead(world);
    const to = lead.phones[0]?.number ?? '';
    world.standIn.failNextSend({ status: 500, code: 20500, message: 'Internal Server Error' });
    const messageId = await sendText(agent, lead.id, 'Retry me');
    const message = await messageWhen(world, messageId, (m) => m.providerId !== null);
    expect(sentTo(to).map((m) => m.sid)).toEqual([message.providerId]);
  });

  test.skipIf(skip)(
    'a 500 after Twilio created the message (a lost answer): the retry finds it and sends nothing',
    async () => {
      const lead = await newTextingLead(world);
      const to = lead.phones[0]?.number ?? '';
      world.standIn.failNextSend({ status: 500, code: 20500, createdAnyway: true });
      const messageId = await sendText(agent, lead.id, 'Exactly once');
      const message = await messageWhen(world, messageId, (m) => m.providerId !== null);
      expect(await sendStateOf(world, messageId)).toBe('done');
      expect(sentTo(to).map((m) => m.sid)).toEqual([message.providerId]);
    },
  );

  test.skipIf(skip)(
    'a process that died after Twilio took the text: the next attempt adopts it, sends nothing',
    async () => {
      const lead = await newTextingLead(world);
      const to = lead.phones[0]?.number ?? '';
      const body = 'Sent just before the crash';
      // A process claimed the text, Twilio created it, and the process died before recording
      // the outcome. (Set up Twilio's side first, so this cloud cannot take over too early.)
      const created = await twilioClient(world.account, world.standIn.origin).messages.create({
        from: STORE_TEXTING_NUMBER,
        to,
        body,
      });
      const messageId = uuidv7();
      await queueDirectly(world, lead.id, messageId, body, async (tx) => {
        await tx.query(
          `INSERT INTO sms_sends (tenant_id, message_id, state, attempt_id, attempts,
             first_claimed_at, claimed_at)
           VALUES ($1, $2, 'sending', $3, 1, $4, $5)`,
          [world.acme.tenantId, messageId, uuidv7(), Date.now() - 1000, Date.now() - 600_000],
        );
      });
      // The claim is stale: this cloud takes it over and finds the text Twilio has.
      const message = await messageWhen(world, messageId, (m) => m.providerId !== null);
      expect(message.providerId).toBe(created.sid);
      expect(sentTo(to).map((m) => m.sid)).toEqual([created.sid]);
    },
  );

  test.skipIf(skip)(
    "an MMS goes out with a signed, expiring link to the cloud's own media; other URLs are refused",
    async () => {
      const png = Buffer.alloc(256, 7);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
      const upload = await agent.post('/v1/media', {
        name: 'truck.png',
        contentType: 'image/png',
        data: png.toString('base64'),
      });
      expect(upload.status).toBe(201);
      const media = { url: upload.body.url, contentType: 'image/png', name: 'truck.png' };
      const lead = await newTextingLead(world);
      const to = lead.phones[0]?.number ?? '';
      const messageId = await sendText(agent, lead.id, 'Here it is', [media]);
      await messageWhen(world, messageId, (m) => m.providerId !== null);

      const [link] = sentTo(to)[0]?.mediaUrls ?? [];
      expect(link).toMatch(
        new RegExp(
          `^${world.cloud.url}/v1/twilio/media/${world.acme.tenantId}/${upload.body.id}\\?expires=\\d+&sig=`,
        ),
      );
      const fetched = await fetch(link ?? '');
      expect(fetched.status).toBe(200);
      expect(Buffer.from(await fetched.arrayBuffer())).toEqual(png);
      const forged = (link ?? '').replace(/sig=.*/, 'sig=forged');
      expect((await fetch(forged)).status).toBe(403);
      const later = (link ?? '').replace(/expires=\d+/, `expires=${Date.now() - 1000}`);
      expect((await fetch(later)).status).toBe(403);

      const stranger = {
        url: 'https://evil.example/v1/media/x.png',
        contentType: 'image/png',
        name: 'x.png',
      };
      const refusedId = await sendText(agent, lead.id, 'Not this one', [stranger]);
      const refused = await messageWhen(world, refusedId, (m) => m.status === 'failed');
      expect(refused.errorCode).toBe('media_refused');
      expect(sentTo(to)).toHaveLength(1);
    },
  );

  test.skipIf(skip)(
    'a status callback that is unsigned or signed with another token: 403, nothing written',
    async () => {
      const lead = await newTextingLead(world);
      const messageId = await sendText(agent, lead.id, 'Signed only');
      const { providerId } = await messageWhen(world, messageId, (m) => m.providerId !== null);
      const before = await snapshot(world.cloud.db, world.acme.tenantId);
      const { postAsTwilio } = await import('../../support/twilio/signed-post');
      const params = {
        AccountSid: world.account.accountSid,
        MessageSid: providerId ?? '',
        MessageStatus: 'delivered',
      };
      const signedUrl = `${world.cloud.url}/v1/twilio/status/${messageId}`;
      expect((await postAsTwilio({ signedUrl, params, authToken: 'f'.repeat(32) })).status).toBe(
        403,
      );
      expect(
        (await postAsTwilio({ signedUrl, params, authToken: '', signature: null })).status,
      ).toBe(403);
      expect(await snapshot(world.cloud.db, world.acme.tenantId)).toEqual(before);
    },
  );
});

/** A queued outbound text written straight into the cloud, as a due scheduled text would be. */
async function queueDirectly(
  world: TextingWorld,
  leadId: string,
  messageId: string,
  body = 'Scheduled hello',
  alsoInTx: (tx: Tx) => Promise<void> = async () => {},
) {
  const { db } = world.cloud;
  const tenantId = world.acme.tenantId;
  await db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const write = syncWriter(tx, tenantId);
    const conversationId = uuidv7();
    await write.insert('conversations', {
      id: conversationId,
      tenantId,
      leadId,
      channel: 'sms',
      createdAt: Date.now(),
    });
    await write.insert('messages', {
      id: messageId,
      tenantId,
      leadId,
      conversationId,
      direction: 'out',
      authorUserId: world.acme.agent.user.id,
      body,
      media: [],
      status: 'queued',
      errorCode: null,
      providerId: null,
      scheduledAt: null,
      createdAt: Date.now(),
    });
    await alsoInTx(tx);
  });
}
