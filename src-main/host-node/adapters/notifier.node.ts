import type { Notifier } from '../../core/ports';
import type { PushToPage } from './page-events';

/** Toasts and rings for the browser host: recorded (tests read them) and pushed to the page. */
export class PageNotifier implements Notifier {
  readonly toasts: { title: string; body: string }[] = [];
  private rings = 0;

  constructor(private readonly push: PushToPage) {}

  get ringing(): boolean {
    return this.rings > 0;
  }

  toast(notice: { title: string; body: string }): void {
    this.toasts.push(notice);
    this.push('toast', notice);
  }

  ring(): () => void {
    this.rings += 1;
    if (this.rings === 1) this.push('ring', { ringing: true });
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.rings -= 1;
      if (this.rings === 0) this.push('ring', { ringing: false });
    };
  }
}
