import { z } from 'zod';
import { Id } from './common';

/** Settings at three levels; the narrower one wins where both say something. */
export const SettingsScope = z.enum(['tenant', 'store', 'user']);

export const Setting = z.object({
  id: Id,
  tenantId: Id,
  scope: SettingsScope,
  /** The store or user id for those scopes; the tenant id for the tenant scope. */
  scopeId: Id,
  key: z.string().min(1).max(100),
  value: z.unknown(),
});
export type Setting = z.infer<typeof Setting>;
