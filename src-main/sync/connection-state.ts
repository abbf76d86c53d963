import type { ConnectionReason, ConnectionState } from '../../src-shared';
import type { EngineStatus } from './engine-status';

/** Why nobody is signed in: a failed sign-in or a session the cloud ended, said plainly. */
export interface SignedOutReason {
  reason: ConnectionReason | null;
  message: string;
}

export interface ConnectionFacts {
  /** The signed-in session's engine status and where it syncs; null when none. */
  session: { status: EngineStatus; baseUrl: string } | null;
  /** What is under way before a session exists ("Starting the demo dealership…"). */
  starting: string | null;
  signedOut: SignedOutReason | null;
  /** The local demo (SHOWROOM_DEMO=local): someone's data, no cloud. */
  localDemo: boolean;
  pendingMutations: number;
}

/** The ConnectionState the renderer shows (contract: src-shared/console-api/views.ts). */
export function connectionState(facts: ConnectionFacts): ConnectionState {
  const { session, starting, signedOut, localDemo, pendingMutations } = facts;
  if (session) return { ...session.status, cloudUrl: session.baseUrl, pendingMutations };
  const base = { cloudUrl: null, pendingMutations, syncProgress: null };
  if (starting) return { ...base, state: 'connecting', reason: null, message: starting };
  if (localDemo && !signedOut) {
    const message = 'Demo data on this PC, not connected to a cloud.';
    return { ...base, state: 'offline', reason: null, message };
  }
  return {
    ...base,
    state: 'signed_out',
    reason: signedOut?.reason ?? null,
    message: signedOut?.message ?? null,
  };
}
