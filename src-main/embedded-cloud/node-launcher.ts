import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LAUNCH_TIMEOUT_MS, type EmbeddedCloudLauncher, type LaunchedCloud } from './launcher';

const REPO = join(import.meta.dirname, '../..');
const CLOUD_MAIN = join(REPO, 'src-cloud/main.ts');

/**
 * The embedded cloud as a Node child process: `node --import tsx src-cloud/main.ts --demo` on
 * PGlite in `dataDir`, on a free port of 127.0.0.1. It tells us its URL over IPC, and ends
 * itself when this process goes away (the IPC channel closes, src-cloud/main.ts).
 */
export function createNodeCloudLauncher(
  options: { demoLeads?: number; env?: Record<string, string> } = {},
): EmbeddedCloudLauncher {
  return {
    launch: ({ dataDir }) =>
      new Promise<LaunchedCloud>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CLOUD_MAIN, '--demo'], {
          cwd: REPO,
          env: {
            ...process.env,
            HOST: '127.0.0.1',
            PORT: '0',
            // The relay's SMTP listener on any free port: a PC must not take 2525 from anything.
            SMTP_LISTEN_PORT: '0',
            SHOWROOM_DATA_DIR: dataDir,
            DATABASE_URL: '', // always PGlite in the data folder, whatever this shell points at
            LOG_LEVEL: 'warn',
            ...(options.demoLeads !== undefined && {
              SHOWROOM_DEMO_LEADS: String(options.demoLeads),
            }),
            ...options.env,
          },
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
        let stderr = '';
        child.stderr?.on(
          'data',
          (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)),
        );
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new Error(`the cloud on this PC did not start within ${LAUNCH_TIMEOUT_MS / 1000} s`),
          );
        }, LAUNCH_TIMEOUT_MS);
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(new Error(`the cloud on this PC could not be started: ${error.message}`));
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          const why = stderr.trim().split('\n').at(-1) ?? '';
          reject(
            new Error(`the cloud on this PC stopped (${signal ?? `exit ${code}`}) ${why}`.trim()),
          );
        });
        child.on('message', (message: { type?: unknown; url?: unknown }) => {
          if (message.type !== 'listening' || typeof message.url !== 'string') return;
          clearTimeout(timer);
          child.stderr?.resume();
          resolve({
            url: message.url,
            exited,
            async stop() {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
              await exited;
            },
          });
        });
      }),
  };
}
