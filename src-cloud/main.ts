import { configFromEnv } from './config';
import { startCloud } from './server';

/**
 * `npm run cloud [-- --demo]`: the cloud as a process. It prints the URL it listens on and,
 * when started by a parent with an IPC channel (the desktop's embedded cloud), sends it
 * `{type: 'listening', url}` too. SIGINT and SIGTERM close it cleanly.
 */
async function main(): Promise<void> {
  const config = configFromEnv();
  const cloud = await startCloud(config);
  console.log(`showroom cloud listening on ${cloud.url}${config.demo ? ' (demo)' : ''}`);
  process.send?.({ type: 'listening', url: cloud.url });

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    cloud.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('showroom cloud: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  console.error(
    `showroom cloud could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
