import { create } from 'zustand';
import type { ApiResult } from '../../src-shared/console-api/result';
import type { ConnectionState } from '../../src-shared/console-api/views';
import { callCore, request, whenSignedOut } from '../api/request';
import {
  phaseAfterConnection,
  phaseAtStartup,
  type SessionPhase,
  type SignInVia,
} from './session-phase';

export interface SignInForm {
  cloudUrl: string;
  email: string;
  password: string;
}

interface SessionState {
  phase: SessionPhase;
  /** The core's latest word on the connection; null until it answered (or if it cannot say). */
  connection: ConnectionState | null;
  /**
   * What the form starts with next time: the last cloud and email typed in this window (not the
   * address of "Try it on this PC", a port that changes at every start).
   */
  lastCloudUrl: string;
  lastEmail: string;
  /** True after "Switch user": the sign-in screen says so. */
  switchingUser: boolean;
  start(): Promise<void>;
  connectionChanged(connection: ConnectionState): void;
  signIn(form: SignInForm): Promise<void>;
  tryOnThisPc(): Promise<void>;
  /** Ends the session; `switchUser` keeps the cloud and asks for another agent. */
  signOut(options?: { switchUser?: boolean }): Promise<void>;
}

export const useSession = create<SessionState>()((set, get) => {
  /** Runs a sign-in call; its answer (or failure) moves the phase on. */
  const signInWith = async (via: SignInVia, call: () => Promise<ApiResult<ConnectionState>>) => {
    set({ phase: { kind: 'signing_in', via, answered: false } });
    const result = await call();
    const { phase } = get();
    // Cancelled (signed out) while waiting: the answer is for a sign-in nobody wants any more.
    if (phase.kind !== 'signing_in' || phase.via !== via) return;
    if (!result.ok) {
      set({ phase: { kind: 'signed_out', notice: { about: via, text: result.error.message } } });
      return;
    }
    set({
      connection: result.value,
      phase: phaseAfterConnection({ ...phase, answered: true }, result.value),
    });
  };

  return {
    phase: { kind: 'starting' },
    connection: null,
    lastCloudUrl: '',
    lastEmail: '',
    switchingUser: false,

    start: async () => {
      const [connection, directory] = await Promise.all([
        callCore('getConnection', {}),
        callCore('getDirectory', {}),
      ]);
      const known = connection.ok ? connection.value : null;
      const hasLocalSession = directory.ok || directory.error.code !== 'not_signed_in';
      set(({ lastCloudUrl }) => ({
        connection: known,
        lastCloudUrl: lastCloudUrl || known?.cloudUrl || '',
        phase: phaseAtStartup({ connection: known, hasLocalSession }),
      }));
    },

    connectionChanged: (connection) =>
      set(({ phase }) => ({ connection, phase: phaseAfterConnection(phase, connection) })),

    signIn: async (form) => {
      set({ lastCloudUrl: form.cloudUrl, lastEmail: form.email });
      await signInWith('password', () => callCore('signIn', form));
    },

    tryOnThisPc: () => signInWith('this_pc', () => callCore('tryOnThisPc', {})),

    signOut: async ({ switchUser = false } = {}) => {
      const connection = await request('signOut', {}, 'sign out');
      if (!connection) return;
      set({
        connection,
        switchingUser: switchUser,
        lastEmail: '',
        phase: { kind: 'signed_out', notice: null },
      });
    },
  };
});

// A view was told `not_signed_in`: ask the core where the session stands and follow it.
whenSignedOut(() => {
  void callCore('getConnection', {}).then((result) => {
    if (result.ok) useSession.getState().connectionChanged(result.value);
  });
});
