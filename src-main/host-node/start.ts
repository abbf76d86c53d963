/**
 * `npx tsx src-main/host-node/start.ts`: the browser host from a terminal.
 * SHOWROOM_DATA_DIR (default ./data/desktop), SHOWROOM_PORT (default 0: a free port).
 * On a fresh data folder it uses "Try it on this PC" (the embedded cloud with the demo
 * dealership); SHOWROOM_DEMO=local loads the demo straight into the replica instead, without a
 * cloud (SHOWROOM_DEMO_LEADS, default 3000); SHOWROOM_DEMO=off starts at the sign-in screen.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startupFromEnv } from '../core/demo-data';
import { startBrowserHost } from './host';

const RENDERER_DIR = 'out/renderer';

async function main(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.error(`Showroom: ${RENDERER_DIR}/index.html is missing. Run \`npm run build\` first.`);
    process.exit(1);
  }
  const port = readPort(process.env.SHOWROOM_PORT);
  const dataDir = resolve(process.env.SHOWROOM_DATA_DIR || './data/desktop');
  const startup = startupFromEnv();
  const host = await startBrowserHost({
    dataDir,
    port,
    rendererDir: RENDERER_DIR,
    ...startup,
    onQuit: () => stop(),
  });
  if (startup.tryOnThisPcOnFirstRun) {
    console.log(
      'Showroom: on a fresh install it starts the demo dealership on this PC (a few seconds).',
    );
  }
  console.log(`Showroom is running: open ${host.url}`);

  function stop(): void {
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Showroom: closing failed:', error);
        process.exit(1);
      },
    );
  }
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Showroom: SHOWROOM_PORT must be a port number (0-65535), got "${raw}".`);
    process.exit(1);
  }
  return port;
}

main().catch((error: unknown) => {
  console.error(
    `Showroom could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
