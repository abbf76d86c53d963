import { z } from 'zod';
import { Id } from '../domain/common';
import { User } from '../domain/user';
import type { SyncChange } from './changes';

/**
 * The wire between a desktop and the cloud (DESIGN §4). Paths are under /v1; every route but
 * login takes `Authorization: Bearer <token>`.
 */

export const LoginRequest = z.object({
  email: z.string().email().max(320),
  password: z.string().min(1).max(200),
});
export const LoginResponse = z.object({ token: z.string(), user: User });

/** GET /v1/sync?since=V&limit=N: the rows changed after version V, oldest change first. */
export const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export interface PullResponse {
  changes: SyncChange[];
  /** The version to ask `since` next time. */
  cursor: number;
  /** True when more changes are waiting: ask again at once. */
  more: boolean;
  /** The tenant's current version, for progress ("12,000 of 100,000"). */
  version: number;
}

/** POST /v1/mutations: applied in order, each in its own transaction, idempotent per (client, id). */
export const MutationEnvelope = z.object({
  id: Id,
  name: z.string().min(1).max(60),
  args: z.unknown(),
});
export const PushRequest = z.object({
  clientId: Id,
  mutations: z.array(MutationEnvelope).min(1).max(100),
});
export type MutationResult =
  { id: string; status: 'ok' } | { id: string; status: 'rejected'; code: string; message: string };
export interface PushResponse {
  results: MutationResult[];
  version: number;
}

/** Frames on WS /v1/live. Presence, offers, locks and typing join in later issues. */
export type LiveServerFrame = { type: 'poke'; version: number } | { type: 'pong' };
export type LiveClientFrame = { type: 'ping' };

/** Every 4xx/5xx body: a code a program can branch on and a sentence a person can read. */
export interface ErrorBody {
  error: { code: string; message: string };
}
