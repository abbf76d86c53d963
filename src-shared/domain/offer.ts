import { z } from 'zod';
import { EpochMs, Id } from './common';

/** A lead ringing at a set of agents; the first Accept wins. */
export const Offer = z.object({
  id: Id,
  tenantId: Id,
  leadId: Id,
  storeId: Id,
  agentIds: z.array(Id),
  status: z.enum(['open', 'accepted', 'missed']),
  acceptedByUserId: Id.nullable(),
  createdAt: EpochMs,
  expiresAt: EpochMs,
});
export type Offer = z.infer<typeof Offer>;
