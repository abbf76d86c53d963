import { z } from 'zod';
import { E164, Id } from './common';

export const ROLES = ['agent', 'manager', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const UserPreferences = z.object({
  forwardLeadCalls: z.boolean(),
  copyMeOnEmails: z.boolean(),
  playSounds: z.boolean(),
});

export const User = z.object({
  id: Id,
  tenantId: Id,
  name: z.string().min(1).max(200),
  email: z.string().email().max(320),
  role: Role,
  storeIds: z.array(Id),
  photoUrl: z.string().url().nullable(),
  /** The phone click-to-call rings first, and the DTMF string dialled after it answers. */
  phone: E164.nullable(),
  extension: z
    .string()
    .regex(/^[0-9,*#]*$/)
    .max(40),
  preferences: UserPreferences,
});
export type User = z.infer<typeof User>;
