import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Tx } from './db';

/**
 * The embedded database: PostgreSQL compiled to WASM, in this process, data in a folder.
 * One connection, so transactions run one after another, which is all a single desktop's
 * "Try it on this PC" cloud needs.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { parsers: { [types.INT8]: (value: string) => Number(value) } });
  await pg.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Tx => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work, ends) =>
      pg.transaction(async (tx) => {
        if (ends?.begin) await tx.exec(ends.begin);
        const result = await work(wrap(tx));
        const last = ends?.beforeCommit?.();
        if (last) await tx.exec(last);
        return result;
      }),
    async listen(channel, onPayload) {
      const stop = await pg.listen(channel, onPayload);
      return () => stop();
    },
    close: () => pg.close(),
  };
}
