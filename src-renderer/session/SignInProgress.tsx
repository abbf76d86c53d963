import { useSession } from './session-store';
import { SyncProgressBar } from './SyncProgressBar';
import { syncProgressText } from './describe-connection';

/**
 * Between "Sign in" and the console: the demo cloud starting, then the first sync pulling
 * the leads, with what the core says about it (and a way out when it cannot connect).
 */
export function SignInProgress() {
  const phase = useSession((s) => s.phase);
  const connection = useSession((s) => s.connection);
  if (phase.kind !== 'signing_in') return null;

  const starting = phase.via === 'this_pc' && !phase.answered;
  const title = starting ? 'Starting a demo dealership on this PC…' : 'Getting your leads…';
  // Before the call answers, the state is the one from before (signed out): nothing to say yet.
  const live = connection && connection.state !== 'signed_out' ? connection : null;
  const trouble = live?.state === 'offline';
  const said =
    live?.message ?? syncProgressText(live?.syncProgress ?? null) ?? 'This takes a moment.';

  return (
    <section
      className="sign-in-card sign-in-progress"
      aria-labelledby="sign-in-progress-title"
      aria-busy
      data-testid="sign-in-progress"
      data-via={phase.via}
    >
      <h1 id="sign-in-progress-title">{title}</h1>
      <SyncProgressBar progress={live?.syncProgress ?? null} label={title} />
      <p
        className={trouble ? 'form-error' : 'sign-in-progress-text'}
        role="status"
        data-testid="sign-in-progress-text"
      >
        {said}
      </p>
      {phase.answered && (
        <button
          type="button"
          className="button-quiet"
          data-testid="sign-in-cancel"
          onClick={() => void useSession.getState().signOut()}
        >
          Cancel and sign out
        </button>
      )}
    </section>
  );
}
