import nodemailer, { type Transporter } from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * The cloud's one way out by email (invites now; CRM leads, transcripts and reports later).
 * Without SMTP settings the mail is not sent and `onUnsent` says so (never with the body: an
 * invite link is a secret).
 */
export function createMailer(
  smtp: SmtpSettings | null,
  from: string,
  onUnsent: (email: OutgoingEmail) => void,
): Mailer {
  if (!smtp) {
    return {
      async send(email) {
        onUnsent(email);
      },
      close() {},
    };
  }
  const transport = smtpTransport(smtp);
  return {
    async send(email) {
      await transport.sendMail({ from, ...email });
    },
    close: () => transport.close(),
  };
}

/**
 * A nodemailer transport to the environment's SMTP server; `pooled` keeps a few connections
 * open for a sender that sends many (the email relay).
 */
export function smtpTransport(smtp: SmtpSettings, pooled = false): Transporter {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    ...(pooled && { pool: true, maxConnections: 3 }),
  });
}
