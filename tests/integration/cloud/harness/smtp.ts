import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { SmtpSettings } from '../../../../src-cloud/email/mailer';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives, for tests to wait on. */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  private waiters: (() => void)[] = [];
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          for (const wake of this.waiters.splice(0)) wake();
          callback();
        });
      },
    });
  }

  /** On `port` (a mail server coming back where the cloud expects it), or any free one. */
  static async start(port = 0): Promise<TestSmtp> {
    const smtp = new TestSmtp();
    await new Promise<void>((resolve) => smtp.server.listen(port, '127.0.0.1', resolve));
    return smtp;
  }

  get settings(): SmtpSettings {
    const { port } = this.server.server.address() as AddressInfo;
    return { host: '127.0.0.1', port, secure: false, user: null, password: null };
  }

  /** The next mail to `address` (one already received counts), removed from the list. */
  async mailTo(address: string): Promise<ReceivedMail> {
    for (;;) {
      const index = this.received.findIndex((mail) => mail.to.includes(address));
      if (index >= 0) return this.received.splice(index, 1)[0] as ReceivedMail;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
