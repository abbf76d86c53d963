import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Api } from './harness/api';
import { rowOf, snapshot } from './harness/rows';
import { seedTenant, type SeededTenant } from './harness/seed';
import { TestSmtp } from './harness/smtp';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

/** The token of the invite link in a raw email (quoted-printable may wrap the line). */
function inviteToken(raw: string): string {
  const unwrapped = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /\/invite#token=([\w-]+)/.exec(unwrapped);
  if (!match?.[1]) throw new Error(`no invite link in:\n${raw}`);
  return match[1];
}

describe.each(BACKENDS)('invites on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let smtp: TestSmtp;
  let acme: SeededTenant;
  let admin: Api;

  beforeAll(async () => {
    if (skip) return;
    smtp = await TestSmtp.start();
    cloud = await startTestCloud(backend, {
      smtp: smtp.settings,
      publicUrl: 'https://cloud.example',
    });
    acme = await seedTenant(cloud.db, 'Acme');
    admin = await new Api(cloud.url).login(acme.admin.email, acme.admin.password);
  });
  afterAll(async () => {
    await cloud?.stop();
    await smtp?.stop();
  });

  test.skipIf(skip)(
    'an admin creates an agent, who sets a password from the emailed link and signs in',
    async () => {
      const created = await admin.post('/v1/admin/users', {
        name: 'Nina Agent',
        email: 'nina@acme.test',
        phone: '(303) 555-0142',
        country: 'US',
        photoUrl: 'https://photos.example/nina.jpg',
        storeIds: [acme.stores[0].id],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        inviteEmail: 'sent',
        user: {
          name: 'Nina Agent',
          role: 'agent',
          phone: '+13035550142',
          storeIds: [acme.stores[0].id],
        },
      });
      expect(await rowOf(cloud.db, 'users', created.body.user.id)).toEqual(created.body.user);

      const mail = await smtp.mailTo('nina@acme.test');
      expect(mail.raw).toMatch(/Subject: Your Showroom account: set your password/);
      expect(mail.raw).toContain('https://cloud.example/invite#token=');
      const token = inviteToken(mail.raw);

      const page = await new Api(cloud.url).get('/invite');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Set your password');

      const accepted = await new Api(cloud.url).post('/v1/invites/accept', {
        token,
        password: 'nina has a long password',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user.email).toBe('nina@acme.test');
      expect((await new Api(cloud.url, accepted.body.token).get('/v1/me')).status).toBe(200);
      await new Api(cloud.url).login('nina@acme.test', 'nina has a long password');

      const reused = await new Api(cloud.url).post('/v1/invites/accept', {
        token,
        password: 'someone else password',
      });
      expect([reused.status, reused.body.error.code]).toEqual([410, 'invite_used']);
    },
  );

  test.skipIf(skip)(
    'an expired link is refused; a resent one works and replaces the old',
    async () => {
      const created = await admin.post('/v1/admin/users', {
        name: 'Omar',
        email: 'omar@acme.test',
        storeIds: [acme.stores[1].id],
      });
      const first = inviteToken((await smtp.mailTo('omar@acme.test')).raw);
      await cloud.db.query('UPDATE invites SET expires_at = 1 WHERE user_id = $1', [
        created.body.user.id,
      ]);
      const expired = await new Api(cloud.url).post('/v1/invites/accept', {
        token: first,
        password: 'omar long password',
      });
      expect([expired.status, expired.body.error.code]).toEqual([410, 'invite_expired']);

      expect((await admin.post(`/v1/admin/users/${created.body.user.id}/invite`)).body).toEqual({
        inviteEmail: 'sent',
      });
      const second = inviteToken((await smtp.mailTo('omar@acme.test')).raw);
      expect(
        (
          await new Api(cloud.url).post('/v1/invites/accept', {
            token: second,
            password: 'omar long password',
          })
        ).status,
      ).toBe(200);
      const forged = await new Api(cloud.url).post('/v1/invites/accept', {
        token: 'x'.repeat(43),
        password: 'omar long password',
      });
      expect([forged.status, forged.body.error.code]).toEqual([404, 'invalid_invite']);
    },
  );

  test.skipIf(skip)('a user without a password yet cannot sign in', async () => {
    await admin.post('/v1/admin/users', {
      name: 'Pia',
      email: 'pia@acme.test',
      storeIds: [acme.stores[0].id],
    });
    await smtp.mailTo('pia@acme.test');
    const answer = await new Api(cloud.url).post('/v1/auth/login', {
      email: 'pia@acme.test',
      password: 'anything at all',
    });
    expect(answer.status).toBe(401);
  });

  test.skipIf(skip)(
    'bad user details are refused, naming the field, and nothing is created',
    async () => {
      const before = await snapshot(cloud.db, acme.tenantId);
      const phone = await admin.post('/v1/admin/users', {
        name: 'Q',
        email: 'q@acme.test',
        phone: '12',
        storeIds: [acme.stores[0].id],
      });
      expect([phone.status, phone.body.error.message]).toEqual([
        400,
        'phone: "12" is not a phone number in US',
      ]);
      const email = await admin.post('/v1/admin/users', {
        name: 'Q',
        email: 'not-an-email',
        storeIds: [acme.stores[0].id],
      });
      expect(email.body.error.message).toMatch(/email/);
      const taken = await admin.post('/v1/admin/users', {
        name: 'Q',
        email: acme.agent.email.toUpperCase(),
        storeIds: [acme.stores[0].id],
      });
      expect([taken.status, taken.body.error.code]).toEqual([409, 'email_taken']);
      const store = await admin.post('/v1/admin/users', {
        name: 'Q',
        email: 'q@acme.test',
        storeIds: ['no-such-store'],
      });
      expect([store.status, store.body.error.code]).toEqual([404, 'not_found']);
      expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
    },
  );
});
