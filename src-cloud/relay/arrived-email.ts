import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment, type Headers } from 'mailparser';
import { SmtpRefusal } from './smtp-refusal';

/** What the relay reads of an email, parsed once whatever the recipients. */
export interface ArrivedEmail {
  raw: Buffer;
  /** Its Message-ID without angle brackets; one made from its bytes when it has none. */
  headerMessageId: string;
  /** In-Reply-To then References, without angle brackets. */
  references: string[];
  subject: string;
  fromAddress: string | null;
  fromName: string | null;
  text: string;
  contentType: string;
  headers: Headers;
  attachments: Attachment[];
}

/** At most this many characters of HTML are turned into text (the rest is history anyway). */
const MAX_HTML = 2 * 1024 * 1024;

/**
 * Parses the raw source with mailparser. It reads broken MIME leniently; what it cannot read at
 * all is refused with 554 so the sender learns it, and nothing is written.
 */
export async function parseArrivedEmail(raw: Buffer): Promise<ArrivedEmail> {
  let parsed;
  try {
    parsed = await simpleParser(raw, {
      maxHtmlLengthToParse: MAX_HTML,
      // The thread shows text only: no HTML version of the text, no links made clickable.
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
  } catch {
    throw new SmtpRefusal(554, '5.6.0 the message could not be read as MIME');
  }
  const from = firstAddress(parsed.from);
  const contentType = parsed.headers.get('content-type');
  return {
    raw,
    headerMessageId:
      bare(parsed.messageId ?? '') ||
      `sha256-${createHash('sha256').update(raw).digest('hex').slice(0, 40)}`,
    references: [parsed.inReplyTo ?? '', ...listOf(parsed.references)]
      .flatMap((value) => value.split(/\s+/))
      .map(bare)
      .filter((id) => id.length > 0 && id.length <= 998),
    subject: oneLine(parsed.subject ?? ''),
    fromAddress: from?.address?.toLowerCase() ?? null,
    fromName: from?.name ? oneLine(from.name) || null : null,
    text: parsed.text ?? '',
    contentType:
      typeof contentType === 'object' && contentType !== null && 'value' in contentType
        ? String(contentType.value)
        : 'text/plain',
    headers: parsed.headers,
    attachments: parsed.attachments,
  };
}

function firstAddress(from: AddressObject | AddressObject[] | undefined) {
  const object = Array.isArray(from) ? from[0] : from;
  return object?.value[0] ?? null;
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `<id@host>` -> `id@host`. */
function bare(id: string): string {
  return id
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim();
}

/** Headers are shown and reused as one line: no CR, LF or other control characters. */
export function oneLine(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
