/**
 * A customer's new message reaches the desktop of the agent whose lead it is as a notification
 * (issues 5 and 6): posted to a real cloud, poked over /v1/live, pulled, and told through the
 * desktop's Notifier. The same store's other agent, whose lead it is not, hears nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURE_LEAD } from '../../../src-shared/demo/leads/fixture';
import { Api } from '../cloud/harness/api';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { AGENT1, AGENT2, DEMO_PASSWORD, MANAGER, startDemoCloud } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';

let cloud: TestCloud;
let manager: Api;
let dana: Desktop; // agent1: Dana Whitfield's lead is theirs
let other: Desktop; // agent2: same store, not their lead
/** Written a moment before anyone signed in: history to the first sync, however recent. */
let beforeSignIn: string;
beforeAll(async () => {
  cloud = await startDemoCloud();
  manager = await new Api(cloud.url).login(MANAGER, DEMO_PASSWORD);
  beforeSignIn = await customerWrites('sms', 'Hello? Anyone there?');
  dana = await signedIn(AGENT1);
  other = await signedIn(AGENT2);
});
afterAll(async () => {
  await dana?.close();
  await other?.close();
  await cloud?.stop();
});

async function signedIn(email: string): Promise<Desktop> {
  const desktop = startDesktop();
  await desktop.call('signIn', { cloudUrl: cloud.url, email, password: DEMO_PASSWORD });
  await desktop.connection((c) => c.state === 'online');
  return desktop;
}

/** Posts a customer's message to the cloud as a channel webhook would; answers its id. */
async function customerWrites(channel: 'sms' | 'email', body: string): Promise<string> {
  const from =
    channel === 'sms' ? { phone: DEMO_FIXTURE_LEAD.phone } : { email: DEMO_FIXTURE_LEAD.email };
  const answer = await manager.post('/v1/inbound', {
    storeId: DEMO_FIXTURE_LEAD.storeId,
    channel,
    from,
    body,
  });
  expect(answer.status).toBe(200);
  expect(answer.body.leadId).toBe(DEMO_FIXTURE_LEAD.id);
  return answer.body.messageId as string;
}

/** Resolves once `desktop` has the message in its replica (it pulled the page). */
async function pulledMessage(desktop: Desktop, messageId: string): Promise<void> {
  await desktop.until(async () => {
    const thread = await desktop.call('getThread', {
      leadId: DEMO_FIXTURE_LEAD.id,
      before: null,
      limit: 20,
    });
    return thread.items.some((item) => item.kind === 'message' && item.message.id === messageId);
  });
}

describe("a customer's new message on a lead", () => {
  test('signing in brings the history, a message of a moment ago too, without a notification', async () => {
    await pulledMessage(dana, beforeSignIn);
    expect(dana.ports.notifier.toasts).toEqual([]);
    expect(other.ports.notifier.toasts).toEqual([]);
  });

  test("a text reaches the assigned agent's notifier, once, and a click opens the lead", async () => {
    const messageId = await customerWrites('sms', 'Is the Tacoma still available?');
    await pulledMessage(dana, messageId);
    await pulledMessage(other, messageId);
    expect(dana.ports.notifier.toasts).toEqual([
      expect.objectContaining({
        title: `New text from ${DEMO_FIXTURE_LEAD.name}`,
        body: 'Is the Tacoma still available?',
      }),
    ]);
    expect(other.ports.notifier.toasts).toEqual([]);

    const opened: string[] = [];
    const stop = dana.core.on('openLead', ({ leadId }) => opened.push(leadId));
    dana.ports.notifier.toasts[0]?.onClick?.();
    stop();
    expect(opened).toEqual([DEMO_FIXTURE_LEAD.id]);
    expect(dana.ports.shell.calls).toContainEqual({ kind: 'showConsole' });
  });

  test('an email is told as an email', async () => {
    dana.ports.notifier.toasts.length = 0;
    const messageId = await customerWrites('email', 'Sending the trade-in photos tonight.');
    await pulledMessage(dana, messageId);
    expect(dana.ports.notifier.toasts.map(({ title, body }) => ({ title, body }))).toEqual([
      {
        title: `New email from ${DEMO_FIXTURE_LEAD.name}`,
        body: 'Sending the trade-in photos tonight.',
      },
    ]);
    expect(other.ports.notifier.toasts).toEqual([]);
  });
});
