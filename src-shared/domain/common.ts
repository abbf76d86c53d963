import { z } from 'zod';

/** Ids are opaque strings (UUIDv7 when minted by the cloud or the outbox). */
export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

/** Every instant is epoch milliseconds, UTC; time zones are IANA names shown at the edge. */
export const EpochMs = z.number().int().nonnegative();
export type EpochMs = z.infer<typeof EpochMs>;

export const TimeZone = z.string().min(1).max(64);

export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number');

export const Address = z.object({
  street: z.string().max(200),
  city: z.string().max(100),
  state: z.string().max(50),
  zip: z.string().max(20),
});
export type Address = z.infer<typeof Address>;
