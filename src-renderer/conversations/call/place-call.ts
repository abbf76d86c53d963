import { formatPhone } from '../../../src-shared/phone/phone';
import { callCore, explain } from '../../api/request';

/** What the Call button shows under it: the call going out, or why it did not. */
export type CallNotice = { kind: 'calling' | 'refused'; text: string };

/** Asks the core to place the call; the cloud decides, and its refusal is shown as it says it. */
export async function placeCall(leadId: string, phone: string | undefined): Promise<CallNotice> {
  const result = await callCore('callLead', phone ? { leadId, phone } : { leadId });
  if (!result.ok) return { kind: 'refused', text: explain(result.error) };
  return {
    kind: 'calling',
    text: `Calling your phone ${formatPhone(result.value.agentPhone)}… answer it and press any key to connect to ${formatPhone(result.value.customerNumber)}.`,
  };
}
