import { v7 as uuidv7 } from 'uuid';
import { vi } from 'vitest';
import type { Message } from '../../../../src-shared/domain/conversation';
import type { Lead } from '../../../../src-shared/domain/lead';
import type { TwilioAccount } from '../../../../src-cloud/twilio/account';
import { TwilioStandIn } from '../../../support/twilio/stand-in';
import type { Api } from './api';
import { rowOf } from './rows';
import { insertLead, seedTenant, type SeededTenant } from './seed';
import { startTestCloud, type Backend, type TestCloud } from './test-cloud';
import { connectTwilio } from './twilio';

export const STORE_TEXTING_NUMBER = '+13035550142';

export interface TextingWorld {
  standIn: TwilioStandIn;
  cloud: TestCloud;
  acme: SeededTenant;
  account: TwilioAccount;
  stop(): Promise<void>;
}

/**
 * A cloud whose Twilio API is a stand-in, with a seeded dealer group connected to it: store 0
 * texts from STORE_TEXTING_NUMBER, store 1 has no texting number. The sender polls fast and
 * retries after 20 ms, so a test waits on outcomes, not on timers.
 */
export async function startTextingWorld(
  backend: Backend,
  logStream?: NodeJS.WritableStream,
): Promise<TextingWorld> {
  const standIn = await TwilioStandIn.start();
  const cloud = await startTestCloud(
    backend,
    { twilioApiOrigin: standIn.origin, ...(logStream && { logLevel: 'debug' }) },
    { smsSender: { pollMs: 25, retry: { firstDelayMs: 20 } }, ...(logStream && { logStream }) },
  );
  const acme = await seedTenant(cloud.db, 'Acme');
  const account = await connectTwilio(cloud, acme.tenantId, acme.stores[0].id, {
    textingNumber: STORE_TEXTING_NUMBER,
  });
  standIn.addAccount(account);
  return {
    standIn,
    cloud,
    acme,
    account,
    async stop() {
      await cloud.stop();
      await standIn.close();
    },
  };
}

let phones = 0;

/** A lead with a phone number of its own, so sends to it can be told apart (and failed). */
export function newTextingLead(
  world: TextingWorld,
  changes: Partial<Lead> = {},
  store = 0,
): Promise<Lead> {
  const number = `+1303555${String(2000 + (++phones % 8000)).padStart(4, '0')}`;
  return insertLead(
    world.cloud.db,
    world.acme.tenantId,
    world.acme.stores[store === 0 ? 0 : 1].id,
    {
      phones: [{ number, type: 'mobile' }],
      ...changes,
    },
  );
}

/** An agent's text, as the composer sends it; resolves to the new message's id. */
export async function sendText(
  api: Api,
  leadId: string,
  body: string,
  media: Message['media'] = [],
): Promise<string> {
  const messageId = uuidv7();
  const { result } = await api.mutate('sendMessage', {
    leadId,
    messageId,
    channel: 'sms',
    body,
    media,
    scheduledAt: null,
  });
  if (result?.status !== 'ok') throw new Error(`sendMessage: ${JSON.stringify(result)}`);
  return messageId;
}

/** The message once `done` says it is what the test waits for. */
export async function messageWhen(
  world: TextingWorld,
  messageId: string,
  done: (message: Message) => boolean,
): Promise<Message> {
  return vi.waitFor(
    async () => {
      const message = await rowOf(world.cloud.db, 'messages', messageId);
      if (!message || !done(message)) throw new Error(`message is ${JSON.stringify(message)}`);
      return message;
    },
    { timeout: 10_000, interval: 20 },
  );
}

/** The send attempt's bookkeeping row: 'done' once the outcome is on the message. */
export async function sendStateOf(world: TextingWorld, messageId: string): Promise<string | null> {
  const [row] = await world.cloud.db.query<{ state: string }>(
    'SELECT state FROM sms_sends WHERE message_id = $1',
    [messageId],
  );
  return row?.state ?? null;
}
