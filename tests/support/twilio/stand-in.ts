import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TwilioApiDescription, type MatchedOperation } from './api-description';
import { postAsTwilio } from './signed-post';

/**
 * Twilio's REST API for Messages, Media and Calls on 127.0.0.1, for tests and benchmarks: the
 * official SDK talks to it through TWILIO_API_ORIGIN. Every request is checked against Twilio's
 * API description (path, method, Basic auth, form fields); one that does not match is answered
 * with Twilio's error JSON and kept in `violations`, which a test asserts is empty. Sends and
 * calls are recorded; a test can make sends fail, serve MMS media, and post status callbacks
 * signed exactly as Twilio signs them, in any order.
 */
export interface Credentials {
  accountSid: string;
  authToken: string;
}

export interface SentMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  body: string;
  mediaUrls: string[];
  statusCallback: string | null;
  dateCreated: Date;
  status: string;
}

export interface PlacedCall {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  form: Record<string, string>;
  /** The form as sent, repeated fields included (StatusCallbackEvent). */
  params: URLSearchParams;
}

export interface Violation {
  method: string;
  path: string;
  problem: string;
}

/** A send the stand-in refuses: Twilio's error code and HTTP status (a 500: Twilio broke). */
export interface SendFailure {
  status: number;
  code: number;
  message?: string;
  /** The message is created, yet the answer is this error: a reply lost on the way back. */
  createdAnyway?: boolean;
}

interface StoredMedia {
  accountSid: string;
  messageSid: string;
  sid: string;
  contentType: string;
  bytes: Buffer;
}

const API = '/2010-04-01';

export class TwilioStandIn {
  readonly sent: SentMessage[] = [];
  readonly calls: PlacedCall[] = [];
  readonly violations: Violation[] = [];
  /** Every request that reached the stand-in, checked or not: `METHOD path`. */
  readonly requests: string[] = [];
  private readonly description = new TwilioApiDescription();
  private readonly accounts = new Map<string, string>();
  private readonly nextFailures: SendFailure[] = [];
  private readonly failuresTo = new Map<string, SendFailure>();
  private readonly nextCallFailures: SendFailure[] = [];
  private readonly media = new Map<string, StoredMedia>();
  private waiters: (() => void)[] = [];
  private server!: Server;
  origin = '';

  static async start(accounts: Credentials[] = []): Promise<TwilioStandIn> {
    const standIn = new TwilioStandIn();
    for (const account of accounts) standIn.addAccount(account);
    standIn.server = createServer((request, response) => {
      standIn.serve(request, response).catch((error: unknown) => {
        standIn.violations.push({
          method: request.method ?? '',
          path: request.url ?? '',
          problem: `stand-in error: ${String(error)}`,
        });
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.origin = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    return standIn;
  }

  /** Another account whose SID and token the stand-in accepts. */
  addAccount(account: Credentials): void {
    this.accounts.set(account.accountSid, account.authToken);
  }

  /** The next send (whoever sends it) fails so; several calls queue several failures. */
  failNextSend(failure: SendFailure): void {
    this.nextFailures.push(failure);
  }

  /** The next call placed fails so (21215: the number's country is not permitted...). */
  failNextCall(failure: SendFailure): void {
    this.nextCallFailures.push(failure);
  }

  /** Every send to `to` fails so (21610: the recipient unsubscribed; 21211: not a number). */
  failSendsTo(to: string, failure: SendFailure): void {
    this.failuresTo.set(to, failure);
  }

  /** Sends to `to` succeed again. */
  clearFailuresTo(to: string): void {
    this.failuresTo.delete(to);
  }

  /** Resolves once `count` messages were sent in all. */
  async waitForSends(count: number): Promise<SentMessage[]> {
    while (this.sent.length < count) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.sent.slice(0, count);
  }

  /**
   * Media of an inbound MMS as Twilio keeps it: the URL a webhook's MediaUrl0 carries. Fetching
   * it needs the account's Basic auth and answers a redirect to the bytes.
   */
  addMedia(
    accountSid: string,
    contentType: string,
    bytes: Buffer,
  ): { url: string; messageSid: string } {
    const messageSid = sid('MM');
    const mediaSid = sid('ME');
    this.media.set(mediaSid, { accountSid, messageSid, sid: mediaSid, contentType, bytes });
    return {
      messageSid,
      url: `${this.origin}${API}/Accounts/${accountSid}/Messages/${messageSid}/Media/${mediaSid}`,
    };
  }

  /**
   * Posts a status callback for a sent message to the StatusCallback it was given, signed with
   * its account's token: `MessageStatus` and, for failures, `ErrorCode`, as Twilio posts them.
   * `postTo`: where the request really goes when the callback names a public address.
   */
  async postStatus(
    messageSid: string,
    status: string,
    options: { errorCode?: number; postTo?: (url: string) => string } = {},
  ): Promise<Response> {
    const message = this.sent.find((m) => m.sid === messageSid);
    if (!message?.statusCallback) throw new Error(`no status callback for ${messageSid}`);
    const authToken = this.accounts.get(message.accountSid) ?? '';
    const params: Record<string, string> = {
      AccountSid: message.accountSid,
      ApiVersion: '2010-04-01',
      From: message.from ?? '',
      To: message.to,
      MessageSid: message.sid,
      SmsSid: message.sid,
      MessageStatus: status,
      SmsStatus: status,
      ...(options.errorCode !== undefined && { ErrorCode: String(options.errorCode) }),
    };
    return postAsTwilio({
      signedUrl: message.statusCallback,
      postTo: options.postTo?.(message.statusCallback) ?? message.statusCallback,
      params,
      authToken,
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const method = request.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}`);
    const raw = await readBody(request);

    const content = /^\/media-content\/(ME[0-9a-f]{32})$/.exec(url.pathname);
    if (content && method === 'GET') return this.serveMediaBytes(content[1] ?? '', response);

    const account = this.authorised(request, url.pathname);
    if (account === null) {
      return this.refuse(response, method, url.pathname, 401, 20003, 'Authenticate');
    }
    // The media's content has no .json: it is the one address outside the description.
    const mediaContent =
      /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\/((?:MM|SM)[0-9a-fA-F]{32})\/Media\/(ME[0-9a-fA-F]{32})$/.exec(
        url.pathname,
      );
    if (mediaContent && method === 'GET') {
      const stored = this.media.get(mediaContent[3] ?? '');
      if (!stored || stored.accountSid !== account || stored.messageSid !== mediaContent[2]) {
        return this.refuse(
          response,
          method,
          url.pathname,
          404,
          20404,
          'The requested resource was not found',
        );
      }
      response.writeHead(302, { location: `${this.origin}/media-content/${stored.sid}` }).end();
      return;
    }

    const contentType = request.headers['content-type'] ?? '';
    if (method === 'POST' && !contentType.startsWith('application/x-www-form-urlencoded')) {
      return this.refuse(
        response,
        method,
        url.pathname,
        400,
        21601,
        `a POST must be a form, not ${contentType}`,
      );
    }
    const form = new URLSearchParams(method === 'POST' ? raw : '');
    const checked = this.description.check(method, url.pathname, url.searchParams, form);
    if (!checked.ok) {
      return this.refuse(
        response,
        method,
        url.pathname,
        checked.status,
        checked.code,
        checked.message,
      );
    }
    if (checked.operation.params.AccountSid !== account) {
      return this.refuse(
        response,
        method,
        url.pathname,
        403,
        20003,
        'the path names another account',
      );
    }
    return this.answer(checked.operation, url, form, response);
  }

  private answer(
    operation: MatchedOperation,
    url: URL,
    form: URLSearchParams,
    response: ServerResponse,
  ): void {
    const account = operation.params.AccountSid ?? '';
    const key = `${operation.method} ${operation.template.replace(`${API}/Accounts/{AccountSid}`, '')}`;
    switch (key) {
      case 'post /Messages.json':
        return this.createMessage(account, form, response);
      case 'get /Messages.json':
        return this.listMessages(account, url, response);
      case 'get /Messages/{Sid}.json': {
        const message = this.sent.find((m) => m.sid === operation.params.Sid);
        if (!message) return json(response, 404, twilioError(404, 20404, 'not found'));
        return json(response, 200, this.messageResource(message));
      }
      case 'post /Calls.json':
        return this.createCall(account, form, response);
      default:
        return json(response, 501, twilioError(501, 20001, `the stand-in does not serve ${key}`));
    }
  }

  private createMessage(account: string, form: URLSearchParams, response: ServerResponse): void {
    const to = form.get('To') ?? '';
    if (!form.has('From') && !form.has('MessagingServiceSid')) {
      return this.refuse(
        response,
        'POST',
        'Messages.json',
        400,
        21603,
        "A 'From' or 'MessagingServiceSid' parameter is required",
      );
    }
    if (!form.has('Body') && !form.has('MediaUrl') && !form.has('ContentSid')) {
      return this.refuse(response, 'POST', 'Messages.json', 400, 21602, 'Message body is required');
    }
    const failure = this.nextFailures.shift() ?? this.failuresTo.get(to);
    const message: SentMessage = {
      sid: sid(form.has('MediaUrl') ? 'MM' : 'SM'),
      accountSid: account,
      to,
      from: form.get('From'),
      body: form.get('Body') ?? '',
      mediaUrls: form.getAll('MediaUrl'),
      statusCallback: form.get('StatusCallback'),
      dateCreated: new Date(),
      status: 'queued',
    };
    if (!failure || failure.createdAnyway) {
      this.sent.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    }
    if (failure) {
      return json(
        response,
        failure.status,
        twilioError(failure.status, failure.code, failure.message ?? `error ${failure.code}`),
      );
    }
    json(response, 201, this.messageResource(message));
  }

  private listMessages(account: string, url: URL, response: ServerResponse): void {
    const to = url.searchParams.get('To');
    const from = url.searchParams.get('From');
    const pageSize = Number(url.searchParams.get('PageSize') ?? 50);
    const messages = this.sent
      .filter((m) => m.accountSid === account && (!to || m.to === to) && (!from || m.from === from))
      .reverse() // most recent first, as Twilio lists them
      .slice(0, pageSize)
      .map((m) => this.messageResource(m));
    const uri = `${API}/Accounts/${account}/Messages.json${url.search}`;
    json(response, 200, {
      messages,
      end: Math.max(messages.length - 1, 0),
      first_page_uri: uri,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri,
    });
  }

  private createCall(account: string, form: URLSearchParams, response: ServerResponse): void {
    if (!form.has('Url') && !form.has('Twiml') && !form.has('ApplicationSid')) {
      return this.refuse(
        response,
        'POST',
        'Calls.json',
        400,
        21205,
        "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required",
      );
    }
    const failure = this.nextCallFailures.shift();
    if (failure) {
      const message = failure.message ?? `error ${failure.code}`;
      return json(response, failure.status, twilioError(failure.status, failure.code, message));
    }
    const call: PlacedCall = {
      sid: sid('CA'),
      accountSid: account,
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      form: Object.fromEntries(form),
      params: form,
    };
    this.calls.push(call);
    const now = rfc2822(new Date());
    json(response, 201, {
      ...nulls(this.description.resourceFields('api.v2010.account.call')),
      sid: call.sid,
      account_sid: account,
      to: call.to,
      from: call.from,
      status: 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: now,
      date_updated: now,
      uri: `${API}/Accounts/${account}/Calls/${call.sid}.json`,
      subresource_uris: {},
    });
  }

  private messageResource(message: SentMessage): Record<string, unknown> {
    const created = rfc2822(message.dateCreated);
    return {
      ...nulls(this.description.resourceFields('api.v2010.account.message')),
      account_sid: message.accountSid,
      api_version: '2010-04-01',
      body: message.body,
      date_created: created,
      date_updated: created,
      date_sent: null,
      direction: 'outbound-api',
      from: message.from,
      to: message.to,
      num_media: String(message.mediaUrls.length),
      num_segments: '1',
      sid: message.sid,
      status: message.status,
      uri: `${API}/Accounts/${message.accountSid}/Messages/${message.sid}.json`,
      subresource_uris: {
        media: `${API}/Accounts/${message.accountSid}/Messages/${message.sid}/Media.json`,
      },
    };
  }

  private serveMediaBytes(mediaSid: string, response: ServerResponse): void {
    const stored = this.media.get(mediaSid);
    if (!stored) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': stored.contentType }).end(stored.bytes);
  }

  /** The account SID whose Basic credentials the request carries, or null. */
  private authorised(request: IncomingMessage, path: string): string | null {
    const header = request.headers.authorization ?? '';
    const [scheme, encoded] = header.split(' ');
    if (scheme !== 'Basic' || !encoded) return null;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const token = this.accounts.get(user);
    if (colon < 0 || token === undefined || token !== password) return null;
    return path.startsWith(API) ? user : null;
  }

  private refuse(
    response: ServerResponse,
    method: string,
    path: string,
    status: number,
    code: number,
    message: string,
  ): void {
    this.violations.push({ method, path, problem: `${status} ${code}: ${message}` });
    json(response, status, twilioError(status, code, message));
  }
}

/** Twilio's error body. */
function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function nulls(fields: string[]): Record<string, null> {
  return Object.fromEntries(fields.map((field) => [field, null]));
}

function sid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Thu, 24 Aug 2023 05:01:45 +0000", as Twilio writes dates. */
export function rfc2822(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
