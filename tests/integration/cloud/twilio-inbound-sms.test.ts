import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { leadDisplayName } from '../../../src-shared/domain/lead';
import { EMPTY_TWIML } from '../../../src-cloud/twilio/webhook-route';
import { postAsTwilio } from '../../support/twilio/signed-post';
import { PNG_1X1 } from '../../support/twilio/media-host';
import { Api } from './harness/api';
import { rowOf, snapshot } from './harness/rows';
import { insertLead, seedTenant } from './harness/seed';
import { BACKENDS } from './harness/test-cloud';
import {
  leadOfPhone,
  messageSid,
  messagesOf,
  NORTH_NUMBER,
  startSmsWorld,
  type SmsWorld,
} from './inbound-sms-fixture';
import { addAgents, clockOf, isOffer, openDesk, setPresence, type Desk } from './offers-fixture';

describe.each(BACKENDS)('inbound texts through Twilio, on $backend', ({ backend, skip }) => {
  let world: SmsWorld;
  /** North's agents: Ana online, Ben online. The seeded agent is assigned leads. */
  let ana: Desk, ben: Desk, assigned: Desk;

  const offersOf = (leadId: string) =>
    world.cloud.db.query<{ id: string; status: string; agent_ids: string[] }>(
      'SELECT id, status, agent_ids FROM offers WHERE lead_id = $1',
      [leadId],
    );

  beforeAll(async () => {
    if (skip) return;
    world = await startSmsWorld(backend);
    const north = world.acme.stores[0];
    const agents = await addAgents(
      world.cloud.db,
      world.acme.tenantId,
      [north.id],
      ['Ana Torres', 'Ben Okafor'],
    );
    [ana, ben, assigned] = await Promise.all([
      openDesk(world.cloud.url, agents[0]!),
      openDesk(world.cloud.url, agents[1]!),
      openDesk(world.cloud.url, world.acme.agent),
    ]);
    await Promise.all([setPresence(ana, 'online'), setPresence(ben, 'online')]);
  });
  afterAll(async () => {
    for (const desk of [ana, ben, assigned]) desk?.live.close();
    await world?.stop();
  });

  test.skipIf(skip)(
    'a text from an unknown number makes an "Unknown" lead, source Text, that rings at the store\'s online agents',
    async () => {
      const answer = await world.text('(720) 555-0101', 'Is the blue Tacoma still there?');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(await answer.text()).toBe(EMPTY_TWIML);

      const leadId = await leadOfPhone(world.cloud, world.acme.tenantId, '+17205550101');
      const lead = await rowOf(world.cloud.db, 'leads', leadId);
      expect(lead).toMatchObject({
        storeId: world.acme.stores[0].id,
        source: 'Text',
        status: 'new',
        firstName: null,
        lastName: null,
        phones: [{ number: '+17205550101', type: 'mobile' }],
        assignedUserId: null,
        lastChannel: 'sms',
        lastMessagePreview: 'Is the blue Tacoma still there?',
        awaitingSince: expect.any(Number),
      });
      expect(leadDisplayName(lead!)).toBe('Unknown');
      const [message] = await messagesOf(world.cloud, leadId);
      expect(message).toMatchObject({
        direction: 'in',
        status: 'received',
        body: 'Is the blue Tacoma still there?',
        providerId: expect.stringMatching(/^SM/),
      });

      const [offer] = await offersOf(leadId);
      expect(offer?.status).toBe('open');
      expect([...offer!.agent_ids].sort()).toEqual([ana.who.user.id, ben.who.user.id].sort());
      for (const desk of [ana, ben]) {
        expect(await desk.live.next(isOffer(offer!.id))).toMatchObject({
          offer: { leadId, leadName: 'Unknown', phone: '+17205550101', source: 'Text' },
        });
      }
    },
  );

  test.skipIf(skip)(
    "a known number's text joins its lead's conversation, rings nobody, and reaches the assigned agent's desktop",
    async () => {
      const north = world.acme.stores[0];
      const lead = await insertLead(world.cloud.db, world.acme.tenantId, north.id, {
        firstName: 'Riley',
        phones: [{ number: '+17205550102', type: 'mobile' }],
        assignedUserId: world.acme.agent.user.id,
        status: 'warm',
      });
      await world.text('+17205550102', 'Hi, it is Riley');
      const pulledBefore = await assigned.api.pullAll();
      await world.text('720.555.0102', 'Can I come at 5?');

      const messages = await messagesOf(world.cloud, lead.id);
      expect(messages.map((m) => m.body)).toEqual(['Hi, it is Riley', 'Can I come at 5?']);
      expect(new Set(messages.map((m) => m.conversationId)).size).toBe(1);
      expect(await offersOf(lead.id)).toEqual([]);
      expect(await rowOf(world.cloud.db, 'leads', lead.id)).toMatchObject({
        firstName: 'Riley',
        status: 'warm',
        lastMessagePreview: 'Can I come at 5?',
      });
      // The assigned agent's desktop is poked and pulls the new message.
      await assigned.live.poke(await clockOf(world.cloud.db, world.acme.tenantId));
      const pulled = await assigned.api.pullAll(pulledBefore.cursor);
      const ids = pulled.changes.map((c) => (c.op === 'upsert' ? c.row.id : c.id));
      expect(ids).toContain(messages[1]!.id);
    },
  );

  test.skipIf(skip)(
    'a redelivered webhook (same MessageSid) is answered and writes nothing',
    async () => {
      const sid = messageSid();
      const first = await world.text('+17205550103', 'Price on the Civic?', { MessageSid: sid });
      expect(first.status).toBe(200);
      const before = await snapshot(world.cloud.db, world.acme.tenantId);
      const again = await world.text('+17205550103', 'Price on the Civic?', { MessageSid: sid });
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(EMPTY_TWIML);
      expect(await snapshot(world.cloud.db, world.acme.tenantId)).toEqual(before);
      const leadId = await leadOfPhone(world.cloud, world.acme.tenantId, '+17205550103');
      expect((await messagesOf(world.cloud, leadId)).map((m) => m.providerId)).toEqual([sid]);
      expect(await offersOf(leadId)).toHaveLength(1);
    },
  );

  test.skipIf(skip)(
    'MMS: the message is stored at once; the images are fetched afterwards with Basic auth, through a redirect to another host, and served as /v1/media',
    async () => {
      const photo = world.media.add('ME-photo', { contentType: 'image/png', bytes: PNG_1X1 });
      const big = world.media.add('ME-big', {
        contentType: 'image/jpeg',
        bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5 * 1024 * 1024)]),
      });
      const release = world.media.hold();
      const answer = await world.text('+17205550104', '', {
        MessageSid: messageSid('MM'),
        NumMedia: '3',
        MediaUrl0: photo,
        MediaContentType0: 'image/png',
        MediaUrl1: `${world.media.apiOrigin}/2010-04-01/Accounts/x/Media/ME-video`,
        MediaContentType1: 'video/mp4',
        MediaUrl2: big,
        MediaContentType2: 'image/jpeg',
      });
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe(EMPTY_TWIML);
      const leadId = await leadOfPhone(world.cloud, world.acme.tenantId, '+17205550104');
      // Answered while the storage host still holds the bytes: stored first, fetched after.
      const [waiting] = await messagesOf(world.cloud, leadId);
      expect(waiting).toMatchObject({ body: '', media: [] });
      expect((await rowOf(world.cloud.db, 'leads', leadId))?.lastMessagePreview).toBe(
        '[3 attachments]',
      );
      release();
      await world.cloud.services.inboundMedia.settle();

      const [message] = await messagesOf(world.cloud, leadId);
      expect(message!.media).toHaveLength(1);
      expect(message!.media[0]).toMatchObject({ contentType: 'image/png' });
      expect(message!.media[0]!.url).toMatch(
        new RegExp(`^${world.cloud.services.publicUrl()}/v1/media/[0-9a-f-]{36}$`),
      );
      expect(message!.body).toBe(
        '[attachment not kept: video/mp4]\n[attachment not kept: image/jpeg (larger than 5 MB)]',
      );
      const agent = await new Api(world.cloud.url).login(
        world.acme.agent.email,
        world.acme.agent.password,
      );
      const served = await fetch(
        message!.media[0]!.url.replace(world.cloud.services.publicUrl(), world.cloud.url),
        {
          headers: { authorization: `Bearer ${agent.token}` },
        },
      );
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG_1X1);

      // The API host got the account's credentials; the storage host it redirected to did not.
      const basic = `Basic ${Buffer.from(`${world.account.accountSid}:${world.account.authToken}`).toString('base64')}`;
      expect(world.media.apiSeen.filter((r) => r.path.endsWith('/ME-photo'))).toEqual([
        { path: expect.any(String), authorization: basic },
      ]);
      expect(world.media.apiSeen.some((r) => r.path.endsWith('/ME-video'))).toBe(false);
      const stored = world.media.storageSeen.filter((r) => r.path.endsWith('/ME-photo'));
      expect(stored).toEqual([{ path: '/media-bucket/ME-photo', authorization: null }]);
      expect(await world.cloud.db.query('SELECT * FROM inbound_media_jobs')).toEqual([]);
    },
  );

  test.skipIf(skip)(
    "an attachment address that is not Twilio's is not fetched: the account's credentials go nowhere else",
    async () => {
      const elsewhere = `http://localhost:1/2010-04-01/Accounts/${world.account.accountSid}/Media/ME1`;
      await world.text('+17205550105', 'see photo', {
        MessageSid: messageSid('MM'),
        NumMedia: '1',
        MediaUrl0: elsewhere,
        MediaContentType0: 'image/jpeg',
      });
      await world.cloud.services.inboundMedia.settle();
      const leadId = await leadOfPhone(world.cloud, world.acme.tenantId, '+17205550105');
      const [message] = await messagesOf(world.cloud, leadId);
      expect(message).toMatchObject({
        media: [],
        body: "see photo\n[attachment not kept: image/jpeg (not an address of Twilio's)]",
      });
    },
  );

  describe('refused webhooks store nothing', () => {
    const refused = async (post: () => Promise<Response>, status: number, message: RegExp) => {
      const before = await snapshot(world.cloud.db, world.acme.tenantId);
      const answer = await post();
      expect(answer.status).toBe(status);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
        message,
      );
      expect(await snapshot(world.cloud.db, world.acme.tenantId)).toEqual(before);
    };
    const params = (changes: Record<string, string | undefined> = {}) => {
      const all: Record<string, string | undefined> = {
        MessageSid: messageSid(),
        From: '+17205550109',
        To: NORTH_NUMBER,
        Body: 'hello',
        NumMedia: '0',
        ...changes,
      };
      return Object.fromEntries(
        Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
    };
    const post = (
      values: Record<string, string>,
      authToken = world.account.authToken,
      signature?: string | null,
    ) =>
      postAsTwilio({
        signedUrl: `${world.cloud.services.publicUrl()}/v1/twilio/sms`,
        postTo: `${world.cloud.url}/v1/twilio/sms`,
        params: values,
        authToken,
        ...(signature !== undefined && { signature }),
      });

    test.skipIf(skip)('unsigned: 403', () =>
      refused(() => post(params(), undefined, null), 403, /missing/),
    );
    test.skipIf(skip)('signed with another token: 403', () =>
      refused(() => post(params(), 'f'.repeat(32)), 403, /does not match/),
    );
    test.skipIf(skip)('to a number no store has: 403', () =>
      refused(() => post(params({ To: '+13035559999' })), 403, /no Showroom dealer group/),
    );
    test.skipIf(skip)('to a store whose dealer group has not connected Twilio: 403', async () => {
      const unconnected = await seedTenant(world.cloud.db, 'Unconnected Motors');
      await world.cloud.db.query(
        `UPDATE stores SET row = row || '{"textingNumber": "+13035550177"}'::jsonb
         WHERE tenant_id = $1 AND id = $2`,
        [unconnected.tenantId, unconnected.stores[0].id],
      );
      const before = await snapshot(world.cloud.db, unconnected.tenantId);
      await refused(() => post(params({ To: '+13035550177' })), 403, /no Showroom dealer group/);
      expect(await snapshot(world.cloud.db, unconnected.tenantId)).toEqual(before);
    });
    test.skipIf(skip)('no MessageSid: 400', () =>
      refused(() => post(params({ MessageSid: undefined })), 400, /MessageSid/),
    );
    test.skipIf(skip)('a From that is not a phone number: 400', () =>
      refused(
        () => post(params({ From: 'not a phone' })),
        400,
        /From: "not a phone" is not a phone number/,
      ),
    );
    test.skipIf(skip)('NumMedia without its MediaUrl: 400', () =>
      refused(
        () => post(params({ NumMedia: '1' })),
        400,
        /MediaUrl0 and MediaContentType0 are required/,
      ),
    );
    test.skipIf(skip)('more than 10 attachments: 400', () =>
      refused(() => post(params({ NumMedia: '11' })), 400, /NumMedia/),
    );
  });
});
