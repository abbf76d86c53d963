import { PullQuery, PushRequest } from '../../src-shared/sync/protocol';
import { HttpError } from '../http/errors';
import { signedInRoute } from '../http/route';
import { PullResponseSchema, PushRequestDoc, PushResponseSchema } from '../http/api-schemas';
import { CursorAheadError, pullResponseJson } from './pull';
import { push } from './push';

export const syncRoutes = [
  signedInRoute({
    method: 'GET',
    url: '/v1/sync',
    summary:
      'The rows changed after version `since` that you may see, oldest first; page with `cursor` while `more`. 409 cursor_ahead: the replica is of another database, pull from 0.',
    access: 'agent',
    query: PullQuery,
    response: PullResponseSchema,
    handle: async ({ services, auth, query }) => {
      try {
        return pullResponseJson(await services.pulls.pull(auth, query.since, query.limit));
      } catch (error) {
        if (error instanceof CursorAheadError)
          throw new HttpError(409, 'cursor_ahead', error.message);
        throw error;
      }
    },
  }),

  signedInRoute({
    method: 'POST',
    url: '/v1/mutations',
    summary:
      'Apply mutations in order, each in its own transaction, idempotent per (clientId, mutation id). A malformed batch is a 400 and nothing is applied.',
    access: 'agent',
    body: PushRequest,
    bodyDoc: PushRequestDoc,
    response: PushResponseSchema,
    handle: async ({ services, auth, body }) => {
      const answer = await push(services.db, auth, body, services.now);
      // A text was queued: the sender looks now rather than at its next poll.
      if (body.mutations.some((m) => m.name === 'sendMessage')) services.smsSender.wake();
      return answer;
    },
  }),
];
