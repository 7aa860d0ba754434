import { describe, expect, it } from 'vitest';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs } from '../support/session.ts';

interface ErrorBody {
  error: { code: string; message: string; messages?: { zh: string; en: string } };
}

// Issue 17 bug 8: a refusal carried both languages in one string, and the Chinese screen showed it whole.
// The body now has each language in its own field; `message` keeps the one-string form it always had.
describe.each(testDatabases)('refusals answer in each language separately on $kind', ({ create }) => {
  const s = appSuite(create);

  it('a wrong password: 401 with the Chinese and the English message apart', async () => {
    const res = await s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@test.example', password: 'wrong password here' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.messages).toEqual({ zh: '邮箱或密码错误', en: 'Wrong email or password' });
    expect(body.error.message).toBe('Wrong email or password 邮箱或密码错误');
  });

  it('a refusal by the access policy: 403 with its reason in each language', async () => {
    const assessor = await loginAs(s.app, s.db, 'assessor');
    const r = await assessor.request('POST', '/api/departments', { code: 'XYZ', name: '测试局' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect(r.body.error.messages).toEqual({ zh: '无此权限', en: 'This needs the role admin' });
    expect(r.body.error.message).toBe('This needs the role admin 无此权限');
  });

  it('a write without its CSRF token: 403 in each language', async () => {
    const admin = await loginAs(s.app, s.db, 'admin');
    const r = await admin.request(
      'POST',
      '/api/departments',
      { code: 'XYZ', name: '测试局' },
      { csrf: null },
    );
    expect(r.status).toBe(403);
    expect(r.body.error.messages).toEqual({ zh: '缺少或错误的CSRF令牌', en: 'CSRF token missing or wrong' });
  });

  it('request validation names the field and the rule in each language', async () => {
    const admin = await loginAs(s.app, s.db, 'admin');
    const r = await admin.request('POST', '/api/departments', { code: '', name: '' });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/^Invalid /);
    expect(r.body.error.messages.en).toMatch(/^Invalid code: /);
    expect(r.body.error.messages.zh).toMatch(/^code 无效：/);
  });

  it('an unknown route answers in each language', async () => {
    const res = await s.app.request('/api/no-such-route');
    expect(res.status).toBe(404);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.messages).toEqual({
      zh: '没有这个接口：GET /api/no-such-route',
      en: 'No route for GET /api/no-such-route',
    });
  });
});
