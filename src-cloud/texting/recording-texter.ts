import type { OutgoingText, TextingPort } from './texting-port';

/**
 * For tests only: keeps what would have been texted, and can be told to fail, so a test can
 * wait on a text and check that a failed send changes nothing else.
 */
export class RecordingTexter implements TextingPort {
  readonly sent: OutgoingText[] = [];
  /** Set: every send fails with this error (and records nothing). */
  failWith: Error | null = null;
  private waiters: (() => void)[] = [];

  async send(text: OutgoingText): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push(text);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The next text to `to` (one already sent counts), removed from the list. */
  async textTo(to: string): Promise<OutgoingText> {
    for (;;) {
      const index = this.sent.findIndex((text) => text.to === to);
      if (index >= 0) return this.sent.splice(index, 1)[0] as OutgoingText;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}
