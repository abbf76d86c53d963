import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgres } from '../../../src-cloud/db/postgres';
import { Api } from './harness/api';
import { startCloudProcess, type CloudProcess } from './harness/cloud-process';
import { postgresUnavailable, startPostgres, type PostgresServer } from './harness/postgres-server';
import { seedTenant, type SeededTenant } from './harness/seed';

/** DESIGN §3: several cloud processes on one PostgreSQL fan live events out with LISTEN/NOTIFY. */
describe.skipIf(postgresUnavailable())('two cloud processes on one PostgreSQL', () => {
  let server: PostgresServer;
  let processA: CloudProcess;
  let processB: CloudProcess;
  let acme: SeededTenant;

  beforeAll(async () => {
    server = await startPostgres();
    const databaseUrl = await server.createDatabase();
    // Both start on an empty database at once: they take turns migrating it.
    [processA, processB] = await Promise.all([
      startCloudProcess({ DATABASE_URL: databaseUrl }),
      startCloudProcess({ DATABASE_URL: databaseUrl }),
    ]);
    const db = await openPostgres(databaseUrl, 2);
    acme = await seedTenant(db, 'Acme');
    await db.close();
  });
  afterAll(async () => {
    await Promise.all([processA?.stop(), processB?.stop()]);
    await server?.stop();
  });

  test('a client connected to A sees, live, a change made through B', async () => {
    const onA = await new Api(processA.url).login(acme.agent.email, acme.agent.password);
    const onB = await new Api(processB.url).login(acme.manager.email, acme.manager.password);
    const { cursor } = await onA.pullAll();
    const live = await onA.live();
    await live.poke(cursor);

    const noteId = uuidv7();
    const { result } = await onB.mutate('addNote', {
      leadId: acme.leads.open.id,
      noteId,
      text: 'made on B',
    });
    expect(result?.status).toBe('ok');

    await live.poke(cursor + 1);
    const pulled = await onA.pullAll(cursor);
    expect(pulled.changes).toContainEqual(
      expect.objectContaining({
        table: 'timeline_events',
        row: expect.objectContaining({ id: noteId, text: 'made on B' }),
      }),
    );
    live.close();
  });

  test('signing out through B closes the socket held by A', async () => {
    const onA = await new Api(processA.url).login(acme.agent.email, acme.agent.password);
    const live = await onA.live();
    const sameSessionOnB = new Api(processB.url, onA.token);
    expect((await sameSessionOnB.post('/v1/auth/logout')).status).toBe(204);
    expect((await live.waitClosed()).code).toBe(4001);
  });
});
