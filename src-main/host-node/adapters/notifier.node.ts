import type { Notifier, ToastNotice } from '../../core/ports';
import type { PushToPage } from './page-events';

/** Toasts and rings for the browser host: recorded (tests read them) and pushed to the page. */
export class PageNotifier implements Notifier {
  /** Kept whole, click callback included: a test "clicks" one by calling its `onClick`. */
  readonly toasts: ToastNotice[] = [];
  private rings = 0;

  constructor(private readonly push: PushToPage) {}

  get ringing(): boolean {
    return this.rings > 0;
  }

  toast(notice: ToastNotice): void {
    this.toasts.push(notice);
    this.push('toast', { title: notice.title, body: notice.body });
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
