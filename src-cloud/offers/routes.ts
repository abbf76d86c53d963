import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import type { AcceptOfferResponse } from '../../src-shared/sync/protocol';
import { HttpError } from '../http/errors';
import { signedInRoute } from '../http/route';
import { acceptOffer } from './accept-offer';

const AcceptOfferResponseSchema = z.object({ leadId: Id });
true satisfies z.infer<typeof AcceptOfferResponseSchema> extends AcceptOfferResponse ? true : false;

export const offerRoutes = [
  signedInRoute({
    method: 'POST',
    url: '/v1/offers/:offerId/accept',
    summary:
      'Accept a ringing lead: the first Accept wins and the lead is assigned to you. 404 offer_not_found, 403 offer_not_yours, 409 offer_taken ("Taken by NAME"), 410 offer_missed.',
    access: 'agent',
    params: z.object({ offerId: Id }),
    response: AcceptOfferResponseSchema,
    handle: async ({ services, auth, params }): Promise<AcceptOfferResponse> => {
      const result = await acceptOffer(services, auth, params.offerId);
      if (!result.ok) {
        const { status, code, message } = result.refusal;
        throw new HttpError(status, code, message);
      }
      return { leadId: result.leadId };
    },
  }),
];
