import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TwilioAccount } from '../../../src-cloud/twilio/account';

/** A file the storage host serves, with the type it claims. */
export interface HostedFile {
  contentType: string;
  bytes: Buffer;
}

/** What one host saw of a request: the path and the Authorization header, if any. */
export interface SeenRequest {
  path: string;
  authorization: string | null;
}

/**
 * Twilio's media, as Twilio serves it: `api` (the API origin) answers
 * /2010-04-01/Accounts/AC.../Messages/MM.../Media/ME... only with HTTP Basic of the account
 * (401 otherwise) and redirects (307) to `storage`, another port, which serves the bytes
 * without asking for anything. A gate lets a test hold the storage answer back.
 */
export class TwilioMediaHost {
  readonly apiSeen: SeenRequest[] = [];
  readonly storageSeen: SeenRequest[] = [];
  private readonly files = new Map<string, HostedFile>();
  private gate: Promise<void> = Promise.resolve();

  private constructor(
    private readonly account: TwilioAccount,
    private readonly api: Server,
    private readonly storage: Server,
  ) {}

  static async start(account: TwilioAccount): Promise<TwilioMediaHost> {
    let host: TwilioMediaHost | null = null;
    const api = createServer((req, res) => host?.answerApi(req, res));
    const storage = createServer((req, res) => void host?.answerStorage(req, res));
    await Promise.all([listen(api), listen(storage)]);
    host = new TwilioMediaHost(account, api, storage);
    return host;
  }

  get apiOrigin(): string {
    return `http://127.0.0.1:${(this.api.address() as AddressInfo).port}`;
  }

  private get storageOrigin(): string {
    return `http://127.0.0.1:${(this.storage.address() as AddressInfo).port}`;
  }

  /** Hosts a file; answers the MediaUrl Twilio would post for it. */
  add(name: string, file: HostedFile): string {
    this.files.set(name, file);
    const sid = this.account.accountSid;
    return `${this.apiOrigin}/2010-04-01/Accounts/${sid}/Messages/MM${'0'.repeat(32)}/Media/${name}`;
  }

  /** Holds every storage answer until the returned function is called. */
  hold(): () => void {
    let release = () => {};
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      release();
      this.gate = Promise.resolve();
    };
  }

  private answerApi(req: IncomingMessage, res: ServerResponse) {
    const path = req.url ?? '';
    this.apiSeen.push({ path, authorization: req.headers.authorization ?? null });
    const expected = `Basic ${Buffer.from(`${this.account.accountSid}:${this.account.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Twilio API"' }).end();
      return;
    }
    const name = path.split('/').pop() ?? '';
    if (!this.files.has(name)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(307, { location: `${this.storageOrigin}/media-bucket/${name}?Signature=x` })
      .end();
  }

  private async answerStorage(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '', this.storageOrigin);
    this.storageSeen.push({ path: url.pathname, authorization: req.headers.authorization ?? null });
    await this.gate;
    const file = this.files.get(url.pathname.split('/').pop() ?? '');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length });
    res.end(file.bytes);
  }

  async stop(): Promise<void> {
    await Promise.all([close(this.api), close(this.storage)]);
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A small valid PNG (1x1, transparent). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
