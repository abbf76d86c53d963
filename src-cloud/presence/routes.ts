import { z } from 'zod';
import { UserPresence } from '../../src-shared/presence/presence';
import type { PresenceListResponse } from '../../src-shared/sync/protocol';
import { signedInRoute } from '../http/route';
import { tenantPresence } from './tenant-presence';

export const PresenceListResponseSchema = z.object({ users: z.array(UserPresence) });

export const presenceRoutes = [
  signedInRoute({
    method: 'GET',
    url: '/v1/presence',
    summary:
      "Every user of your tenant with their presence: the most available of their devices (offline, 'disconnected', since 0 when none has spoken). Live changes come over /v1/live.",
    // The Agents panel is the managers', but a colleague's presence is no secret.
    access: 'agent',
    response: PresenceListResponseSchema,
    handle: async ({ services, auth }): Promise<PresenceListResponse> => ({
      users: await tenantPresence(services.db, auth.tenantId),
    }),
  }),
];
