import type { Transporter } from 'nodemailer';
import type { Message } from '../../src-shared/domain/conversation';
import { leadDisplayName, type Lead } from '../../src-shared/domain/lead';
import type { Store } from '../../src-shared/domain/tenant';
import type { User } from '../../src-shared/domain/user';
import { readMedia } from '../media/media-rows';
import { writeInTenant } from '../sync/tenant-write';
import { composeRelayEmail, replySubject } from './compose-email';
import type { EmailClaim } from './email-sender';
import { ensureRelayToken } from './relay-addresses';
import { relayAddress } from './relay-address';
import { lastCustomerEmail, recordRelayEmail } from './relay-emails';
import type { RelayServices } from './relay-services';

interface Loaded {
  message: Message;
  lead: Lead;
  store: Store;
  author: User | null;
  /** Relayed from the agent's own mailbox: they have it in their Sent folder already. */
  fromAgentMailbox: boolean;
}

/** A reason a claimed email cannot go out: its errorCode (at most 20 characters) and why. */
class Unsendable extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Sends one claimed message: to the lead's email, From "AGENT" <lead-TOKEN@RELAY_DOMAIN> (and
 * Reply-To), our Message-ID, In-Reply-To the customer's last email, a Bcc to the agent unless
 * they turned "copy me" off. The outcome is written through the sync writer: sent with our
 * Message-ID as providerId, or failed with a code and (in email_sends, never synced) a reason.
 */
export async function sendOneEmail(
  services: RelayServices,
  transport: Transporter | null,
  claim: EmailClaim,
): Promise<void> {
  const headerMessageId = `${claim.messageId}@${services.config.relayDomain}`;
  try {
    if (!transport) throw new Unsendable('no_smtp', 'no SMTP server is configured (SMTP_HOST)');
    const loaded = await load(services, claim);
    const email = await compose(services, claim, loaded, headerMessageId);
    const info = (await transport.sendMail(email)) as { rejected?: unknown[] };
    const leadEmail = loaded.lead.email?.toLowerCase();
    if ((info.rejected ?? []).some((to) => String(to).toLowerCase() === leadEmail)) {
      throw new Unsendable('smtp_rejected', 'the SMTP server refused the recipient');
    }
    await finishSent(services, claim, loaded, headerMessageId, String(email.subject));
  } catch (error) {
    const { code, reason } = failureOf(error);
    if (!(error instanceof Unsendable)) {
      services.log.warn({ messageId: claim.messageId, code, reason }, 'email relay: not sent');
    }
    await failEmail(services, claim, code, reason);
  }
}

async function load(services: RelayServices, claim: EmailClaim): Promise<Loaded> {
  const [found] = await services.db.query<{
    message: Message;
    lead: Lead;
    store: Store;
    author: User | null;
    from_agent_mailbox: boolean;
  }>(
    `SELECT m.row AS message, l.row AS lead, s.row AS store, u.row AS author,
       EXISTS (SELECT 1 FROM relay_emails e WHERE e.tenant_id = m.tenant_id
               AND e.message_id = m.id AND e.direction = 'in' AND e.kind = 'agent')
         AS from_agent_mailbox
     FROM messages m
     JOIN leads l ON l.tenant_id = m.tenant_id AND l.id = m.lead_id AND NOT l.deleted
     JOIN stores s ON s.tenant_id = l.tenant_id AND s.id = l.store_id
     LEFT JOIN users u ON u.tenant_id = m.tenant_id AND u.id = m.row ->> 'authorUserId'
     WHERE m.tenant_id = $1 AND m.id = $2 AND NOT m.deleted`,
    [claim.tenantId, claim.messageId],
  );
  if (!found) throw new Unsendable('not_found', 'the message or its lead is gone');
  const { message, lead } = found;
  if (message.status !== 'queued') throw new Unsendable('not_queued', 'no longer queued');
  // The rule lives here too: a lead may have opted out after the message was queued.
  if (lead.status === 'dead' || lead.optedOut) {
    throw new Unsendable('opted_out', `${leadDisplayName(lead)} opted out (Dead)`);
  }
  if (!lead.email) throw new Unsendable('no_address', `${leadDisplayName(lead)} has no email`);
  return {
    message,
    lead,
    store: found.store,
    author: found.author,
    fromAgentMailbox: found.from_agent_mailbox,
  };
}

async function compose(
  services: RelayServices,
  claim: EmailClaim,
  { message, lead, store, author, fromAgentMailbox }: Loaded,
  headerMessageId: string,
) {
  const token = await ensureRelayToken(services.db, claim.tenantId, lead.id, services.now());
  const answered = await lastCustomerEmail(services.db, claim.tenantId, lead.id);
  const copy = author?.preferences.copyMeOnEmails && !fromAgentMailbox ? author.email : null;
  return composeRelayEmail({
    headerMessageId,
    to: {
      name: leadDisplayName(lead) === 'Unknown' ? '' : leadDisplayName(lead),
      address: lead.email ?? '',
    },
    from: {
      name: author?.name ?? store.name,
      address: relayAddress(token, services.config.relayDomain),
    },
    copyTo: copy,
    subject: replySubject(answered?.subject ?? null, store.name),
    text: message.body,
    answers: answered?.headerMessageId ?? null,
    attachments: await attachmentsOf(services, claim.tenantId, message),
  });
}

/** The message's media that are this tenant's stored attachments (GET /v1/media/:id). */
async function attachmentsOf(services: RelayServices, tenantId: string, message: Message) {
  const files = [];
  for (const media of message.media) {
    const id = /\/v1\/media\/([^/?#]+)$/.exec(safePath(media.url))?.[1];
    const stored = id ? await readMedia(services.db, tenantId, decodeURIComponent(id)) : null;
    if (!stored)
      throw new Unsendable('media_missing', `attachment ${media.name} is not stored here`);
    files.push({ filename: stored.name, contentType: stored.contentType, content: stored.bytes });
  }
  return files;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

async function finishSent(
  services: RelayServices,
  claim: EmailClaim,
  loaded: Loaded,
  headerMessageId: string,
  subject: string,
): Promise<void> {
  const now = services.now();
  await writeInTenant(services.db, claim.tenantId, async (tx, write) => {
    const [row] = await tx.query<{ row: Message }>(
      'SELECT row FROM messages WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
      [claim.tenantId, claim.messageId],
    );
    if (row)
      await write.update('messages', { ...row.row, status: 'sent', providerId: headerMessageId });
    await recordRelayEmail(tx, {
      tenantId: claim.tenantId,
      messageId: claim.messageId,
      leadId: loaded.lead.id,
      headerMessageId,
      direction: 'out',
      kind: 'outbound',
      subject,
      raw: null,
      createdAt: now,
    });
    await tx.query(
      `UPDATE email_sends SET state = 'sent', finished_at = $3 WHERE tenant_id = $1 AND message_id = $2`,
      [claim.tenantId, claim.messageId, now],
    );
  });
}

/** Marks the message failed (if it is still queued) and its claim failed, with the reason. */
export async function failEmail(
  services: RelayServices,
  claim: EmailClaim,
  code: string,
  reason: string,
): Promise<void> {
  await writeInTenant(services.db, claim.tenantId, async (tx, write) => {
    const [row] = await tx.query<{ row: Message }>(
      'SELECT row FROM messages WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
      [claim.tenantId, claim.messageId],
    );
    if (row && row.row.status === 'queued') {
      await write.update('messages', {
        ...row.row,
        status: 'failed',
        errorCode: code.slice(0, 20),
      });
    }
    await tx.query(
      `UPDATE email_sends SET state = 'failed', reason = $3, finished_at = $4
       WHERE tenant_id = $1 AND message_id = $2`,
      [claim.tenantId, claim.messageId, reason.slice(0, 500), services.now()],
    );
  });
}

/** An SMTP answer's code names the failure ("smtp_550"); its text is the reason. */
function failureOf(error: unknown): { code: string; reason: string } {
  if (error instanceof Unsendable) return { code: error.code, reason: error.message };
  const smtp = error as { responseCode?: number; code?: string; message?: string };
  const code = smtp.responseCode ? `smtp_${smtp.responseCode}` : 'smtp_error';
  return { code, reason: String(smtp.message ?? error).slice(0, 500) };
}
