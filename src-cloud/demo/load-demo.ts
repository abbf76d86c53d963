import { DEMO_TENANT, generateDemo } from '../../src-shared/demo';
import { DEMO_PASSWORD_HASH } from '../accounts/login';
import type { Db } from '../db/db';
import { loadChanges } from '../sync/load-changes';

/**
 * `--demo`: the demo dealer group of src-shared/demo, loaded once into an empty database. Its
 * users sign in with the shared demo password, which only a cloud in demo mode accepts.
 * One transaction, so a cloud stopped half-way loads it again next time. Returns false when it
 * was already there.
 */
export async function loadDemo(
  db: Db,
  options: { leads: number; now: number; seed?: number },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.query('SELECT 1 FROM tenants WHERE id = $1', [DEMO_TENANT.id]);
    if (existing) return false;
    for (const batch of generateDemo({
      seed: options.seed ?? 1,
      leads: options.leads,
      now: options.now,
    })) {
      await loadChanges(tx, DEMO_TENANT.id, batch);
    }
    await tx.query(`UPDATE users SET password_hash = $2 WHERE tenant_id = $1`, [
      DEMO_TENANT.id,
      DEMO_PASSWORD_HASH,
    ]);
    return true;
  });
}
