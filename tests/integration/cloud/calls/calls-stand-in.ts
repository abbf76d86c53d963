import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TwilioAccount } from '../../../../src-cloud/twilio/account';

/** One Calls.json request as the stand-in received it. */
export interface PlacedCall {
  accountSid: string;
  form: URLSearchParams;
}

/**
 * A minimal stand-in for Twilio's Calls API (until tests/support/twilio/stand-in.ts lands): it
 * checks what the SDK sends as Twilio would (path, POST, Basic auth of a known account, the
 * required To and From, instructions in Url, Twiml or ApplicationSid, and the form fields this
 * feature relies on) and answers 201 with a call resource, or Twilio's error body.
 */
export class CallsStandIn {
  readonly placed: PlacedCall[] = [];
  readonly problems: string[] = [];
  /** Set: the next create is refused with this Twilio error (400). */
  refuseNext: { code: number; message: string } | null = null;
  private readonly accounts = new Map<string, string>();
  private server: Server | null = null;
  origin = '';
  private calls = 0;

  know(account: TwilioAccount): void {
    this.accounts.set(account.accountSid, account.authToken);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.answer(request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async answer(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    let text = '';
    for await (const chunk of request) text += (chunk as Buffer).toString();
    const path = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Calls\.json$/.exec(request.url ?? '');
    const refuse = (status: number, code: number, message: string) => {
      this.problems.push(message);
      return { status, body: { code, message, more_info: '', status } };
    };
    if (!path || request.method !== 'POST') {
      return refuse(404, 20404, `${request.method} ${request.url} is not the Calls resource`);
    }
    const accountSid = path[1] as string;
    const basic = Buffer.from(`${accountSid}:${this.accounts.get(accountSid) ?? ''}`).toString(
      'base64',
    );
    if (!this.accounts.has(accountSid) || request.headers.authorization !== `Basic ${basic}`) {
      return refuse(401, 20003, 'Authenticate');
    }
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      return refuse(400, 21000, 'expected a form');
    }
    const form = new URLSearchParams(text);
    for (const field of ['To', 'From']) {
      if (!form.get(field)) return refuse(400, 21201, `No '${field}' number is specified`);
    }
    if (!form.get('Url') && !form.get('Twiml') && !form.get('ApplicationSid')) {
      return refuse(400, 21205, 'Url, Twiml or ApplicationSid is required');
    }
    for (const url of [form.get('Url'), form.get('StatusCallback')]) {
      if (url !== null && !/^https?:\/\//.test(url)) return refuse(400, 21205, `bad URL ${url}`);
    }
    if (this.refuseNext) {
      const { code, message } = this.refuseNext;
      this.refuseNext = null;
      return { status: 400, body: { code, message, more_info: '', status: 400 } };
    }
    this.placed.push({ accountSid, form });
    const sid = `CA${(++this.calls).toString(16).padStart(32, '0')}`;
    return {
      status: 201,
      body: {
        sid,
        account_sid: accountSid,
        to: form.get('To'),
        from: form.get('From'),
        status: 'queued',
        direction: 'outbound-api',
        uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`,
      },
    };
  }
}
