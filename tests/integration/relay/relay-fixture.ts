import nodemailer from 'nodemailer';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Message } from '../../../src-shared/domain/conversation';
import type { User } from '../../../src-shared/domain/user';
import type { Db } from '../../../src-cloud/db/db';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';

export const RELAY_DOMAIN = 'relay.acme.test';

/** A customer's (or an agent's) mail program, sending into the cloud's SMTP listener. */
export function mailProgram(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}

/** The SMTP error a send was refused with (its code and text), or null when it was taken. */
export async function refusalOf(
  send: Promise<unknown>,
): Promise<{ responseCode: number; response: string } | null> {
  try {
    await send;
    return null;
  } catch (error) {
    const smtp = error as { responseCode?: number; response?: string };
    return { responseCode: smtp.responseCode ?? 0, response: smtp.response ?? String(error) };
  }
}

/** Polls the database until `read` gives something `done` accepts (state, never a clock). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function messagesOf(db: Db, leadId: string): Promise<Message[]> {
  const rows = await db.query<{ row: Message }>(
    'SELECT row FROM messages WHERE lead_id = $1 AND NOT deleted ORDER BY version',
    [leadId],
  );
  return rows.map((r) => r.row);
}

export async function messageRow(db: Db, id: string): Promise<Message | null> {
  const [found] = await db.query<{ row: Message }>(
    'SELECT row FROM messages WHERE id = $1 AND NOT deleted',
    [id],
  );
  return found?.row ?? null;
}

export async function relayTokenOf(db: Db, leadId: string): Promise<string> {
  const [found] = await db.query<{ token: string }>(
    'SELECT token FROM relay_addresses WHERE lead_id = $1',
    [leadId],
  );
  if (!found) throw new Error(`no relay address for ${leadId}`);
  return found.token;
}

export async function offersOf(db: Db, leadId: string): Promise<{ status: string }[]> {
  return db.query('SELECT status FROM offers WHERE lead_id = $1', [leadId]);
}

export async function setPreferences(db: Db, user: User, copyMeOnEmails: boolean): Promise<void> {
  await writeInTenant(db, user.tenantId, (_tx, write) =>
    write.update('users', { ...user, preferences: { ...user.preferences, copyMeOnEmails } }),
  );
}

export function parse(raw: string): Promise<ParsedMail> {
  return simpleParser(raw);
}

/** The header block of a raw email (up to the first blank line). */
export function headerBlock(raw: string): string {
  return raw.split(/\r?\n\r?\n/)[0] ?? '';
}
