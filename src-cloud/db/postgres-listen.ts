import pg from 'pg';

const RETRY_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries). When the
 * connection drops (server restart, network), it reconnects with backoff and reports the gap,
 * because notifications sent in between are lost.
 */
export async function listenWithReconnect(
  config: pg.ClientConfig,
  channel: string,
  onPayload: (payload: string) => void,
  onGap?: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    next.on('error', () => reconnectSoon(next));
    next.on('end', () => reconnectSoon(next));
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
    attempt = 0;
  };

  const reconnectSoon = (failed: pg.Client) => {
    if (stopped || client !== failed) return;
    client = null;
    failed.end().catch(() => {});
    const retry = () => {
      if (stopped) return;
      const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)];
      setTimeout(() => {
        connect().then(
          () => onGap?.(),
          () => retry(),
        );
      }, delay).unref();
    };
    retry();
  };

  await connect();
  return async () => {
    stopped = true;
    const last = client;
    client = null;
    await last?.end().catch(() => {});
  };
}
