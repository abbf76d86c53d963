import { join } from 'node:path';
import type { EmbeddedCloudLauncher, LaunchedCloud } from './launcher';

/**
 * "Try it on this PC" (DESIGN §3): one embedded cloud per desktop, started on first use, reused
 * while it runs, started again if it died, stopped when the core closes. Its data lives in
 * `<dataDir>/cloud`, so the demo dealership (and the agent's changes) outlive restarts.
 */
export class EmbeddedCloud {
  private running: Promise<LaunchedCloud> | null = null;

  constructor(
    private readonly launcher: EmbeddedCloudLauncher,
    private readonly dataDir: string,
  ) {}

  /** The URL of the running cloud, starting it if needed. */
  async url(): Promise<string> {
    if (!this.running) {
      const starting = this.launcher.launch({ dataDir: join(this.dataDir, 'cloud') });
      this.running = starting;
      starting.then(
        (cloud) => cloud.exited.then(() => this.forget(starting)),
        () => this.forget(starting),
      );
    }
    return (await this.running).url;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (!running) return;
    const cloud = await running.catch(() => null);
    await cloud?.stop();
  }

  private forget(which: Promise<LaunchedCloud>): void {
    if (this.running === which) this.running = null;
  }
}
