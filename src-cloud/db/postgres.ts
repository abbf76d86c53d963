import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Tx } from './db';
import { listenWithReconnect } from './postgres-listen';

const INT8_OID = 20;
const names = new Map<string, string>();

function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `s${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    names.set(sql, name);
  }
  return name;
}

/** A PostgreSQL server through a `pg` pool; LISTEN uses a connection of its own. */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID
        ? Number
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1'); // fail fast on a wrong URL
  const wrap = (q: pg.Pool | pg.PoolClient): Tx => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      // Named, so each connection parses and plans a statement once and reuses it: the pull
      // query (a union over every synced table) costs more to plan than to run.
      const name = statementName(sql);
      return (await q.query({ name, text: sql, values: [...params] })).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work, ends) {
      const client = await pool.connect();
      try {
        // One simple query each: BEGIN and COMMIT with what goes with them, in one round trip.
        await client.query(ends?.begin ? `BEGIN; ${ends.begin}` : 'BEGIN');
        const result = await work(wrap(client));
        const last = ends?.beforeCommit?.();
        await client.query(last ? `${last}; COMMIT` : 'COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload, onGap) =>
      listenWithReconnect({ connectionString: url, types }, channel, onPayload, onGap),
    close: () => pool.end(),
  };
}
