import websocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { CloudConfig } from '../config';
import { HttpError } from './errors';
import { acceptFormsWhereAsked } from './form-body';
import { loggerOptions } from './logger';

/**
 * The Fastify instance with what every route shares: the body limit, the WebSocket plugin, and
 * one error handler that turns every failure into an `ErrorBody` saying what went wrong.
 */
export async function createHttpApp(
  config: CloudConfig,
  logStream?: NodeJS.WritableStream,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  app.removeContentTypeParser('text/plain'); // JSON only: anything else is a clear 415
  acceptFormsWhereAsked(app);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = asHttpError(error, request.routeOptions.bodyLimit ?? config.bodyLimitBytes);
    if (known.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: known.code }, known.message);
    return reply.code(known.status).headers(known.headers).send(known.body());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        new HttpError(
          404,
          'no_route',
          `no route ${request.method} ${request.url.split('?')[0]}`,
        ).body(),
      ),
  );
  return app;
}

/** `bodyLimit`: the route's own limit (an upload route allows more than the default). */
function asHttpError(error: FastifyError, bodyLimit: number): HttpError {
  if (error instanceof HttpError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid_json', `the body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'body_too_large', `the body is larger than ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
    case '23505': // unique_violation: two requests raced to create the same thing
      return new HttpError(409, 'conflict', 'that already exists');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new HttpError(400, 'invalid_json', `the body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HttpError(error.statusCode, 'bad_request', error.message);
  }
  return new HttpError(500, 'internal', 'something went wrong on the server; it was logged');
}
