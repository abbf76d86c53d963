import { ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** Leads ringing at this desk, and the Accept that claims one (DESIGN §7). */
export const offerHandlers: Pick<HandlerTable, 'getRingingOffers' | 'acceptOffer'> = {
  getRingingOffers: (_args, { desk }) => ok(desk.offers.ringingOffers()),

  acceptOffer: ({ offerId }, { desk }) => desk.offers.accept(offerId),
};
