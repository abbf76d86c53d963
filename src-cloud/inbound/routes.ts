import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { InboundMessageRequest, type InboundMessageResponse } from '../../src-shared/sync/protocol';
import { signedInRoute } from '../http/route';
import { receiveInbound } from './receive-inbound';

const InboundMessageResponseSchema = z.object({
  leadId: Id,
  conversationId: Id,
  messageId: Id,
  offerId: Id.nullable(),
});
true satisfies z.infer<typeof InboundMessageResponseSchema> extends InboundMessageResponse
  ? true
  : false;

export const inboundRoutes = [
  signedInRoute({
    method: 'POST',
    url: '/v1/inbound',
    summary:
      "A customer's message arriving at a store of your dealer group (managers and admins; the channel webhooks do the same). Finds or creates the lead and the conversation; a new conversation of an unassigned lead rings at the store's online agents. 404: no such store here.",
    access: 'manager',
    body: InboundMessageRequest,
    response: InboundMessageResponseSchema,
    handle: ({ services, auth, body }) => receiveInbound(services, auth.tenantId, body),
  }),
];
