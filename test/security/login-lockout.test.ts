import { beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { ACCOUNT_LOCK_AFTER } from '../../src/server/modules/auth/auth.service.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { TEST_PASSWORD } from '../support/session.ts';

describe.each(testDatabases)('login lock-out on $kind', ({ create }) => {
  const s = appSuite(create);

  const login = async (email: string, password: string) => {
    const res = await s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error?: { code: string } },
      cookie: res.headers.get('set-cookie'),
    };
  };

  beforeAll(async () => {
    for (const who of ['victim', 'bystander']) {
      await createUser(
        s.db,
        { email: `${who}@test.example`, password: TEST_PASSWORD, role: 'assessor' },
        { id: null, label: 'test' },
      );
    }
  });

  it('locks an account after 5 wrong passwords: the right one is then refused with 429', async () => {
    expect(ACCOUNT_LOCK_AFTER).toBe(5);
    for (let k = 0; k < 5; k++) {
      const wrong = await login('victim@test.example', `wrong password ${k}`);
      expect(wrong.status).toBe(401);
      expect(wrong.body.error?.code).toBe('unauthenticated');
    }
    const locked = await login('victim@test.example', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('rate_limited');
    expect(locked.cookie).toBeNull();
    // the lock is per account: another user still logs in
    expect((await login('bystander@test.example', TEST_PASSWORD)).status).toBe(200);
    const failures = (await auditRepository.list(s.db, { entity: 'session', limit: 100 })).filter(
      (e) => e.action === 'login_failed' && e.actor === 'victim@test.example',
    );
    expect(failures).toHaveLength(5);
  });

  it('does not lock after 4 wrong passwords, and a success resets the count', async () => {
    await createUser(
      s.db,
      { email: 'careful@test.example', password: TEST_PASSWORD, role: 'assessor' },
      { id: null, label: 'test' },
    );
    for (let k = 0; k < 4; k++)
      expect((await login('careful@test.example', 'nope nope nope')).status).toBe(401);
    expect((await login('careful@test.example', TEST_PASSWORD)).status).toBe(200);
    for (let k = 0; k < 4; k++)
      expect((await login('careful@test.example', 'nope nope nope')).status).toBe(401);
    expect((await login('careful@test.example', TEST_PASSWORD)).status).toBe(200);
  });
});
