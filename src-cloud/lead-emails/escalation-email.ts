import { leadDisplayName, type Lead } from '../../src-shared/domain/lead';
import { LEAD_STATUS_LABELS } from '../../src-shared/domain/lead-status';
import type { Store } from '../../src-shared/domain/tenant';
import type { LeadHistory } from './lead-history';
import { transcriptText } from './transcript-text';

/** Escalate (seed 003): the agent's note, who the customer is, and the whole conversation. */
export function escalationEmail(
  lead: Lead,
  store: Store,
  history: LeadHistory,
  agentName: string,
  note: string,
) {
  const name = leadDisplayName(lead);
  const contact = [
    ...lead.phones.map((p) => `Phone (${p.type}): ${p.number}`),
    ...(lead.email ? [`Email: ${lead.email}`] : []),
  ];
  return {
    subject: `Escalation: ${name} (${store.name})`,
    body: [
      `${agentName} escalated the lead ${name} at ${store.name}.`,
      '',
      'Note:',
      note,
      '',
      `Lead: ${name}`,
      `Status: ${LEAD_STATUS_LABELS[lead.status]}`,
      ...contact,
      `Lead id: ${lead.id}`,
      '',
      `Transcript (${history.lines.length} messages):`,
      transcriptText(history.lines, lead, store.timeZone, { withChannel: true }),
      '',
    ].join('\n'),
  };
}
