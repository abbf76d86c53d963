import type { IdleSource, PresenceSignal } from '../../core/ports';

/**
 * Idle time for the browser host. A browser cannot read the OS idle clock, so the page reports
 * activity (an `{activity: true}` frame) and idle time is the time since the last report.
 * Tests set the idle seconds directly instead of waiting, and send lock and suspend.
 */
export class PageIdleSource implements IdleSource {
  private lastActivityAt: number;
  private readonly listeners = new Set<(signal: PresenceSignal) => void>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly pollMs = 1_000,
  ) {
    this.lastActivityAt = now();
  }

  start(listener: (signal: PresenceSignal) => void): () => void {
    this.listeners.add(listener);
    const timer = setInterval(() => listener(this.idleSignal()), this.pollMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.listeners.delete(listener);
    };
  }

  reportActivity(): void {
    this.lastActivityAt = this.now();
  }

  /** Test hook: pretend the user has been idle this long, and tell listeners at once. */
  setIdleSeconds(seconds: number): void {
    this.lastActivityAt = this.now() - seconds * 1_000;
    for (const listener of this.listeners) listener(this.idleSignal());
  }

  /** Test hook: the screen locked or unlocked, the PC asleep or awake. */
  power(event: 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume'): void {
    for (const listener of this.listeners) listener({ kind: event });
  }

  idleSeconds(): number {
    return Math.max(0, Math.floor((this.now() - this.lastActivityAt) / 1_000));
  }

  private idleSignal(): PresenceSignal {
    return { kind: 'idle-seconds', seconds: this.idleSeconds() };
  }
}
