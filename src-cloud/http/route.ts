import type { FastifyReply } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { Role } from '../../src-shared/domain/user';
import type { AuthContext } from '../accounts/auth-context';
import type { CloudServices } from '../services';

/**
 * One entry of the route table (routes.ts): everything the server, the API description and the
 * tenant-isolation test need to know about a route. Inputs are checked against the zod schemas
 * before `handle` runs; a handler that returns a string sends it as ready JSON.
 */
export interface Call<Body, Query, Params, Auth> {
  services: CloudServices;
  auth: Auth;
  body: Body;
  query: Query;
  params: Params;
  ip: string;
  reply: FastifyReply;
}

interface RouteBase<Body, Query, Params> {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  summary: string;
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  params?: z.ZodType<Params>;
  /** What the API description shows for the body, when it says more than `body` checks. */
  bodyDoc?: z.ZodType;
  /** The success body, for /v1/openapi.json; none: 204 or a non-JSON page. */
  response?: z.ZodType;
  status?: number;
  /** Bytes this route's body may have, when not the server's default (an upload). */
  bodyLimit?: number;
  /** Takes an HTML form body (a provider's webhook) instead of JSON. */
  acceptsForm?: boolean;
}

export interface HttpRoute<Body = unknown, Query = unknown, Params = unknown> extends RouteBase<
  Body,
  Query,
  Params
> {
  kind: 'http';
  /** 'public': no token; a role: a session whose user has at least that role. */
  access: 'public' | Role;
  handle(call: Call<Body, Query, Params, AuthContext | null>): Promise<unknown>;
}

export interface LiveRoute extends RouteBase<unknown, unknown, unknown> {
  kind: 'websocket';
  access: Role;
  connect(socket: WebSocket, services: CloudServices, auth: AuthContext): void;
}

export type Route = HttpRoute<never, never, never> | LiveRoute;

/** A route anyone may call (sign-in, invites, the API description). */
export function publicRoute<B = undefined, Q = undefined, P = undefined>(
  route: RouteBase<B, Q, P> & { handle(call: Call<B, Q, P, null>): Promise<unknown> },
): Route {
  return { kind: 'http', access: 'public', ...route } as unknown as Route;
}

/** A route for a signed-in user with at least `access`. */
export function signedInRoute<B = undefined, Q = undefined, P = undefined>(
  route: RouteBase<B, Q, P> & {
    access: Role;
    handle(call: Call<B, Q, P, AuthContext>): Promise<unknown>;
  },
): Route {
  return { kind: 'http', ...route } as unknown as Route;
}

export function liveRoute(route: Omit<LiveRoute, 'kind' | 'method'>): Route {
  return { kind: 'websocket', method: 'GET', ...route };
}
