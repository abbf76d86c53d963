import type { CallOutcome } from '../../src-shared/calls/call-wording';

/**
 * Where each leg of a call stands, from Twilio's callbacks, which arrive in any order and more
 * than once. A leg's status only moves forward (ringing never replaces in-progress, nothing
 * replaces a final status), so replays and stragglers change nothing.
 */
export const FINAL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

/** Twilio's CallStatus values and DialCallStatus's `answered`, in the order a call goes through. */
const RANK: Record<string, number> = {
  queued: 0,
  initiated: 1,
  ringing: 2,
  'in-progress': 3,
  answered: 3,
  completed: 4,
  busy: 4,
  'no-answer': 4,
  failed: 4,
  canceled: 4,
};

export const CALL_STATUSES = Object.keys(RANK);

export function isFinal(status: string | null): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status ?? '');
}

/** The status a leg has after `next` arrived: the further along of the two. */
export function advanceStatus(current: string | null, next: string): string {
  if (current === null) return next;
  return (RANK[next] ?? -1) > (RANK[current] ?? -1) ? next : current;
}

/** The larger of two durations Twilio reported for a leg (a replay may carry none). */
export function laterDuration(current: number | null, next: number | null): number | null {
  if (next === null) return current;
  return current === null ? next : Math.max(current, next);
}

export interface CallLegs {
  direction: 'outbound' | 'inbound';
  firstStatus: string;
  firstDuration: number | null;
  dialledStatus: string | null;
  dialledDuration: number | null;
}

export interface CallEnd {
  outcome: CallOutcome;
  /** How long the customer talked to someone; 0 when nobody did. */
  durationSeconds: number;
}

/**
 * What became of the call, or null while it goes on. A call is over when its first leg is
 * (for an inbound call, when our Dial ended: Twilio does not tell us about the caller's leg).
 * What the dialled leg says decides the outcome; a dialled leg still under way when the first
 * ended is read as far as it got, and its own final word, when it comes, corrects the call.
 */
export function callEnd(legs: CallLegs): CallEnd | null {
  if (!isFinal(legs.firstStatus)) return null;
  const dialled = legs.dialledStatus;
  if (dialled === null) {
    // Never bridged: nobody talked to the customer.
    if (legs.direction === 'inbound') return { outcome: 'no-answer', durationSeconds: 0 };
    return {
      outcome: legs.firstStatus === 'failed' ? 'failed' : 'agent-unreachable',
      durationSeconds: 0,
    };
  }
  switch (dialled) {
    case 'completed':
    case 'answered':
    case 'in-progress':
      return {
        outcome: 'connected',
        durationSeconds: legs.dialledDuration ?? legs.firstDuration ?? 0,
      };
    case 'busy':
    case 'no-answer':
    case 'failed':
    case 'canceled':
      return { outcome: dialled, durationSeconds: 0 };
    default:
      // Still queued or ringing when the first leg hung up.
      return { outcome: 'canceled', durationSeconds: 0 };
  }
}
