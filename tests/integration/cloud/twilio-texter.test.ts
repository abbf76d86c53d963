import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKENDS } from './harness/test-cloud';
import { startTextingWorld, STORE_TEXTING_NUMBER, type TextingWorld } from './harness/texting';

/** The cloud's own texts (missed-lead alerts) go out through Twilio once a store can text. */
describe.each(BACKENDS)("the cloud's texting port on $backend", ({ backend, skip }) => {
  let world: TextingWorld;

  beforeAll(async () => {
    if (skip) return;
    world = await startTextingWorld(backend);
  });
  afterAll(async () => world?.stop());

  test.skipIf(skip)(
    "an alert goes out from the store's texting number, on its account",
    async () => {
      await world.cloud.services.texter.send({
        from: STORE_TEXTING_NUMBER,
        to: '+13035550190',
        body: 'Missed lead: Unknown, texted 2 min ago',
      });
      expect(world.standIn.sent.at(-1)).toMatchObject({
        accountSid: world.account.accountSid,
        from: STORE_TEXTING_NUMBER,
        to: '+13035550190',
        body: 'Missed lead: Unknown, texted 2 min ago',
      });
      expect(world.standIn.violations).toEqual([]);
    },
  );

  test.skipIf(skip)(
    'a store with no texting number sends nothing (it is logged instead)',
    async () => {
      const requests = world.standIn.requests.length;
      await world.cloud.services.texter.send({ from: null, to: '+13035550190', body: 'x' });
      await world.cloud.services.texter.send({
        from: '+13035550999',
        to: '+13035550190',
        body: 'x',
      });
      expect(world.standIn.requests.length).toBe(requests);
    },
  );
});
