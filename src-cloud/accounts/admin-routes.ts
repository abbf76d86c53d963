import { signedInRoute } from '../http/route';
import { createUser, resendInvite, setUserDisabled } from './admin-users';
import { CreateUserRequest, CreateUserResponse, InviteSentResponse, UserIdParams } from './schemas';

export const adminRoutes = [
  signedInRoute({
    method: 'POST',
    url: '/v1/admin/users',
    summary: 'Create a user (an agent by default) and email them an invite to set a password.',
    access: 'admin',
    body: CreateUserRequest,
    response: CreateUserResponse,
    status: 201,
    handle: ({ services, auth, body }) => createUser(services, auth, body),
  }),

  signedInRoute({
    method: 'POST',
    url: '/v1/admin/users/:userId/invite',
    summary: "Send a new invite link; the user's older links stop working.",
    access: 'admin',
    params: UserIdParams,
    response: InviteSentResponse,
    handle: ({ services, auth, params }) => resendInvite(services, auth, params.userId),
  }),

  signedInRoute({
    method: 'POST',
    url: '/v1/admin/users/:userId/disable',
    summary: 'Disable a user: signed out everywhere, cannot sign in.',
    access: 'admin',
    params: UserIdParams,
    handle: ({ services, auth, params }) => setUserDisabled(services, auth, params.userId, true),
  }),

  signedInRoute({
    method: 'POST',
    url: '/v1/admin/users/:userId/enable',
    summary: 'Let a disabled user sign in again.',
    access: 'admin',
    params: UserIdParams,
    handle: ({ services, auth, params }) => setUserDisabled(services, auth, params.userId, false),
  }),
];
