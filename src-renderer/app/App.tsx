import { SignInScreen } from '../session/SignInScreen';
import { useSession } from '../session/session-store';
import { Console } from './Console';
import { useSessionStartup } from './use-session-startup';

/** The window: the console for a signed-in user, else the sign-in screen. */
export function App() {
  useSessionStartup();
  const phase = useSession((s) => s.phase.kind);
  return (
    <div className="app" data-session={phase}>
      {phase === 'signed_in' && <Console />}
      {(phase === 'signed_out' || phase === 'signing_in') && <SignInScreen />}
      {phase === 'starting' && (
        <p className="app-starting" role="status">
          Starting Showroom…
        </p>
      )}
    </div>
  );
}
