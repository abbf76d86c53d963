import { z } from 'zod';
import {
  CallingSettingsInput,
  checkCallingSettings,
} from '../../src-shared/calls/calling-settings';
import { User } from '../../src-shared/domain/user';
import { HttpError } from '../http/errors';
import { signedInRoute } from '../http/route';
import { writeInTenant } from '../sync/tenant-write';

/**
 * Settings > Calls (seed 004 "Custom Outbound Calls Phone"): the caller's own outbound phone
 * (any format, stored E.164), extension and "Forward lead calls to my cell". Written to their
 * user row through the sync writer, so every desktop sees it. Answers the saved user.
 */
export const callingSettingsRoute = signedInRoute({
  method: 'PUT',
  url: '/v1/me/calling',
  summary:
    'Your calling settings: the phone click-to-call rings first (any format; null clears it), its extension (digits, * and #; a comma waits 1 second) and whether lead calls are forwarded to it. 400 names the field that is wrong.',
  access: 'agent',
  body: CallingSettingsInput,
  response: z.object({ user: User }),
  handle: async ({ services, auth, body }) => {
    const checked = checkCallingSettings(body);
    if (!checked.ok) {
      throw new HttpError(400, 'invalid_request', `${checked.field}: ${checked.problem}`);
    }
    const { phone, extension, forwardLeadCalls } = checked.settings;
    const user = await writeInTenant(services.db, auth.tenantId, async (tx, write) => {
      const [row] = await tx.query<{ row: unknown }>(
        'SELECT row FROM users WHERE tenant_id = $1 AND id = $2 AND NOT deleted FOR UPDATE',
        [auth.tenantId, auth.userId],
      );
      if (!row) throw new HttpError(404, 'not_found', 'your user no longer exists');
      const current = User.parse(row.row);
      const next: User = {
        ...current,
        phone,
        extension,
        preferences: { ...current.preferences, forwardLeadCalls },
      };
      if (JSON.stringify(next) !== JSON.stringify(current)) await write.update('users', next);
      return next;
    });
    // This process's cached session carries the user; the next request reads the new one.
    services.sessions.forgetUser(auth.userId);
    return { user };
  },
});
