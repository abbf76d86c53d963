import type { Message } from '../../src-shared/domain/conversation';
import { conversationOf } from '../inbound/receive-inbound';
import type { ArrivedEmail } from './arrived-email';
import type { RelayTarget } from './relay-addresses';
import type { GroupedWrites } from '../sync/grouped-writes';
import { outboundMessagesOf } from './relay-emails';
import type { RelayServices } from './relay-services';
import { leadAndStore } from './thread-rows';
import { writeInboundEmail } from './write-inbound-email';

const NOTICE_CHARS = 2000;

/**
 * An auto-reply or a bounce: recorded in the thread, marked as what it is, but the customer did
 * not write, so the lead neither awaits a response nor rings. A bounce also marks the outbound
 * messages it reports on (our Message-IDs quoted in it) undelivered, code "bounced".
 */
export async function writeEmailNotice(
  services: RelayServices,
  batches: GroupedWrites,
  target: RelayTarget,
  kind: 'auto_reply' | 'bounce',
  email: ArrivedEmail,
): Promise<void> {
  const { tenantId } = target;
  const now = services.now();
  const label = kind === 'bounce' ? 'Undeliverable email' : 'Automatic reply';
  const text = email.text.trim().slice(0, NOTICE_CHARS);
  const body = [`${label}${email.subject ? `: ${email.subject}` : ''}`, text]
    .filter(Boolean)
    .join('\n\n');
  await batches.write(tenantId, async (tx, write) => {
    const { lead } = await leadAndStore(tx, tenantId, target.leadId);
    const { conversation } = await conversationOf(tx, write, lead, 'email', now);
    const notice = { tenantId, conversation, email, body, media: [], kind, errorCode: kind, now };
    await writeInboundEmail(tx, write, notice);
    if (kind !== 'bounce') return;
    const bounced = await outboundMessagesOf(
      tx,
      tenantId,
      quotedIds(email, services.config.relayDomain),
    );
    for (const id of bounced) {
      const [row] = await tx.query<{ row: Message }>(
        'SELECT row FROM messages WHERE tenant_id = $1 AND id = $2 AND lead_id = $3 AND NOT deleted',
        [tenantId, id, lead.id],
      );
      if (row)
        await write.update('messages', { ...row.row, status: 'undelivered', errorCode: 'bounced' });
    }
  });
}

/** Our own Message-IDs (UUID@relay domain) anywhere in the bounce: its report quotes them. */
function quotedIds(email: ArrivedEmail, domain: string): string[] {
  const escaped = domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@${escaped})>`,
    'gi',
  );
  const found = new Set(email.references);
  for (const match of email.raw.toString('latin1').matchAll(pattern)) {
    if (match[1]) found.add(match[1].toLowerCase());
  }
  return [...found];
}
