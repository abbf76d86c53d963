import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes `application/x-www-form-urlencoded` (a provider's webhook). */
    acceptsForm?: boolean;
  }
}

/**
 * Providers post their webhooks as HTML forms (Twilio does). Only the routes that say so take
 * one; everywhere else a form is still the clear 415 of a JSON-only API. The body becomes a
 * plain object of strings, the shape signature checks are computed over; a repeated field keeps
 * its last value (Twilio numbers repeated fields: MediaUrl0, MediaUrl1...).
 */
export function acceptFormsWhereAsked(app: FastifyInstance) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (request, body, done) => {
      if (request.routeOptions.config.acceptsForm !== true) {
        done(new HttpError(415, 'unsupported_media_type', 'send the body as application/json'));
        return;
      }
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
}
