import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { MailWorker } from '../../src/server/modules/notifications/mail-worker.ts';
import { smtpTransport } from '../../src/server/modules/notifications/smtp.transport.ts';
import { appSuite, type TestApp } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, TEST_PASSWORD, type Client } from '../support/session.ts';
import { startTestSmtp } from '../support/smtp.ts';

async function tryLogin(app: TestApp, email: string, password: string) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
}

async function post(app: TestApp, path: string, json: unknown) {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  return { status: res.status, text: await res.text() };
}

describe.each(testDatabases)('accounts on $kind', ({ create }) => {
  const s = appSuite(create);
  let admin: Client;

  const idOf = async (email: string) =>
    ((await admin.request('GET', '/api/users')).body.items as { id: string; email: string }[]).find(
      (u) => u.email === email,
    )!.id;
  const actions = async (id: string) =>
    (await auditRepository.list(s.db, { entity: 'user', entityId: id })).map((a) => a.action).reverse();

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    for (const code of ['KJJ', 'SWJ'])
      expect((await admin.request('POST', '/api/departments', { code, name: code })).status).toBe(201);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('a user changes their password: the old one stops working, other sessions end', async () => {
    const me = await loginAs(s.app, s.db, 'assessor');
    const second = await tryLogin(s.app, me.email, TEST_PASSWORD);
    expect(second.status).toBe(200);
    const wrong = await me.request('POST', '/api/auth/password', {
      current: 'nope',
      next: 'a new password 1',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/当前密码不正确/);
    expect(
      (await me.request('POST', '/api/auth/password', { current: TEST_PASSWORD, next: 'short' })).status,
    ).toBe(422);
    const ok = await me.request('POST', '/api/auth/password', {
      current: TEST_PASSWORD,
      next: 'a new password 1',
    });
    expect(ok.status).toBe(204);
    expect((await me.request('GET', '/api/auth/me')).status).toBe(200); // this session stays
    expect((await tryLogin(s.app, me.email, TEST_PASSWORD)).status).toBe(401);
    expect((await tryLogin(s.app, me.email, 'a new password 1')).status).toBe(200);
    expect(await actions(await idOf(me.email))).toContain('password_change');
  });

  it('an admin reset gives a one-time link shown once; it works once and ends every session', async () => {
    const user = await loginAs(s.app, s.db, 'department', ['KJJ']);
    const id = await idOf(user.email);
    const issued = await admin.request('POST', `/api/users/${id}/password-reset`);
    expect(issued.status).toBe(201);
    expect(issued.body.mailed).toBe(false);
    const link = new URL(issued.body.link as string);
    expect(link.pathname).toBe('/reset-password');
    const token = link.searchParams.get('token')!;
    const check = await s.app.request(`/api/auth/reset-password?token=${token}`);
    expect(await check.json()).toEqual({ valid: true });
    expect((await post(s.app, '/api/auth/reset-password', { token, password: 'short' })).status).toBe(422);
    expect(
      (await post(s.app, '/api/auth/reset-password', { token, password: 'chosen after reset' })).status,
    ).toBe(204);
    expect((await user.request('GET', '/api/auth/me')).status).toBe(401); // sessions ended
    const again = await post(s.app, '/api/auth/reset-password', { token, password: 'second use attempt' });
    expect(again.status).toBe(422);
    expect(again.text).toMatch(/已使用或已过期/);
    expect((await tryLogin(s.app, user.email, 'chosen after reset')).status).toBe(200);
    // a newer link cancels an older one
    const first = new URL(
      (await admin.request('POST', `/api/users/${id}/password-reset`)).body.link as string,
    );
    await admin.request('POST', `/api/users/${id}/password-reset`);
    expect(
      (
        await post(s.app, '/api/auth/reset-password', {
          token: first.searchParams.get('token'),
          password: 'xxxxxxxxxxxx',
        })
      ).status,
    ).toBe(422);
    expect(await actions(id)).toEqual(expect.arrayContaining(['password_reset_issued', 'password_reset']));
    // only admins reset
    expect((await user.request('POST', `/api/users/${id}/password-reset`)).status).toBe(401);
  });

  it('with e-mail configured the link is mailed to the user, not shown', async () => {
    const smtp = await startTestSmtp();
    try {
      vi.stubEnv('LANTU_SMTP_URL', smtp.url);
      vi.stubEnv('LANTU_PUBLIC_URL', 'https://lantu.sip.example');
      const user = await loginAs(s.app, s.db, 'assessor');
      const issued = await admin.request('POST', `/api/users/${await idOf(user.email)}/password-reset`);
      expect(issued.body).toMatchObject({ mailed: true, link: null });
      const worker = new MailWorker(s.db, smtpTransport(smtp.url), { from: 'noreply@sip.example' });
      await worker.runOnce();
      await worker.stop();
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toEqual([user.email]);
      expect(mail!.subject).toMatch(/重置密码/);
      const link = /https:\/\/lantu\.sip\.example\/reset-password\?token=([\w-]+)/.exec(mail!.text);
      expect(link).not.toBeNull();
      expect(
        (await post(s.app, '/api/auth/reset-password', { token: link![1], password: 'from the mail 123' }))
          .status,
      ).toBe(204);
    } finally {
      await smtp.close();
    }
  });

  it('a disabled account cannot log in and loses its sessions; enabling restores it', async () => {
    const user = await loginAs(s.app, s.db, 'department', ['SWJ']);
    const id = await idOf(user.email);
    const disabled = await admin.request('POST', `/api/users/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id, disabled: true });
    expect((await user.request('GET', '/api/auth/me')).status).toBe(401);
    const refused = await tryLogin(s.app, user.email, TEST_PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.body.error!.message).toMatch(/账号已停用/);
    // a wrong password still answers like any wrong password
    expect((await tryLogin(s.app, user.email, 'wrong password')).status).toBe(401);
    expect((await admin.request('POST', `/api/users/${id}/enable`)).body.disabled).toBe(false);
    expect((await tryLogin(s.app, user.email, TEST_PASSWORD)).status).toBe(200);
    expect(await actions(id)).toEqual(expect.arrayContaining(['disable', 'enable']));
    // admins cannot disable themselves
    const self = await admin.request('POST', `/api/users/${await idOf(admin.email)}/disable`);
    expect(self.status).toBe(409);
  });

  it('an admin unlocks an account locked after failed logins', async () => {
    const user = await loginAs(s.app, s.db, 'assessor');
    for (let i = 0; i < 5; i++) await tryLogin(s.app, user.email, 'wrong password');
    const locked = (await admin.request('GET', '/api/users')).body.items.find(
      (u: { email: string }) => u.email === user.email,
    );
    expect(locked.lockedUntil).not.toBeNull();
    expect((await tryLogin(s.app, user.email, TEST_PASSWORD)).status).toBe(429);
    const id = await idOf(user.email);
    const unlocked = await admin.request('POST', `/api/users/${id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await tryLogin(s.app, user.email, TEST_PASSWORD)).status).toBe(200);
    expect(await actions(id)).toContain('unlock');
  });
});
