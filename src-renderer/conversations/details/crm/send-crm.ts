import { v7 as uuidv7 } from 'uuid';
import type { CrmChoice } from '../../../../src-shared/crm/crm-choice';
import { sendChange } from '../../../changes/send-change';

interface To {
  id: string;
  name: string;
}

/** Send to CRM as a change: the thread shows "Sent to CRM: ..." at once; the cloud emails it. */
export async function sendToCrm(lead: To, choice: CrmChoice): Promise<boolean> {
  const args = { leadId: lead.id, eventId: uuidv7(), choice };
  const what =
    choice.kind === 'doNotSend'
      ? `log ${lead.name} as not sent to the CRM`
      : `send ${lead.name} to the CRM`;
  return (await sendChange('sendToCrm', args, what)) !== null;
}

/** Escalate: the note and the transcript go to the store's on-response contacts. */
export async function escalate(lead: To, note: string): Promise<boolean> {
  const args = { leadId: lead.id, eventId: uuidv7(), note };
  return (await sendChange('escalate', args, `escalate ${lead.name}`)) !== null;
}
