import { utilityProcess } from 'electron';
import {
  LAUNCH_TIMEOUT_MS,
  LISTENING_LINE,
  type EmbeddedCloudLauncher,
  type LaunchedCloud,
} from '../../embedded-cloud/launcher';

/**
 * The embedded cloud in Electron: the cloud's built entry (`out/main/cloud.js`, a second input
 * of electron.vite.config.ts) in a utilityProcess, which Electron ends with the app. A utility
 * process has no `process.send`, so its URL is read from the line the cloud prints when it
 * listens (src-cloud/main.ts).
 */
export function createUtilityProcessCloudLauncher(cloudEntry: string): EmbeddedCloudLauncher {
  return {
    launch: ({ dataDir }) =>
      new Promise<LaunchedCloud>((resolve, reject) => {
        const child = utilityProcess.fork(cloudEntry, ['--demo'], {
          env: {
            ...process.env,
            HOST: '127.0.0.1',
            PORT: '0',
            // The relay's SMTP listener on any free port: a PC must not take 2525 from anything.
            SMTP_LISTEN_PORT: '0',
            SHOWROOM_DATA_DIR: dataDir,
            DATABASE_URL: '', // always PGlite in the data folder
            LOG_LEVEL: 'warn',
          },
          stdio: 'pipe',
          serviceName: 'Showroom cloud',
        });
        let stdout = '';
        let stderr = '';
        let listening = false;
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        const timer = setTimeout(() => {
          child.kill();
          reject(
            new Error(`the cloud on this PC did not start within ${LAUNCH_TIMEOUT_MS / 1000} s`),
          );
        }, LAUNCH_TIMEOUT_MS);
        child.stderr?.on(
          'data',
          (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)),
        );
        child.stdout?.on('data', (chunk: Buffer) => {
          if (listening) return;
          stdout = (stdout + String(chunk)).slice(-2000);
          // Whole lines only: a chunk may end in the middle of the URL.
          const url = LISTENING_LINE.exec(stdout.slice(0, stdout.lastIndexOf('\n') + 1))?.[1];
          if (!url) return;
          listening = true;
          clearTimeout(timer);
          resolve({
            url,
            exited,
            async stop() {
              child.kill();
              await exited;
            },
          });
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          const why = stderr.trim().split('\n').at(-1) ?? '';
          reject(new Error(`the cloud on this PC stopped (exit ${code}) ${why}`.trim()));
        });
      }),
  };
}
