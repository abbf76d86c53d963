import type { ConnectionState } from '../../src-shared/console-api/views';

/** How the window got to be signing in: the form, or "Try it on this PC". */
export type SignInVia = 'password' | 'this_pc';

/** Why the sign-in screen is showing, beside the form or button it is about. */
export interface SignInNotice {
  /** `session`: a session that ended under the user (a revoked or expired sign-in). */
  about: SignInVia | 'session';
  text: string;
}

/**
 * What the window shows: nothing yet, the sign-in screen (with why it is back, if it is), the
 * sign-in progress until the first sync is in, or the console.
 */
export type SessionPhase =
  | { kind: 'starting' }
  | { kind: 'signed_out'; notice: SignInNotice | null }
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
const SIGN_IN_FAILED = 'Could not sign in.';

const sessionEnded = (connection: ConnectionState): SessionPhase => ({
  kind: 'signed_out',
  notice: { about: 'session', text: connection.message ?? SESSION_ENDED },
});

/**
 * Where the window starts: the console when someone's data is here; the progress screen when the
 * core is already signing in (a stored session on an empty cache, or a fresh install starting
 * the demo on its own); else the sign-in screen.
 */
export function phaseAtStartup({ connection, hasLocalSession }: StartupFacts): SessionPhase {
  if (connection?.reason === 'credentials') return sessionEnded(connection);
  if (hasLocalSession) return { kind: 'signed_in' };
  if (connection && connection.state !== 'signed_out') {
    // No cloud address yet: only the embedded cloud starts before it has one.
    const via = connection.cloudUrl === null ? 'this_pc' : 'password';
    return { kind: 'signing_in', via, answered: true };
  }
  return { kind: 'signed_out', notice: null };
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
      if (connection.reason === 'credentials') return sessionEnded(connection);
      return connection.state === 'signed_out' ? { kind: 'signed_out', notice: null } : phase;
    case 'signing_in':
      // Until the call answers, the state is the one from before it (often signed_out).
      if (!phase.answered) return phase;
      if (
        connection.reason === 'credentials' ||
        connection.reason === 'version' ||
        connection.state === 'signed_out'
      ) {
        return {
          kind: 'signed_out',
          notice: { about: phase.via, text: connection.message ?? SIGN_IN_FAILED },
        };
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
