import { z } from 'zod';
import type { SecretStore } from '../../core/ports';

const KEY = 'showroom.pendingLogouts';
const Pending = z.array(z.object({ cloud: z.string(), token: z.string() })).max(20);
type Pending = z.infer<typeof Pending>;

/**
 * Sign-outs the cloud did not hear (it was unreachable): the token is already forgotten for
 * use, but kept here, sealed, until the cloud can be told to revoke it, so that a session
 * signed out on this PC does not stay valid elsewhere.
 */
export const pendingLogouts = (secrets: SecretStore) => {
  async function read(): Promise<Pending> {
    try {
      const parsed = Pending.safeParse(JSON.parse((await secrets.get(KEY)) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }
  async function write(pending: Pending): Promise<void> {
    if (pending.length === 0) await secrets.delete(KEY);
    else await secrets.set(KEY, JSON.stringify(pending.slice(-20)));
  }
  return {
    async add(cloud: string, token: string): Promise<void> {
      await write([...(await read()), { cloud, token }]);
    },

    /** Tries each one on `cloud` (resolved to where it answers now); keeps those that fail. */
    async retry(cloud: string, logout: (token: string) => Promise<'done' | 'later'>) {
      const pending = await read();
      const mine = pending.filter((entry) => entry.cloud === cloud);
      if (mine.length === 0) return;
      const failed: Pending = [];
      for (const entry of mine) if ((await logout(entry.token)) === 'later') failed.push(entry);
      await write([...pending.filter((entry) => entry.cloud !== cloud), ...failed]);
    },
  };
};
