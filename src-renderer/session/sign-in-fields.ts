import { consoleApi } from '../../src-shared/console-api/contract';
import type { SignInForm } from './session-store';

export type SignInField = keyof SignInForm;
export type FieldErrors = Partial<Record<SignInField, string>>;

/** The contract's schema finds what is wrong; these say it to a person. */
const FIELD_HELP: Record<SignInField, string> = {
  cloudUrl: 'Enter your dealership’s Showroom address, like https://showroom.example.com.',
  email: 'Enter the email address you sign in with, like name@dealer.com.',
  password: 'Enter your password.',
};

/** People type "showroom.example.com"; the cloud needs a scheme. */
export function normalizeCloudUrl(typed: string): string {
  const trimmed = typed.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

/** The form as the core will get it, and what is wrong with it, field by field. */
export function checkSignInForm(typed: SignInForm): { form: SignInForm; errors: FieldErrors } {
  const form = {
    cloudUrl: normalizeCloudUrl(typed.cloudUrl),
    email: typed.email.trim(),
    password: typed.password,
  };
  const parsed = consoleApi.signIn.args.safeParse(form);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'cloudUrl' || field === 'email' || field === 'password') {
        errors[field] = FIELD_HELP[field];
      }
    }
  }
  return { form, errors };
}
