import { filterHandlers } from './filter-handlers';
import type { HandlerTable } from './handler';
import { healthHandlers } from './health-handlers';
import { leadActivityHandlers } from './lead-activity-handlers';
import { offerHandlers } from './offer-handlers';
import { presenceHandlers } from './presence-handlers';
import { readHandlers } from './read-handlers';
import { syncHandlers } from './sync-handlers';

export type { HandlerContext, HandlerTable } from './handler';

export const handlers: HandlerTable = {
  ...readHandlers,
  ...filterHandlers,
  ...healthHandlers,
  ...syncHandlers,
  ...presenceHandlers,
  ...offerHandlers,
  ...leadActivityHandlers,
};
