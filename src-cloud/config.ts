import { resolve } from 'node:path';
import type { RateLimit } from './accounts/rate-limit';
import type { SmtpSettings } from './email/mailer';
import { TWILIO_API_ORIGIN } from './twilio/client';

/** Everything the cloud reads from its environment, with the defaults of DESIGN §3. */
export interface CloudConfig {
  host: string;
  /** 0: any free port (tests). */
  port: number;
  /** A PostgreSQL server; null: PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Loads the demo dealer group and accepts its shared password. */
  demo: boolean;
  /** Where people reach this cloud, for links in emails; default: the address it listens on. */
  publicUrl: string | null;
  smtp: SmtpSettings | null;
  mailFrom: string;
  sessionTtlMs: number;
  inviteTtlMs: number;
  bodyLimitBytes: number;
  loginLimit: { perEmail: RateLimit; perAddress: RateLimit };
  logLevel: string;
  /** Behind a load balancer: take the client's address from X-Forwarded-For (rate limits). */
  trustProxy: boolean;
  /** How many leads `--demo` generates. */
  demoLeads: number;
  /** Seals secrets at rest (base64, 32 bytes); null: a key file in `dataDir` (one process). */
  secretKey: string | null;
  /** Where the Twilio SDK's API requests go: Twilio's own, or a stand-in in tests. */
  twilioApiOrigin: string;
  /** The email relay's domain: each lead's address is lead-TOKEN@relayDomain (RELAY_DOMAIN). */
  relayDomain: string;
  /** The relay's own SMTP listener (SMTP_LISTEN_PORT; 0: any free port, tests). */
  smtpListenPort: number;
  /** Where the SMTP listener binds (SMTP_LISTEN_HOST; default HOST). */
  smtpListenHost: string;
  /** The largest email the listener accepts, in bytes (larger is refused with 552). */
  relayMaxBytes: number;
}

const HOUR = 3_600_000;

export const DEFAULT_CONFIG: CloudConfig = {
  host: '127.0.0.1',
  port: 8787,
  databaseUrl: null,
  dataDir: resolve('data/cloud'),
  demo: false,
  publicUrl: null,
  smtp: null,
  mailFrom: 'Showroom <no-reply@showroom.invalid>',
  sessionTtlMs: 30 * 24 * HOUR,
  inviteTtlMs: 72 * HOUR,
  bodyLimitBytes: 1024 * 1024,
  loginLimit: {
    perEmail: { attempts: 10, windowMs: 15 * 60_000 },
    perAddress: { attempts: 100, windowMs: 15 * 60_000 },
  },
  logLevel: 'info',
  trustProxy: false,
  demoLeads: 2000,
  secretKey: null,
  twilioApiOrigin: TWILIO_API_ORIGIN,
  relayDomain: 'relay.showroom.invalid',
  smtpListenPort: 2525,
  smtpListenHost: '127.0.0.1',
  relayMaxBytes: 10 * 1024 * 1024,
};

type Env = Record<string, string | undefined>;

/** `npm run cloud [-- --demo]` with HOST, PORT, DATABASE_URL, SHOWROOM_DATA_DIR, SMTP_*... */
export function configFromEnv(
  env: Env = process.env,
  argv: string[] = process.argv.slice(2),
): CloudConfig {
  const unknown = argv.filter((arg) => arg !== '--demo');
  if (unknown.length > 0)
    throw new Error(`unknown argument ${unknown.join(' ')} (the only one is --demo)`);
  return {
    ...DEFAULT_CONFIG,
    host: env.HOST || DEFAULT_CONFIG.host,
    port: env.PORT ? port(env.PORT) : DEFAULT_CONFIG.port,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.SHOWROOM_DATA_DIR ? resolve(env.SHOWROOM_DATA_DIR) : DEFAULT_CONFIG.dataDir,
    demo: argv.includes('--demo'),
    publicUrl: env.PUBLIC_URL || null,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT ? port(env.SMTP_PORT) : 587,
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER || null,
          password: env.SMTP_PASSWORD || null,
        }
      : null,
    mailFrom: env.MAIL_FROM || DEFAULT_CONFIG.mailFrom,
    logLevel: env.LOG_LEVEL || DEFAULT_CONFIG.logLevel,
    trustProxy: env.TRUST_PROXY === 'true',
    demoLeads: env.SHOWROOM_DEMO_LEADS ? count(env.SHOWROOM_DEMO_LEADS) : DEFAULT_CONFIG.demoLeads,
    secretKey: env.SHOWROOM_SECRET_KEY || null,
    twilioApiOrigin: env.TWILIO_API_ORIGIN ? origin(env.TWILIO_API_ORIGIN) : TWILIO_API_ORIGIN,
    relayDomain: env.RELAY_DOMAIN ? domain(env.RELAY_DOMAIN) : DEFAULT_CONFIG.relayDomain,
    smtpListenPort: env.SMTP_LISTEN_PORT
      ? port(env.SMTP_LISTEN_PORT)
      : DEFAULT_CONFIG.smtpListenPort,
    smtpListenHost: env.SMTP_LISTEN_HOST || env.HOST || DEFAULT_CONFIG.smtpListenHost,
  };
}

/** A host name of letters, digits and hyphens (the relay's addresses and Message-IDs use it). */
function domain(value: string): string {
  const name = value.trim().toLowerCase();
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  if (name.length > 60 || !name.includes('.') || !name.split('.').every((l) => label.test(l))) {
    throw new Error(`RELAY_DOMAIN: not a domain name (at most 60 characters): ${value}`);
  }
  return name;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${value}`);
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`not a port number: ${value}`);
  return n;
}

function origin(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new Error(`TWILIO_API_ORIGIN: not an address: ${value}`);
  }
}
