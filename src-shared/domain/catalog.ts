import { z } from 'zod';
import { Id } from './common';

/** The small per-tenant lists agents pick from. */

export const Label = z.object({
  id: Id,
  tenantId: Id,
  name: z.string().min(1).max(60),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type Label = z.infer<typeof Label>;

export const SavedReply = z.object({
  id: Id,
  tenantId: Id,
  /** Null: every store of the tenant. */
  storeId: Id.nullable(),
  title: z.string().min(1).max(100),
  body: z.string().min(1).max(2000),
});
export type SavedReply = z.infer<typeof SavedReply>;

export const FunnelStep = z.object({
  delayMinutes: z.number().int().nonnegative(),
  body: z.string().min(1).max(2000),
});
/** A timed message sequence; a customer reply pauses it. */
export const Funnel = z.object({
  id: Id,
  tenantId: Id,
  storeId: Id.nullable(),
  name: z.string().min(1).max(100),
  steps: z.array(FunnelStep).min(1).max(50),
});
export type Funnel = z.infer<typeof Funnel>;
