import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(import.meta.dirname, '../../../../src-cloud/main.ts');

export interface CloudProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `src-cloud/main.ts` as its own process, the way production and the desktop's embedded cloud
 * run it; resolves once it reports the URL it listens on (over IPC).
 */
export function startCloudProcess(
  env: Record<string, string>,
  args: string[] = [],
): Promise<CloudProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SMTP_LISTEN_PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`cloud process exited (${code}) before listening: ${stderr}`)),
    );
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type !== 'listening' || !message.url) return;
      resolve({
        url: message.url,
        child,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
