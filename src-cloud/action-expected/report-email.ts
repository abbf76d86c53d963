import { leadDisplayName } from '../../src-shared/domain/lead';
import { formatStoreTime } from '../../src-shared/domain/store-time';
import type { Store } from '../../src-shared/domain/tenant';
import type { OutgoingEmail } from '../email/mailer';
import type { AwaitingLead } from './awaiting-leads';

export interface ReportFacts {
  store: Pick<Store, 'name' | 'timeZone'>;
  /** The store day the report is for ("2026-11-21"). */
  day: string;
  rows: AwaitingLead[];
  /** How many await a reply in all (rows may be cut at REPORT_MAX_ROWS). */
  total: number;
  now: number;
}

/** Header values on one line: a store named with a line break cannot add a header. */
const oneLine = (text: string) => text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();

function waited(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

interface Line {
  customer: string;
  contact: string;
  source: string;
  since: string;
  agent: string;
  preview: string;
}

function lineOf(row: AwaitingLead, facts: ReportFacts): Line {
  const { lead } = row;
  const since = lead.awaitingSince ?? facts.now;
  return {
    customer: leadDisplayName(lead),
    contact: [lead.phones[0]?.number, lead.email].filter(Boolean).join(', '),
    source: lead.lastChannel ? `${lead.source} (${lead.lastChannel})` : lead.source,
    since: `${formatStoreTime(since, facts.store.timeZone)} (${waited(facts.now - since)})`,
    agent: row.agentName ?? 'Unassigned',
    preview: lead.lastMessagePreview ?? '',
  };
}

/**
 * The nightly Action Expected email (DESIGN §9): every conversation of the store whose customer
 * awaits a reply. Plain text, plus an HTML version in which everything a customer or a user
 * typed is escaped.
 */
export function actionExpectedEmail(facts: ReportFacts): Omit<OutgoingEmail, 'to'> {
  const lines = facts.rows.map((row) => lineOf(row, facts));
  const store = oneLine(facts.store.name);
  const count = facts.total === 1 ? '1 conversation awaits' : `${facts.total} conversations await`;
  const heading = `${count} a reply at ${store} (${facts.day})`;
  const more = facts.total - lines.length;
  const text = [
    `Action Expected: ${heading}.`,
    '',
    ...(lines.length === 0 ? ['No customer is waiting for a reply. Well done.'] : []),
    ...lines.flatMap((line, i) => [
      `${i + 1}. ${line.customer}${line.contact ? ` <${line.contact}>` : ''}`,
      `   Source: ${line.source}`,
      `   Waiting since: ${line.since}`,
      `   Assigned to: ${line.agent}`,
      `   Last message: ${line.preview.replace(/\s+/g, ' ')}`,
      '',
    ]),
    ...(more > 0 ? [`... and ${more} more: see the Awaiting Response folder.`] : []),
  ].join('\n');
  return {
    subject: oneLine(`Action Expected: ${heading}`),
    text,
    html: htmlOf(heading, lines, more),
  };
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function htmlOf(heading: string, lines: Line[], more: number): string {
  const cells = (line: Line) =>
    [
      escapeHtml(line.customer) +
        (line.contact ? `<br><small>${escapeHtml(line.contact)}</small>` : ''),
      ...[line.source, line.since, line.agent, line.preview].map(escapeHtml),
    ]
      .map((cell) => `<td>${cell}</td>`)
      .join('');
  const table =
    lines.length === 0
      ? '<p>No customer is waiting for a reply.</p>'
      : `<table border="1" cellpadding="4" cellspacing="0"><thead><tr><th>Customer</th><th>Source</th><th>Waiting since</th><th>Assigned to</th><th>Last message</th></tr></thead><tbody>${lines
          .map((line) => `<tr>${cells(line)}</tr>`)
          .join('')}</tbody></table>`;
  const tail = more > 0 ? `<p>... and ${more} more: see the Awaiting Response folder.</p>` : '';
  return `<!doctype html><html><body><h1>Action Expected</h1><p>${escapeHtml(heading)}.</p>${table}${tail}</body></html>`;
}
