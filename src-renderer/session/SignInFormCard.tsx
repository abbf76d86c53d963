import { useEffect, useState, type FormEvent } from 'react';
import { checkSignInForm, type FieldErrors, type SignInField } from './sign-in-fields';
import { useSession } from './session-store';
import { TextField } from './TextField';

const FIELDS: readonly SignInField[] = ['cloudUrl', 'email', 'password'];

/** "Sign in to your dealership": cloud address, email, password; every error beside its cause. */
export function SignInFormCard() {
  const phase = useSession((s) => s.phase);
  const [cloudUrl, setCloudUrl] = useState(() => useSession.getState().lastCloudUrl);
  const [email, setEmail] = useState(() => useSession.getState().lastEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const busy = phase.kind === 'signing_in';
  const failure =
    phase.kind === 'signed_out' && phase.notice?.about === 'password' ? phase.notice.text : null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const focus = (name: SignInField) => {
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.focus();
    };
    const checked = checkSignInForm({ cloudUrl, email, password });
    setErrors(checked.errors);
    const firstWrong = FIELDS.find((field) => checked.errors[field]);
    if (firstWrong) {
      focus(firstWrong);
      return;
    }
    setCloudUrl(checked.form.cloudUrl);
    await useSession.getState().signIn(checked.form);
    // A refused password is retyped; the address and email usually were right.
    if (useSession.getState().phase.kind === 'signed_out') setPassword('');
  };

  // After a refusal the fields are enabled again only once this renders: focus then.
  useEffect(() => {
    if (phase.kind === 'signed_out' && phase.notice?.about === 'password') {
      document.getElementById('field-password')?.focus();
    }
  }, [phase]);

  return (
    <section className="sign-in-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to your dealership</h1>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="sign-in-form">
        <TextField
          name="cloudUrl"
          label="Cloud address"
          error={errors.cloudUrl}
          disabled={busy}
          data-testid="sign-in-cloud-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://showroom.example.com"
          value={cloudUrl}
          onChange={(e) => setCloudUrl(e.target.value)}
        />
        <TextField
          name="email"
          label="Email"
          error={errors.email}
          disabled={busy}
          data-testid="sign-in-email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          name="password"
          label="Password"
          error={errors.password}
          alsoDescribedBy={failure ? 'sign-in-error' : null}
          disabled={busy}
          data-testid="sign-in-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {failure && (
          <p className="form-error" id="sign-in-error" role="alert" data-testid="sign-in-error">
            {failure}
          </p>
        )}
        <button
          type="submit"
          className="button-primary"
          data-testid="sign-in-submit"
          disabled={busy}
        >
          {busy && phase.via === 'password' ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
