import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../accounts/auth-context';
import type { CloudServices } from '../services';
import { authenticate } from './bearer';
import { HttpError, parseOr400 } from './errors';
import type { HttpRoute, LiveRoute, Route } from './route';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** Puts every route of the table on the server: authentication, input checks, then the handler. */
export function registerRoutes(
  app: FastifyInstance,
  services: CloudServices,
  routes: readonly Route[],
) {
  app.decorateRequest('auth', null);
  for (const route of routes) {
    const preHandler = async (request: FastifyRequest) => {
      if (route.access !== 'public')
        request.auth = await authenticate(services, request, route.access);
    };
    if (route.kind === 'websocket') registerLive(app, services, route, preHandler);
    else registerHttp(app, services, route as HttpRoute, preHandler);
  }
}

function registerHttp(
  app: FastifyInstance,
  services: CloudServices,
  route: HttpRoute,
  preHandler: (request: FastifyRequest) => Promise<void>,
) {
  app.route({
    method: route.method,
    url: route.url,
    ...(route.bodyLimit !== undefined && { bodyLimit: route.bodyLimit }),
    config: { acceptsForm: route.acceptsForm === true },
    preHandler,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const input = {
        body: route.body
          ? parseOr400(route.body, request.body ?? {}, 'the request body is not valid')
          : undefined,
        query: route.query
          ? parseOr400(route.query, request.query, 'the query string is not valid')
          : undefined,
        params: route.params
          ? parseOr400(route.params, request.params, 'the path is not valid')
          : undefined,
      };
      const result = await route.handle({
        services,
        auth: request.auth,
        ip: request.ip,
        reply,
        ...input,
      });
      if (reply.sent) return reply;
      reply.code(route.status ?? (result === undefined ? 204 : 200));
      if (typeof result === 'string')
        return reply.type('application/json; charset=utf-8').send(result);
      return reply.send(result);
    },
  });
}

function registerLive(
  app: FastifyInstance,
  services: CloudServices,
  route: LiveRoute,
  preHandler: (request: FastifyRequest) => Promise<void>,
) {
  app.route({
    method: 'GET',
    url: route.url,
    preHandler,
    // A plain GET without the upgrade headers: say what this address is for.
    handler: async () => {
      throw new HttpError(426, 'upgrade_required', `${route.url} is a WebSocket; connect with one`);
    },
    wsHandler: (socket, request) => {
      if (!request.auth) return socket.close(1008, 'not signed in'); // preHandler guarantees it
      route.connect(socket, services, request.auth);
    },
  });
}
