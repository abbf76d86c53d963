import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { receiveRelayEmail } from './receive-email';
import { targetOfToken, type RelayTarget } from './relay-addresses';
import { tokenOfAddress } from './relay-address';
import type { RelayServices } from './relay-services';
import { SmtpRefusal } from './smtp-refusal';

/** The leads each session's accepted recipients named at RCPT, so DATA need not look again. */
const acceptedTargets = new WeakMap<SMTPServerSession, Map<string, RelayTarget>>();

/** More recipients than this in one email is not a customer writing to a dealer. */
const MAX_RECIPIENTS = 20;

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/**
 * The relay's own SMTP server (DESIGN §8): takes mail for lead-TOKEN@RELAY_DOMAIN only, refusing
 * any other recipient at RCPT with 550, an email over the size limit with 552, an unreadable one
 * with 554. Whatever a client sends, a failure is answered (451: try again later) and logged,
 * never thrown: the listener cannot take the cloud down.
 */
export async function startSmtpListener(services: RelayServices): Promise<SmtpListener> {
  const { config, log } = services;
  const maxBytes = config.relayMaxBytes;
  const batches = services.groupedWrites;
  const server = new SMTPServer({
    name: config.relayDomain,
    banner: 'Showroom email relay',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    maxClients: 200,
    closeTimeout: 2000,
    onMailFrom(_address, session, callback) {
      // A new email on the same connection: the previous one's recipients are done with.
      acceptedTargets.delete(session);
      callback();
    },
    onRcptTo(address, session, callback) {
      acceptRecipient(services, address, session).then(
        () => callback(),
        (error: unknown) => callback(smtpError(services, error)),
      );
    },
    onData(stream, session, reply) {
      // A stream error may still be followed by its end: the client gets one answer.
      let answered = false;
      const callback: typeof reply = (...args) => {
        if (answered) return;
        answered = true;
        reply(...args);
      };
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on('data', (chunk: Buffer) => {
        // Past the limit the rest is read and dropped: the answer is 552 anyway.
        if (kept + chunk.length <= maxBytes) chunks.push(chunk);
        kept += chunk.length;
      });
      stream.on('error', (error) => callback(smtpError(services, error)));
      stream.on('end', () => {
        if (stream.sizeExceeded || kept > maxBytes) {
          const limit = sizeText(maxBytes);
          const refusal = `5.3.4 the message is larger than the ${limit} this relay accepts`;
          return callback(smtpError(services, new SmtpRefusal(552, refusal)));
        }
        receiveRelayEmail(
          services,
          batches,
          Buffer.concat(chunks),
          envelopeOf(services, session),
        ).then(
          () => callback(null, 'Delivered to the Showroom thread'),
          (error: unknown) => callback(smtpError(services, error)),
        );
      });
    },
  });
  server.on('error', (error) => log.warn({ err: error }, 'email relay: SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(config.smtpListenPort, config.smtpListenHost, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${+(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

async function acceptRecipient(
  services: RelayServices,
  address: SMTPServerAddress,
  session: SMTPServerSession,
): Promise<void> {
  if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) {
    throw new SmtpRefusal(452, `4.5.3 at most ${MAX_RECIPIENTS} recipients per message`);
  }
  const token = tokenOfAddress(address.address, services.config.relayDomain);
  const target = token ? await targetOfToken(services.db, token) : null;
  if (!token || !target) throw new SmtpRefusal(550, '5.1.1 no such relay address here');
  const targets = acceptedTargets.get(session) ?? new Map<string, RelayTarget>();
  targets.set(token, target);
  acceptedTargets.set(session, targets);
}

function envelopeOf(services: RelayServices, session: SMTPServerSession) {
  const { mailFrom, rcptTo } = session.envelope;
  const domain = services.config.relayDomain;
  return {
    mailFrom: mailFrom && mailFrom.address ? mailFrom.address : null,
    tokens: rcptTo.flatMap((rcpt) => tokenOfAddress(rcpt.address, domain) ?? []),
    accepted: acceptedTargets.get(session) ?? new Map<string, RelayTarget>(),
  };
}

/** A refusal as smtp-server answers it; anything unexpected is logged and is a 451. */
function smtpError(services: RelayServices, error: unknown): Error & { responseCode: number } {
  if (error instanceof SmtpRefusal) {
    return Object.assign(new Error(error.message), { responseCode: error.responseCode });
  }
  services.log.error({ err: error }, 'email relay: an arriving email could not be handled');
  return Object.assign(
    new Error('4.3.0 the relay could not take this message now; try again later'),
    {
      responseCode: 451,
    },
  );
}
