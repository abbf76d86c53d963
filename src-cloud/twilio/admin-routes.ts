import { z } from 'zod';
import { HttpError } from '../http/errors';
import { signedInRoute } from '../http/route';
import { saveTwilioAccount, twilioAccountProblem } from './account';

const TwilioSettings = z.object({
  accountSid: z.string().nullable(),
  /** Whether a token is stored; the token itself never leaves the cloud. */
  configured: z.boolean(),
});

/**
 * The dealer group's Twilio credentials, for admins. The auth token is sealed at rest, never
 * answered back, never logged (the logger redacts `authToken` wherever it appears).
 */
export const twilioAdminRoutes = [
  signedInRoute({
    method: 'PUT',
    url: '/v1/admin/twilio',
    summary:
      "Connect the dealer group to its Twilio account (account SID and auth token, checked for Twilio's shape: 400). The token is stored sealed and never answered back.",
    access: 'admin',
    body: z.object({ accountSid: z.string().max(64), authToken: z.string().max(128) }).strict(),
    response: TwilioSettings,
    handle: async ({ services, auth, body }) => {
      const account = { accountSid: body.accountSid.trim(), authToken: body.authToken.trim() };
      const problem = twilioAccountProblem(account);
      if (problem) throw new HttpError(400, 'invalid_twilio_account', problem);
      await saveTwilioAccount(
        services.db,
        services.secrets,
        auth.tenantId,
        account,
        services.now(),
      );
      services.log.info(
        { tenantId: auth.tenantId, accountSid: account.accountSid },
        'Twilio account saved',
      );
      return { accountSid: account.accountSid, configured: true };
    },
  }),
  signedInRoute({
    method: 'GET',
    url: '/v1/admin/twilio',
    summary: 'Which Twilio account the dealer group texts through (never the auth token).',
    access: 'admin',
    response: TwilioSettings,
    handle: async ({ services, auth }) => {
      // The SID only: the sealed token is not even opened to answer this.
      const [row] = await services.db.query<{ account_sid: string }>(
        'SELECT account_sid FROM twilio_accounts WHERE tenant_id = $1',
        [auth.tenantId],
      );
      return { accountSid: row?.account_sid ?? null, configured: row !== undefined };
    },
  }),
];
