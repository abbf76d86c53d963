import type { FastifyServerOptions } from 'fastify';

/**
 * Fastify's logger (pino), with what must never reach a log file censored wherever it appears:
 * tokens, passwords and message bodies (DESIGN §10).
 */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream && { stream }),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'password',
        '*.password',
        'currentPassword',
        '*.currentPassword',
        'newPassword',
        '*.newPassword',
        'token',
        '*.token',
        'body',
        '*.body',
        '*.args.body',
        'text',
        '*.text',
        'authToken',
        '*.authToken',
      ],
      censor: '[redacted]',
    },
  };
}
