import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { twilioAccountProblem } from '../../../src-cloud/twilio/account';
import { twilioClient } from '../../../src-cloud/twilio/client';

const account = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'b'.repeat(32) };
const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sid: `SM${'c'.repeat(32)}`, status: 'queued' }));
  });
});
let origin = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("sends the SDK's own request to the configured origin, with the account's credentials", async () => {
  const client = twilioClient(account, origin);
  const message = await client.messages.create({
    to: '+13035550100',
    from: '+13035550199',
    body: 'Hi',
  });
  expect(message.sid).toBe(`SM${'c'.repeat(32)}`);
  expect(seen).toHaveLength(1);
  expect(seen[0]!.method).toBe('POST');
  expect(seen[0]!.url).toBe(`/2010-04-01/Accounts/${account.accountSid}/Messages.json`);
  const basic = Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64');
  expect(seen[0]!.auth).toBe(`Basic ${basic}`);
  expect(new URLSearchParams(seen[0]!.body).get('To')).toBe('+13035550100');
});

it('names what is wrong with credentials that are not shaped like Twilio ones', () => {
  expect(twilioAccountProblem(account)).toBeNull();
  expect(twilioAccountProblem({ ...account, accountSid: 'AC123' })).toMatch(/^accountSid/);
  expect(twilioAccountProblem({ ...account, authToken: 'x' })).toMatch(/^authToken/);
});
