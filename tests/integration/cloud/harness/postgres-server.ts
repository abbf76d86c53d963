import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL (.ci/run installs it); tests and benchmarks start their own server. */
const BIN = process.env.SHOWROOM_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  /** A URL of the `postgres` database; `createDatabase` makes fresh ones. */
  url: string;
  createDatabase(name?: string): Promise<string>;
  /** The server's main process (its backends are its children): benchmarks read their CPU. */
  pid(): number;
  stop(): Promise<void>;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (!existsSync(join(BIN, 'initdb')))
    return `no PostgreSQL at ${BIN} (apt-get install postgresql)`;
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) {
    return 'running as root and there is no postgres user to run the server as';
  }
  return null;
}

/**
 * A throwaway PostgreSQL server: a fresh cluster in a temp folder, on a free port of
 * 127.0.0.1, its socket in that folder, fsync off (nothing here outlives the test).
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const why = postgresUnavailable();
  if (why) throw new Error(why);
  const dir = mkdtempSync(join(tmpdir(), 'showroom-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]) => {
    const quoted = [join(BIN, command), ...args]
      .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    const result = asRoot
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { encoding: 'utf8' })
      : spawnSync(join(BIN, command), args, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  const data = join(dir, 'data');
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const start = async (attempt: number): Promise<number> => {
    const port = await freePort();
    try {
      const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
      run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, 'start']);
      return port;
    } catch (error) {
      if (attempt >= 2) throw error;
      return start(attempt + 1); // the free port was taken in between: try another
    }
  };
  const port = await start(0);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let count = 0;
  return {
    url: `${base}/postgres`,
    async createDatabase(name = `showroom_${process.pid}_${++count}`) {
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    pid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
