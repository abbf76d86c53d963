import { z } from 'zod';
import { adminRoutes } from '../accounts/admin-routes';
import { accountRoutes } from '../accounts/routes';
import { callRoutes } from '../calls/routes';
import { consentRoutes } from '../consent/routes';
import { inboundRoutes } from '../inbound/routes';
import { liveRoutes } from '../live/route';
import { mediaRoutes } from '../media/routes';
import { offerRoutes } from '../offers/routes';
import { presenceRoutes } from '../presence/routes';
import { syncRoutes } from '../sync/routes';
import { twilioRoutes } from '../twilio/routes';
import { inboundSmsRoute } from '../twilio/inbound-sms-route';
import { openApiDocument } from './openapi';
import { publicRoute, type Route } from './route';

/**
 * Every route of the cloud. The server registers them, /v1/openapi.json describes them and the
 * tenant-isolation test walks them, all from this one list.
 */
const API_ROUTES: readonly Route[] = [
  ...accountRoutes,
  ...adminRoutes,
  ...syncRoutes,
  ...liveRoutes,
  ...presenceRoutes,
  ...inboundRoutes,
  ...offerRoutes,
  ...mediaRoutes,
  ...twilioRoutes,
  ...callRoutes,
  inboundSmsRoute,
  ...consentRoutes,
];

const metaRoutes: readonly Route[] = [
  publicRoute({
    method: 'GET',
    url: '/v1/openapi.json',
    summary: 'This API description (OpenAPI 3.1), generated from the route table.',
    status: 200,
    handle: async () => DOCUMENT,
  }),
  publicRoute({
    method: 'GET',
    url: '/v1/health',
    summary: 'Answers while the server and its database are up.',
    response: z.object({ ok: z.literal(true) }),
    handle: async ({ services }) => {
      await services.db.query('SELECT 1');
      return { ok: true };
    },
  }),
];

export const ROUTES: readonly Route[] = [...API_ROUTES, ...metaRoutes];
const DOCUMENT = openApiDocument(ROUTES);
