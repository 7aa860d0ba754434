import { describe, expect, it } from 'vitest';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, TEST_PASSWORD } from '../support/session.ts';

describe.each(testDatabases)('session API on $kind', ({ create }) => {
  const s = appSuite(create);

  it('remembers the language a user chose, across sessions', async () => {
    const first = await loginAs(s.app, s.db, 'assessor');
    expect((await first.request('GET', '/api/auth/me')).body.user.locale).toBe('zh-CN');
    const set = await first.request('PATCH', '/api/auth/me', { locale: 'en' });
    expect(set.status).toBe(200);
    expect(set.body.user.locale).toBe('en');
    expect((await first.request('PATCH', '/api/auth/me', { locale: 'fr' })).status).toBe(422);
    // a new session of the same user sees it
    const again = await s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: first.email, password: TEST_PASSWORD }),
    });
    expect(((await again.json()) as { user: { locale: string } }).user.locale).toBe('en');
  });
});
