import { twilioAdminRoutes } from './admin-routes';
import { twilioMediaRoute } from './media-link';
import { twilioStatusRoute } from './status-route';

/** The Twilio channel's routes, for the route table (http/routes.ts). */
export const twilioRoutes = [...twilioAdminRoutes, twilioStatusRoute, twilioMediaRoute];
