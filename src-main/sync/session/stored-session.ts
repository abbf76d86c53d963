import { z } from 'zod';
import type { SecretStore } from '../../core/ports';

/** The sign-in kept across restarts, in the SecretStore (safeStorage in Electron). */
export const StoredSession = z.object({
  /** Where: a cloud's URL, or EMBEDDED_CLOUD for the one this PC runs. */
  cloud: z.string().min(1).max(500),
  token: z.string().min(1).max(500),
  userId: z.string().min(1).max(64),
  tenantId: z.string().min(1).max(64),
});
export type StoredSession = z.infer<typeof StoredSession>;

const KEY = 'showroom.session';

export const sessionStore = (secrets: SecretStore) => ({
  /** The stored session, or null (none, or unreadable: the user signs in again). */
  async read(): Promise<StoredSession | null> {
    let text: string | null;
    try {
      text = await secrets.get(KEY);
    } catch {
      return null;
    }
    if (text === null) return null;
    try {
      const parsed = StoredSession.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  },

  write: (session: StoredSession) => secrets.set(KEY, JSON.stringify(session)),

  forget: () => secrets.delete(KEY),
});
