/**
 * Starts the cloud's own entry (src-cloud/main.ts --demo) as a separate process (DESIGN §3):
 * a Node child process in the browser host and tests, a utilityProcess in Electron. Never the
 * cloud's internals in this process.
 */
export interface EmbeddedCloudLauncher {
  /** Resolves once the cloud listens on 127.0.0.1; rejects, saying why, if it cannot start. */
  launch(options: { dataDir: string }): Promise<LaunchedCloud>;
}

export interface LaunchedCloud {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Settles when the process has ended, for whatever reason. */
  exited: Promise<void>;
  /** Asks it to close (it shuts down cleanly) and waits until it has. */
  stop(): Promise<void>;
}

/** The line the cloud prints once it listens (src-cloud/main.ts), for hosts without its IPC. */
export const LISTENING_LINE = /showroom cloud listening on (http:\/\/\S+)/;

/** How long a cold start may take: PGlite (~5 s) and the demo dealer group, on a slow PC. */
export const LAUNCH_TIMEOUT_MS = 180_000;
