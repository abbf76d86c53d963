import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { CloudConfig } from './config';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { GroupedWrites } from './sync/grouped-writes';
import { SessionCache } from './accounts/session-cache';
import { loadDemo } from './demo/load-demo';
import { createMailer } from './email/mailer';
import { startEmailOutbox, type EmailOutbox } from './email-outbox/outbox-worker';
import { createHttpApp } from './http/app';
import { registerRoutes } from './http/register';
import { ROUTES } from './http/routes';
import { JOB_KINDS, JOB_PLANNERS } from './jobs/all-jobs';
import { startJobRunner, type JobRunner } from './jobs/runner';
import { startLeadViewSweeper } from './lead-locks/sweeper';
import { LiveHub } from './live/hub';
import { listenToBus } from './live/listen';
import { startOfferExpiry } from './offers/expiry-job';
import { OfferClaims } from './offers/offer-claims';
import { startPresenceSweeper } from './presence/sweeper';
import { startScheduledReleases } from './scheduled/release-job';
import { startEmailSender } from './relay/email-sender';
import { startSmtpListener, type SmtpListener } from './relay/smtp-listener';
import { secretBox, type SecretBox } from './secrets/secret-box';
import { loadSecretKey } from './secrets/secret-key';
import type { CloudServices } from './services';
import { SharedPulls } from './sync/shared-pulls';
import { unconfiguredTexter, type TextingPort } from './texting/texting-port';
import { startSmsSender, type SmsSenderOptions } from './twilio/sms-sender';
import { twilioTexter } from './twilio/twilio-texter';
import { InboundMediaFetcher } from './twilio/inbound-media-fetcher';
import { sweepEvery } from './jobs/every';

export interface RunningCloud {
  /** http://host:port, the port chosen when the config asked for 0. */
  url: string;
  port: number;
  /** The email relay's SMTP listener port; null when it could not listen (logged). */
  smtpPort: number | null;
  services: CloudServices;
  app: FastifyInstance;
  /** This process's job runner (tests run a round with `runDue`). */
  jobs: JobRunner;
  /** Sends the emails user actions queued; null without SMTP settings (they wait queued). */
  emailOutbox: EmailOutbox | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** A database shared between clouds (tests); otherwise the config picks PostgreSQL or PGlite. */
  db?: Db;
  /** How often this process sweeps silent devices offline (tests make it fast). */
  presenceSweepMs?: number;
  /** How missed-lead texts go out; default: logged as not sent (no provider configured). */
  texter?: TextingPort;
  /** How often this process misses expired offers (default 1 s; tests make it fast). */
  offerExpiryMs?: number;
  /** How often this process lapses lead views and typing not renewed (default 2 s). */
  leadSweepMs?: number;
  /** How often this process releases scheduled texts that are due (default 5 s). */
  scheduledReleaseMs?: number;
  /** How often this process runs due jobs (default 1 s; tests slow it and call runDue). */
  jobsEveryMs?: number;
  /**
   * The outbound text sender's poll interval, retry delays... (tests make them fast); false:
   * this process sends no texts (a test of what a mutation stores, before any sender acts).
   */
  smsSender?: SmsSenderOptions | false;
  /** Where the log goes instead of stdout (tests read it to prove what is never logged). */
  logStream?: NodeJS.WritableStream;
  /** How often this process sends queued relay emails (default 1 s; tests make it fast). */
  emailSendMs?: number;
  /** How often this process fetches inbound MMS media a webhook's kick left (default 5 s). */
  inboundMediaSweepMs?: number;
  /** How often this process looks for due emails in the outbox (default 5 s; commits wake it). */
  emailPollMs?: number;
  /** The outbox's first retry delay after an SMTP failure, doubling (default 30 s). */
  emailRetryMs?: number;
}

/** The cloud's start-up, in order (DESIGN §3). */
export async function startCloud(
  config: CloudConfig,
  options: StartOptions = {},
): Promise<RunningCloud> {
  const db = options.db ?? (await openDatabase(config));
  try {
    await migrate(db);
    const app = await createHttpApp(config, options.logStream);
    if (config.demo) await loadDemoOnce(db, config, app);
    const address = { url: '' };
    const key = await loadSecretKey(config.secretKey, config.dataDir);
    const services = createServices(config, db, app, address, secretBox(key), options.texter);
    const stopListening = await listenToBus(db, services.hub, services.sessions);
    registerRoutes(app, services, ROUTES);
    const { url, port } = await listen(app, config);
    address.url = url;
    const stopSweeping = startPresenceSweeper(services, options.presenceSweepMs);
    const offerExpiry = startOfferExpiry(services, options.offerExpiryMs ?? 1000);
    const stopLeadSweeper = startLeadViewSweeper(services, options.leadSweepMs);
    const scheduledReleases = startScheduledReleases(services, options.scheduledReleaseMs ?? 5000);
    const jobs = startJobRunner(services, {
      kinds: JOB_KINDS,
      planners: JOB_PLANNERS,
      everyMs: options.jobsEveryMs ?? 1000,
    });
    const smsSender =
      options.smsSender === false ? null : startSmsSender(services, options.smsSender);
    if (smsSender) services.smsSender = smsSender;
    const smtpListener = await listenForEmail(services);
    const emailSender = startEmailSender(services, options.emailSendMs ?? 1000);
    const stopMediaSweep = sweepEvery(
      options.inboundMediaSweepMs ?? 5000,
      () => services.inboundMedia.drain(services),
      services.log,
      'inbound media fetch',
    );
    const emailOutbox = await startOutbox(config, services, options);

    return {
      url,
      port,
      smtpPort: smtpListener?.port ?? null,
      services,
      app,
      jobs,
      emailOutbox,
      async close() {
        await smtpListener?.close();
        await emailSender.stop();
        services.hub.closeAll();
        await app.close();
        await stopSweeping();
        await offerExpiry.stop();
        await stopLeadSweeper();
        await scheduledReleases.stop();
        await jobs.stop();
        await smsSender?.stop();
        await stopMediaSweep();
        await services.inboundMedia.settle();
        await emailOutbox?.stop();
        await stopListening();
        services.mailer.close();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    if (!options.db) await db.close().catch(() => {});
    throw error;
  }
}

async function startOutbox(
  config: CloudConfig,
  services: CloudServices,
  options: StartOptions,
): Promise<EmailOutbox | null> {
  if (!config.smtp) {
    services.log.warn('no SMTP_HOST set: CRM, escalation and transcript emails wait in the outbox');
    return null;
  }
  return startEmailOutbox(services, {
    pollMs: options.emailPollMs,
    retryMs: options.emailRetryMs,
  });
}

function openDatabase(config: CloudConfig): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

async function loadDemoOnce(db: Db, config: CloudConfig, app: FastifyInstance): Promise<void> {
  const started = Date.now();
  const loaded = await loadDemo(db, { leads: config.demoLeads, now: Date.now() });
  if (loaded) {
    const ms = Date.now() - started;
    app.log.info({ leads: config.demoLeads, ms }, 'demo dealer group loaded');
  }
}

function createServices(
  config: CloudConfig,
  db: Db,
  app: FastifyInstance,
  address: { url: string },
  secrets: SecretBox,
  texter: TextingPort = twilioTexter({ db, secrets, config }, unconfiguredTexter(app.log)),
): CloudServices {
  const mailer = createMailer(config.smtp, config.mailFrom, (email) =>
    app.log.warn({ to: email.to, subject: email.subject }, 'email not sent: no SMTP_HOST set'),
  );
  return {
    config,
    db,
    hub: new LiveHub(),
    sessions: new SessionCache(),
    pulls: new SharedPulls(db),
    offerClaims: new OfferClaims(),
    groupedWrites: new GroupedWrites(db),
    mailer,
    texter,
    secrets,
    inboundMedia: new InboundMediaFetcher(),
    log: app.log,
    now: Date.now,
    publicUrl: () => config.publicUrl ?? address.url,
    smsSender: { wake() {} }, // until the sender starts, after the server listens
  };
}

/** The relay's SMTP listener; a port already taken is logged, and the cloud runs without it. */
async function listenForEmail(services: CloudServices): Promise<SmtpListener | null> {
  const { smtpListenHost, smtpListenPort } = services.config;
  try {
    return await startSmtpListener(services);
  } catch (error) {
    services.log.error(
      { err: error, host: smtpListenHost, port: smtpListenPort },
      'email relay: the SMTP listener could not start; inbound email is off (SMTP_LISTEN_PORT)',
    );
    return null;
  }
}

async function listen(app: FastifyInstance, config: CloudConfig) {
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { url: `http://${host}:${port}`, port };
}
