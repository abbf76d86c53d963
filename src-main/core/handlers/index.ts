import { callHandlers } from './call-handlers';
import { composerHandlers } from './composer-handlers';
import { appointmentHandlers } from './appointment-handlers';
import { filterHandlers } from './filter-handlers';
import type { HandlerTable } from './handler';
import { healthHandlers } from './health-handlers';
import { leadExtrasHandlers } from './lead-extras-handlers';
import { mediaHandlers } from './media-handlers';
import { leadActivityHandlers } from './lead-activity-handlers';
import { offerHandlers } from './offer-handlers';
import { presenceHandlers } from './presence-handlers';
import { readHandlers } from './read-handlers';
import { syncHandlers } from './sync-handlers';
import { translateHandlers } from './translate-handlers';

export type { HandlerContext, HandlerTable } from './handler';

export const handlers: HandlerTable = {
  ...readHandlers,
  ...leadExtrasHandlers,
  ...translateHandlers,
  ...filterHandlers,
  ...healthHandlers,
  ...syncHandlers,
  ...presenceHandlers,
  ...offerHandlers,
  ...composerHandlers,
  ...mediaHandlers,
  ...appointmentHandlers,
  ...leadActivityHandlers,
  ...callHandlers,
};
