/**
 * The browser host's test hooks for presence (issue 3): power events, tray choices and hotkeys
 * reach the core, and `GET /__test/shell` says what the shell was asked.
 */
import { afterEach, expect, it } from 'vitest';
import { rawRequest, signIn, startTestHost, type TestHost } from './host-fixture';

let running: TestHost | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});

async function post(port: number, cookie: string, path: string, body: unknown) {
  return rawRequest(port, path, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

it('lock, tray and hotkey hooks drive the core; the shell report says what it was asked', async () => {
  running = await startTestHost();
  const { host } = running;
  const cookie = await signIn(host);

  expect((await post(host.port, cookie, '/__test/power', { event: 'lock-screen' })).status).toBe(
    200,
  );
  expect(await host.core.call('getPresence', {})).toMatchObject({
    ok: true,
    value: { state: 'away', reason: 'locked' },
  });

  await post(host.port, cookie, '/__test/tray', { kind: 'set-presence', state: 'offline' });
  expect(await host.core.call('getPresence', {})).toMatchObject({
    value: { state: 'offline', reason: 'manual' },
  });
  await post(host.port, cookie, '/__test/tray', { kind: 'open-settings' });

  // Nobody is signed in, so there is no lead to open: the console shows and a notice says so.
  expect(
    (await post(host.port, cookie, '/__test/hotkey', { action: 'oldestAwaiting' })).status,
  ).toBe(200);

  const shell = await rawRequest(host.port, '/__test/shell', { headers: { Cookie: cookie } });
  expect(shell.status).toBe(200);
  const report = JSON.parse(shell.body);
  expect(report).toMatchObject({
    // Signed out: the tray says so whatever the presence.
    tray: { state: 'offline', tooltip: 'Offline: signed out', playSounds: true },
    alertsOpen: [],
    screensShown: ['settings'],
    consoleShown: 1,
    hotkeys: {
      acceptOffer: 'CommandOrControl+Shift+A',
      oldestAwaiting: 'CommandOrControl+Shift+W',
    },
  });
});

it('refuses a body it does not understand, naming the problem', async () => {
  running = await startTestHost();
  const { host } = running;
  const cookie = await signIn(host);
  const power = await post(host.port, cookie, '/__test/power', { event: 'explode' });
  expect(power.status).toBe(400);
  expect(power.body).toContain('event');
  const tray = await post(host.port, cookie, '/__test/tray', {
    kind: 'set-presence',
    state: 'busy',
  });
  expect(tray.status).toBe(400);
  expect(tray.body).toContain('state');
  const hotkey = await post(host.port, cookie, '/__test/hotkey', { action: 'launch' });
  expect(hotkey.status).toBe(400);
});
