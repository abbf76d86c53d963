import '../lib/zod-without-eval';
import { NoticeList } from '../notices/NoticeList';
import { SignInScreen } from '../session/SignInScreen';
import { useSession } from '../session/session-store';
import { SettingsScreen } from '../settings/SettingsScreen';
import { Console } from './Console';
import { useScreen } from './screen-store';
import { useSessionStartup } from './use-session-startup';

/**
 * The window: the console for a signed-in user, else the sign-in screen. The tray's Settings
 * works signed out too: the settings belong to this PC, not to an agent.
 */
export function App() {
  useSessionStartup();
  const phase = useSession((s) => s.phase.kind);
  const screen = useScreen((s) => s.screen);
  const signedOut = phase === 'signed_out' || phase === 'signing_in';
  return (
    <div className="app" data-session={phase}>
      {phase === 'signed_in' && <Console />}
      {signedOut && <NoticeList />}
      {signedOut &&
        (screen === 'settings' ? (
          <SettingsScreen closeLabel="Back to sign in" />
        ) : (
          <SignInScreen />
        ))}
      {phase === 'starting' && (
        <p className="app-starting" role="status">
          Starting Showroom…
        </p>
      )}
    </div>
  );
}
