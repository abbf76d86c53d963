/** How a call's outcome reads in a lead's thread (DESIGN §5: who, when, length). */

/** What became of a call, once Twilio says it is over. */
export const CALL_OUTCOMES = [
  /** The customer and the agent (or the forwarding number) talked. */
  'connected',
  'no-answer',
  'busy',
  'failed',
  /** Hung up before anyone answered (the caller gave up, the agent pressed nothing). */
  'canceled',
  /** Click-to-call: the agent's own phone never answered, or no key was pressed. */
  'agent-unreachable',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** 192 -> "3 min 12 s"; 45 -> "45 s"; 120 -> "2 min". */
export function callLength(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

const OUTCOME_WORDS: Record<Exclude<CallOutcome, 'connected'>, string> = {
  'no-answer': 'No answer',
  busy: 'Busy',
  failed: 'Call failed',
  canceled: 'Hung up before it was answered',
  'agent-unreachable': 'Not connected (their phone did not answer, or no key was pressed)',
};

export interface CallForWords {
  direction: 'outbound' | 'inbound';
  outcome: CallOutcome;
  durationSeconds: number;
  /** Who placed it (outbound) or whose phone it rang (inbound); null: the store's number. */
  agentName: string | null;
}

/**
 * "Call by Ana Ruiz, 3 min 12 s", "Call by Ana Ruiz: No answer", "Call from the customer to Ana
 * Ruiz, 45 s", "Missed call from the customer (forwarded to Ana Ruiz: Busy)".
 */
export function callEventText(call: CallForWords): string {
  const who = call.agentName ?? 'the store';
  if (call.direction === 'outbound') {
    if (call.outcome === 'connected') return `Call by ${who}, ${callLength(call.durationSeconds)}`;
    return `Call by ${who}: ${OUTCOME_WORDS[call.outcome]}`;
  }
  if (call.outcome === 'connected') {
    return `Call from the customer to ${who}, ${callLength(call.durationSeconds)}`;
  }
  const forwarded = call.agentName ? `forwarded to ${call.agentName}: ` : '';
  return `Missed call from the customer (${forwarded}${OUTCOME_WORDS[call.outcome]})`;
}
