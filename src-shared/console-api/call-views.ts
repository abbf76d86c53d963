/** Click-to-call placed: Twilio is ringing the agent's own phone (`agentPhone`) now. */
export interface CallStarted {
  callId: string;
  agentPhone: string;
  customerNumber: string;
}
