import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Lead } from '../../../../src-shared/domain/lead';
import { storeContacts } from '../../../../src-shared/domain/store-contacts';
import type { Store } from '../../../../src-shared/domain/tenant';
import { instantOfWallTime } from '../../../../src-shared/domain/zoned-time';
import type { Db } from '../../../../src-cloud/db/db';
import type { SmtpSettings } from '../../../../src-cloud/email/mailer';
import { updateStore } from '../offers-fixture';

/** "2026-11-20 21:00" on the clocks of `timeZone`, as an instant. */
export function at(dateTime: string, timeZone: string): number {
  const [date = '', time = ''] = dateTime.split(' ');
  const found = instantOfWallTime({ date, time }, timeZone);
  if (!found.ok) throw new Error(found.reason);
  return found.instant;
}

/** The store in `timeZone`, reporting at `hour` to `emails`. */
export function reportingStore(
  db: Db,
  store: Store,
  timeZone: string,
  emails: string[],
  hour = 21,
): Promise<Store> {
  return updateStore(db, store, {
    timeZone,
    contacts: storeContacts({
      smsNotificationNumber: null,
      salesLeadEmails: [],
      actionExpectedEmails: emails,
      actionExpectedHour: hour,
    }),
  });
}

export interface ReadMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on 127.0.0.1 that refuses every recipient while `failing` is set. */
export class ReportInbox {
  readonly received: ReadMail[] = [];
  failing = false;
  private readonly pending: Promise<void>[] = [];
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (!this.failing) return callback();
        callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
      },
      onData: (stream, session, callback) => {
        const parsed = simpleParser(stream).then((mail) => {
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
        });
        this.pending.push(parsed);
        parsed.then(() => callback(), callback);
      },
    });
  }

  static async start(): Promise<ReportInbox> {
    const inbox = new ReportInbox();
    await new Promise<void>((resolve) => inbox.server.listen(0, '127.0.0.1', resolve));
    return inbox;
  }

  get settings(): SmtpSettings {
    const { port } = this.server.server.address() as AddressInfo;
    return { host: '127.0.0.1', port, secure: false, user: null, password: null };
  }

  /** The mails received so far to `address`. */
  to(address: string): ReadMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export const named = (lead: Lead) => `${lead.firstName} ${lead.lastName}`;
