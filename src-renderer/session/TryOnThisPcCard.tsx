import { useSession } from './session-store';

/** "Try it on this PC": one button that starts a demo dealership here and signs in to it. */
export function TryOnThisPcCard() {
  const phase = useSession((s) => s.phase);
  const busy = phase.kind === 'signing_in';
  const failure =
    phase.kind === 'signed_out' && phase.notice?.about === 'this_pc' ? phase.notice.text : null;
  return (
    <section className="sign-in-card sign-in-try" aria-labelledby="try-title">
      <h2 id="try-title">Try it on this PC</h2>
      <p>
        Runs a demo dealership on this computer, with sample stores, agents and leads, so you can
        see how Showroom works. Nothing is sent to customers.
      </p>
      {failure && (
        <p className="form-error" role="alert" data-testid="try-error">
          {failure}
        </p>
      )}
      <button
        type="button"
        className="button-secondary"
        data-testid="try-on-this-pc"
        disabled={busy}
        onClick={() => void useSession.getState().tryOnThisPc()}
      >
        Try it on this PC
      </button>
    </section>
  );
}
