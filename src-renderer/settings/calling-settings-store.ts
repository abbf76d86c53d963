import type { CallingSettingsInput } from '../../src-shared/calls/calling-settings';
import type { User } from '../../src-shared/domain/user';
import { callCore, explain } from '../api/request';
import { useDirectory } from '../directory/directory-store';

/** The settings last sent, so a quick second edit never sends the first field's old value. */
let lastSent: CallingSettingsInput | null = null;

const fromUser = (me: User): CallingSettingsInput => ({
  phone: me.phone,
  extension: me.extension,
  forwardLeadCalls: me.preferences.forwardLeadCalls,
});

/**
 * Saves one calling setting of the signed-in user (kept by the cloud, on their user row);
 * resolves null once saved, else the reason, shown beside the field. The directory's `me` takes
 * the saved user at once; the sync pull brings the same row a moment later.
 */
export async function saveCalling(patch: Partial<CallingSettingsInput>): Promise<string | null> {
  const me = useDirectory.getState().directory?.me;
  if (!me) return 'Sign in to change your calling settings.';
  const next = { ...(lastSent ?? fromUser(me)), ...patch };
  lastSent = next;
  const result = await callCore('saveCallingSettings', next);
  if (!result.ok) {
    lastSent = null;
    return explain(result.error);
  }
  const saved = result.value;
  if (lastSent === next) lastSent = null;
  useDirectory.setState((state) =>
    state.directory ? { directory: { ...state.directory, me: saved } } : {},
  );
  return null;
}
