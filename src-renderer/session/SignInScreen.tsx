import { SignInFormCard } from './SignInFormCard';
import { SignInProgress } from './SignInProgress';
import { useSession } from './session-store';
import { TryOnThisPcCard } from './TryOnThisPcCard';

/**
 * The first-run and signed-out screen (DESIGN §3): sign in to the dealership's cloud, or try a
 * demo on this PC. While signing in it turns into the progress of the first sync.
 */
export function SignInScreen() {
  const phase = useSession((s) => s.phase);
  const switchingUser = useSession((s) => s.switchingUser);
  const inProgress = phase.kind === 'signing_in' && (phase.via === 'this_pc' || phase.answered);
  const ended =
    phase.kind === 'signed_out' && phase.notice?.about === 'session' ? phase.notice.text : null;

  return (
    <main className="sign-in" data-testid="sign-in-screen">
      <div className="sign-in-brand" aria-hidden>
        Showroom
      </div>
      {ended && (
        <p className="sign-in-ended" role="alert" data-testid="session-ended">
          {ended}
        </p>
      )}
      {switchingUser && phase.kind === 'signed_out' && !ended && (
        <p className="sign-in-switch" role="status">
          Signed out. The next agent can sign in now.
        </p>
      )}
      {inProgress ? (
        <SignInProgress />
      ) : (
        <div className="sign-in-cards">
          <SignInFormCard />
          <div className="sign-in-or" aria-hidden>
            or
          </div>
          <TryOnThisPcCard />
        </div>
      )}
    </main>
  );
}
