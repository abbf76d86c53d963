import type { ConnectionState } from '../../src-shared/console-api/views';

/** How the window got to be signing in: the form, or "Try it on this PC". */
export type SignInVia = 'password' | 'this_pc';

/**
 * What the window shows: nothing yet, the sign-in screen (with why it is back, if it is), the
 * sign-in progress until the first sync is in, or the console.
 */
export type SessionPhase =
  | { kind: 'starting' }
  | { kind: 'signed_out'; notice: string | null }
  | { kind: 'signing_in'; via: SignInVia; answered: boolean }
  | { kind: 'signed_in' };

/** The session as the core answered at start-up; null where the core could not say. */
export interface StartupFacts {
  connection: ConnectionState | null;
  /**
   * False only when the core said `not_signed_in` for the directory. A damaged cache or a local
   * demo without a cloud still has someone's console to show (the health banner says the rest).
   */
  hasLocalSession: boolean;
}

const SESSION_ENDED = 'Your session ended. Sign in again.';

/** Where the window starts: the console when someone's data is here, else the sign-in screen. */
export function phaseAtStartup({ connection, hasLocalSession }: StartupFacts): SessionPhase {
  if (connection?.reason === 'credentials') {
    return { kind: 'signed_out', notice: connection.message ?? SESSION_ENDED };
  }
  const signedIn = (connection !== null && connection.state !== 'signed_out') || hasLocalSession;
  return signedIn ? { kind: 'signed_in' } : { kind: 'signed_out', notice: null };
}

/**
 * The next phase after the connection changed. A credentials failure returns to the sign-in
 * screen with its message; signing in ends when the first sync has caught up, or fails with the
 * reason that no retry can fix (credentials, version).
 */
export function phaseAfterConnection(
  phase: SessionPhase,
  connection: ConnectionState,
): SessionPhase {
  switch (phase.kind) {
    case 'starting':
    case 'signed_out':
      return phase;
    case 'signed_in':
      if (connection.reason === 'credentials') {
        return { kind: 'signed_out', notice: connection.message ?? SESSION_ENDED };
      }
      return connection.state === 'signed_out' ? { kind: 'signed_out', notice: null } : phase;
    case 'signing_in':
      // Until the call answers, the state is the one from before it (often signed_out).
      if (!phase.answered) return phase;
      if (connection.reason === 'credentials' || connection.reason === 'version') {
        return { kind: 'signed_out', notice: connection.message ?? 'Could not sign in.' };
      }
      if (connection.state === 'signed_out') {
        return { kind: 'signed_out', notice: connection.message ?? 'Could not sign in.' };
      }
      return connection.state === 'online' && connection.syncProgress === null
        ? { kind: 'signed_in' }
        : phase;
    default: {
      const unknownPhase: never = phase;
      return unknownPhase;
    }
  }
}
