import { z } from 'zod';
import { EpochMs, Id } from './common';

export const CHANNELS = ['sms', 'chat', 'email', 'messenger', 'voice'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** One conversation per lead and channel. */
export const Conversation = z.object({
  id: Id,
  tenantId: Id,
  leadId: Id,
  channel: Channel,
  createdAt: EpochMs,
});
export type Conversation = z.infer<typeof Conversation>;

export const DELIVERY_STATUSES = [
  'scheduled',
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'received',
] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Media = z.object({
  url: z.string().max(2000),
  contentType: z.string().max(100),
  name: z.string().max(200),
});

export const Message = z.object({
  id: Id,
  tenantId: Id,
  leadId: Id,
  conversationId: Id,
  direction: z.enum(['in', 'out']),
  /** The agent who wrote an outbound message; null for the customer or automation. */
  authorUserId: Id.nullable(),
  body: z.string().max(20000),
  media: z.array(Media).max(10),
  status: DeliveryStatus,
  errorCode: z.string().max(20).nullable(),
  providerId: z.string().max(100).nullable(),
  /** When a scheduled message is due; null for one sent at once. */
  scheduledAt: EpochMs.nullable(),
  /** The funnel this message is a step of; a customer's reply pauses the steps still to come. */
  funnelId: Id.nullable().optional(),
  createdAt: EpochMs,
});
export type Message = z.infer<typeof Message>;
