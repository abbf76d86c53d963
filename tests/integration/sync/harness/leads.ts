import type { Lead } from '../../../../src-shared';
import { DEMO_USERS } from '../../../../src-shared/demo';
import type { TestCloud } from '../../cloud/harness/test-cloud';

/** Leads of the store a demo user works, straight from the cloud's database. */
export async function leadsOf(
  cloud: TestCloud,
  email: string,
  which: 'open' | 'dead',
  count = 1,
): Promise<Lead[]> {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  const [me] = await cloud.db.query<{ store_ids: string[] }>(
    "SELECT ARRAY(SELECT jsonb_array_elements_text(row -> 'storeIds')) AS store_ids FROM users WHERE id = $1",
    [user.id],
  );
  const dead = which === 'dead';
  const rows = await cloud.db.query<{ row: Lead }>(
    `SELECT row FROM leads WHERE store_id = ANY($1::text[]) AND NOT deleted
       AND ((row ->> 'status') = 'dead' OR (row ->> 'optedOut')::boolean) = $2
       AND jsonb_array_length(row -> 'phones') > 0
     ORDER BY id LIMIT $3`,
    [me?.store_ids ?? [], dead, count],
  );
  if (rows.length < count)
    throw new Error(`the demo has fewer than ${count} ${which} leads for ${email}`);
  return rows.map((r) => r.row);
}
