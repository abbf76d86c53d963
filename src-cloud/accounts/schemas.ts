import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { Role, User } from '../../src-shared/domain/user';
import { MIN_PASSWORD_LENGTH } from './passwords';

/**
 * Request and response shapes of the account routes that are not (yet) in the shared sync
 * protocol: the desktop's admin screens will move them to src-shared when they call them.
 */
const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200);

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
  .strict();
export const TokenResponse = z.object({ token: z.string() });
export const MeResponse = z.object({ user: User });

export const AcceptInviteRequest = z
  .object({ token: z.string().min(20).max(200), password: NewPassword })
  .strict();

/** An admin provisions an agent (or manager); they get an email to set their password. */
export const CreateUserRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().email().max(320),
    /** As typed; read with `country` and stored as E.164. */
    phone: z.string().trim().max(40).nullable().default(null),
    /** ISO 3166 alpha-2, for reading a phone typed without its country code. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US')
      .default('US'),
    photoUrl: z.string().url().max(2000).nullable().default(null),
    role: Role.default('agent'),
    storeIds: z.array(Id).min(1, 'a user works at least one store').max(1000),
  })
  .strict();
export const UserIdParams = z.object({ userId: Id });
export const CreateUserResponse = z.object({
  user: User,
  /** `failed`: the user exists, the email did not go out; resend the invite. */
  inviteEmail: z.enum(['sent', 'failed']),
});
export const InviteSentResponse = z.object({ inviteEmail: z.enum(['sent', 'failed']) });
