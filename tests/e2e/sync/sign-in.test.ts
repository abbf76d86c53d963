/**
 * The first-run sign-in screen on a fresh PC (a browser host with no local demo and an empty
 * data folder), and the mistakes it catches before or without a cloud: an address that is not
 * one, a cloud that does not answer. The wrong password, which needs a cloud to refuse it, is in
 * two-agents.test.ts.
 *
 * Needs no `npm run build` (support/build-renderer.ts builds the renderer when stale).
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src-shared/demo';
import { startDesktops, type Desktop, type Desktops } from '../support/synced-desktops';

describe('the sign-in screen of a fresh PC', () => {
  let fx: Desktops;
  let pc: Desktop;

  beforeAll(async () => {
    fx = await startDesktops(1);
    [pc] = fx.desktops as [Desktop];
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('opens on "Sign in to your dealership", with "Try it on this PC" beside it', async () => {
    await pc.signIn.waitUntilShown();
    await pc.page.getByRole('heading', { name: 'Sign in to your dealership' }).waitFor();
    await pc.page.getByRole('button', { name: 'Try it on this PC' }).waitFor();
    expect(await pc.page.getByTestId('signed-in-as').count()).toBe(0);
  });

  it('says which fields are missing, beside each, and does not send the form', async () => {
    await pc.signIn.submit({ cloudUrl: 'http://', email: 'not-an-email', password: '' });
    const errors = pc.page.getByTestId('field-error');
    await errors.nth(2).waitFor();
    const texts = await errors.allTextContents();
    expect(texts[0]).toMatch(/address/i);
    expect(texts[1]).toMatch(/email/i);
    expect(texts[2]).toMatch(/password/i);
    for (const label of ['Cloud address', 'Email', 'Password']) {
      const field = pc.page.getByLabel(label, { exact: true });
      expect(await field.getAttribute('aria-invalid'), label).toBe('true');
    }
    // The first wrong field has the focus, as after any form a person has to fix.
    await pc.page
      .getByLabel('Cloud address', { exact: true })
      .and(pc.page.locator(':focus'))
      .waitFor();
    expect(await pc.page.getByTestId('sign-in-error').count()).toBe(0);
  });

  it('a cloud that does not answer is named inline, with the address that was tried', async () => {
    const closedPort = await freePort();
    await pc.signIn.submit({
      cloudUrl: `http://127.0.0.1:${closedPort}`,
      email: 'agent1@demo.test',
      password: DEMO_PASSWORD,
    });
    expect(await pc.signIn.errorText()).toContain(`127.0.0.1:${closedPort}`);
    await pc.page.getByTestId('sign-in-screen').waitFor();
    expect(await pc.page.getByTestId('field-error').count()).toBe(0);
  });
});

/** A port nothing listens on: bound, read, released. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
