import type { Page } from 'playwright-core';

/** Long enough for a slow CI machine; every wait ends as soon as its condition holds. */
const WAIT_MS = 60_000;

export interface Credentials {
  cloudUrl: string;
  email: string;
  password: string;
}

/**
 * The sign-in screen as a user meets it: first run, after "Sign out" or "Switch user", or when
 * the cloud stopped accepting the session. Read through the renderer's `data-testid`s.
 */
export class SignInPage {
  constructor(readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('sign-in-form').waitFor({ timeout: WAIT_MS });
  }

  /** Types the three fields as a person would and presses Enter in the password field. */
  async submit({ cloudUrl, email, password }: Credentials): Promise<void> {
    await this.waitUntilShown();
    await this.page.getByLabel('Cloud address', { exact: true }).fill(cloudUrl);
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByLabel('Password', { exact: true }).press('Enter');
  }

  /** Waits for the inline error beside the form and returns what it says. */
  async errorText(): Promise<string> {
    const error = this.page.getByTestId('sign-in-error');
    await error.waitFor({ timeout: WAIT_MS });
    return (await error.textContent()) ?? '';
  }

  /** Signs in and waits until the console is open with its folder counts. */
  async signIn(credentials: Credentials): Promise<void> {
    await this.submit(credentials);
    await this.page.getByTestId('sign-in-screen').waitFor({ state: 'detached', timeout: WAIT_MS });
  }
}
