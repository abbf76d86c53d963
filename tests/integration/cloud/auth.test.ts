import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLOSE_SIGNED_OUT } from '../../../src-cloud/live/hub';
import { Api } from './harness/api';
import { snapshot } from './harness/rows';
import { seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

describe.each(BACKENDS)('accounts and sessions on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  const api = () => new Api(cloud.url);

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend, {
      loginLimit: {
        perEmail: { attempts: 4, windowMs: 60_000 },
        perAddress: { attempts: 1000, windowMs: 60_000 },
      },
    });
    acme = await seedTenant(cloud.db, 'Acme');
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)(
    'sign-in answers a token and the user; a wrong password or email the same 401',
    async () => {
      const ok = await api().post('/v1/auth/login', {
        email: acme.agent.email.toUpperCase(),
        password: acme.agent.password,
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ token: expect.any(String), user: acme.agent.user });

      const wrongPassword = await api().post('/v1/auth/login', {
        email: acme.manager.email,
        password: 'nope',
      });
      const unknownEmail = await api().post('/v1/auth/login', {
        email: 'nobody@nowhere.test',
        password: 'nope',
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(wrongPassword.body.error).toEqual({
        code: 'invalid_credentials',
        message: 'wrong email or password',
      });
    },
  );

  test.skipIf(skip)(
    'sign-in is rate limited per email after failures, saying when to try again',
    async () => {
      const { agent } = await seedTenant(cloud.db, 'Limited');
      const email = agent.email;
      for (let i = 0; i < 6; i++) await api().login(email, agent.password); // successes do not count
      for (let i = 0; i < 4; i++)
        expect((await api().post('/v1/auth/login', { email, password: 'wrong' })).status).toBe(401);
      const limited = await api().post('/v1/auth/login', { email, password: agent.password });
      expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
      expect(limited.body.error.message).toMatch(/try again in \d+ s/);
      await api().login(acme.agent.email, acme.agent.password); // other users are not affected
    },
  );

  test.skipIf(skip)(
    'missing, malformed, forged and expired tokens are refused, each saying why',
    async () => {
      const noToken = await api().get('/v1/me');
      expect(noToken.body.error.code).toBe('missing_token');
      const malformed = await api().request('GET', '/v1/me', undefined, {
        authorization: 'Token abc',
      });
      expect(malformed.body.error.code).toBe('invalid_token');
      const forged = await new Api(cloud.url, 'A'.repeat(43)).get('/v1/me');
      expect([forged.status, forged.body.error.code]).toEqual([401, 'invalid_token']);

      const user = await api().login(acme.manager.email, acme.manager.password);
      expect((await user.get('/v1/me')).body.user.id).toBe(acme.manager.user.id);
      // A month and a day later (sessions last 30 days), on the cloud's clock:
      const realNow = cloud.services.now;
      cloud.services.now = () => realNow() + cloud.config.sessionTtlMs + 86_400_000;
      try {
        const expired = await user.get('/v1/me');
        expect([expired.status, expired.body.error.code]).toEqual([401, 'session_expired']);
        expect(expired.body.error.message).toMatch(/sign in again/);
      } finally {
        cloud.services.now = realNow;
      }
    },
  );

  test.skipIf(skip)('signing out ends the token and closes its live socket', async () => {
    const agent = await api().login(acme.agent.email, acme.agent.password);
    const other = await api().login(acme.agent.email, acme.agent.password);
    const live = await agent.live();
    expect((await agent.post('/v1/auth/logout')).status).toBe(204);
    expect((await live.waitClosed()).code).toBe(CLOSE_SIGNED_OUT);
    expect((await agent.get('/v1/me')).body.error.code).toBe('session_revoked');
    expect((await other.get('/v1/me')).status).toBe(200); // their other desktop stays signed in
  });

  test.skipIf(skip)('a live socket needs a valid token', async () => {
    await expect(new Api(cloud.url, 'B'.repeat(43)).live()).rejects.toMatchObject({ status: 401 });
    await expect(api().live()).rejects.toMatchObject({ status: 401 });
  });

  test.skipIf(skip)(
    'changing the password ends every session and answers a fresh token',
    async () => {
      const user = await api().login(acme.admin.email, acme.admin.password);
      const elsewhere = await api().login(acme.admin.email, acme.admin.password);
      const wrong = await user.post('/v1/auth/password', {
        currentPassword: 'nope',
        newPassword: 'a new long password',
      });
      expect([wrong.status, wrong.body.error.code]).toEqual([403, 'invalid_credentials']);
      const short = await user.post('/v1/auth/password', {
        currentPassword: acme.admin.password,
        newPassword: 'short',
      });
      expect(short.status).toBe(400);
      expect(short.body.error.message).toMatch(/newPassword: must be at least 10 characters/);

      const changed = await user.post('/v1/auth/password', {
        currentPassword: acme.admin.password,
        newPassword: 'a new long password',
      });
      expect(changed.status).toBe(200);
      expect((await user.get('/v1/me')).body.error.code).toBe('session_revoked');
      expect((await elsewhere.get('/v1/me')).body.error.code).toBe('session_revoked');
      expect((await new Api(cloud.url, changed.body.token).get('/v1/me')).status).toBe(200);
      await api().login(acme.admin.email, 'a new long password');
      // Put it back for the other tests of this file.
      await new Api(cloud.url, changed.body.token).post('/v1/auth/password', {
        currentPassword: 'a new long password',
        newPassword: acme.admin.password,
      });
    },
  );

  test.skipIf(skip)(
    'a disabled user is signed out everywhere and cannot sign in until enabled',
    async () => {
      const admin = await api().login(acme.admin.email, acme.admin.password);
      const who = acme.otherAgent;
      const victim = await api().login(who.email, who.password);
      const live = await victim.live();
      expect((await admin.post(`/v1/admin/users/${who.user.id}/disable`)).status).toBe(204);
      expect((await live.waitClosed()).code).toBe(CLOSE_SIGNED_OUT);
      expect((await victim.get('/v1/me')).body.error.code).toBe('user_disabled');
      const refused = await api().post('/v1/auth/login', {
        email: who.email,
        password: who.password,
      });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'user_disabled']);
      expect((await admin.post(`/v1/admin/users/${who.user.id}/enable`)).status).toBe(204);
      await api().login(who.email, who.password);
      expect((await admin.post(`/v1/admin/users/${acme.admin.user.id}/disable`)).status).toBe(409);
    },
  );

  test.skipIf(skip)('the demo password works only in demo mode', async () => {
    await cloud.db.query(`UPDATE users SET password_hash = 'demo' WHERE id = $1`, [
      acme.agent.user.id,
    ]);
    const demo = await api().post('/v1/auth/login', {
      email: acme.agent.email,
      password: 'showroom-demo',
    });
    expect(demo.status).toBe(401);
    const hash = await cloud.db.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE id = $1`,
      [acme.manager.user.id],
    );
    await cloud.db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
      acme.agent.user.id,
      hash[0]?.password_hash,
    ]);
  });

  test.skipIf(skip)('an agent cannot call admin routes, and nothing changes', async () => {
    const agent = await api().login(acme.agent.email, acme.agent.password);
    const before = await snapshot(cloud.db, acme.tenantId);
    const answer = await agent.post('/v1/admin/users', {
      name: 'X',
      email: 'x@x.test',
      storeIds: [acme.stores[0].id],
    });
    expect([answer.status, answer.body.error.code]).toEqual([403, 'forbidden']);
    expect(answer.body.error.message).toBe('this needs the admin role; you are an agent');
    expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
  });
});
