import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { CloudConfig } from './config';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { SessionCache } from './accounts/session-cache';
import { loadDemo } from './demo/load-demo';
import { createMailer } from './email/mailer';
import { createHttpApp } from './http/app';
import { registerRoutes } from './http/register';
import { ROUTES } from './http/routes';
import { LiveHub } from './live/hub';
import { listenToBus } from './live/listen';
import type { CloudServices } from './services';

export interface RunningCloud {
  /** http://host:port, the port chosen when the config asked for 0. */
  url: string;
  port: number;
  services: CloudServices;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The cloud's start-up, in order (DESIGN §3). `options.db` lets a test share one database
 * between clouds; otherwise the config picks PostgreSQL or PGlite.
 */
export async function startCloud(
  config: CloudConfig,
  options: { db?: Db } = {},
): Promise<RunningCloud> {
  const db = options.db ?? (await openDatabase(config));
  await migrate(db);
  const app = await createHttpApp(config);
  if (config.demo) await loadDemoOnce(db, config, app);

  const hub = new LiveHub();
  const sessions = new SessionCache();
  const stopListening = await listenToBus(db, hub, sessions);
  let url = '';
  const mailer = createMailer(config.smtp, config.mailFrom, (email) =>
    app.log.warn(
      { to: email.to, subject: email.subject },
      'email not sent: no SMTP_HOST configured',
    ),
  );
  const services: CloudServices = {
    config,
    db,
    hub,
    sessions,
    mailer,
    log: app.log,
    now: Date.now,
    publicUrl: () => config.publicUrl ?? url,
  };
  registerRoutes(app, services, ROUTES);

  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  return {
    url,
    port,
    services,
    app,
    async close() {
      hub.closeAll();
      await app.close();
      await stopListening();
      mailer.close();
      if (!options.db) await db.close();
    },
  };
}

function openDatabase(config: CloudConfig): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

async function loadDemoOnce(db: Db, config: CloudConfig, app: FastifyInstance): Promise<void> {
  const started = Date.now();
  const loaded = await loadDemo(db, { leads: config.demoLeads, now: Date.now() });
  if (loaded)
    app.log.info({ leads: config.demoLeads, ms: Date.now() - started }, 'demo dealer group loaded');
}
