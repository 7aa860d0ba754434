import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.types.ts';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import { departmentsRepository } from '../../src/db/repositories/departments.repository.ts';
import { notify } from '../../src/server/modules/notifications/notifications.service.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { startServe } from '../support/cli.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { scratchDatabase } from './load.ts';

const PG = process.env.TEST_DATABASE_URL;
const USERS = 12;
const EVENTS = 15; // × 12 users = 180 mails

/**
 * Two `lantu serve` processes on one PostgreSQL, both running their mail worker against one real SMTP server:
 * every notification's mail arrives exactly once, and both nodes took part (issue 16 §5).
 */
describe.runIf(PG)('mail from two app nodes on one PostgreSQL', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let nodes: Awaited<ReturnType<typeof startServe>>[] = [];
  let smtp: TestSmtp;
  let db: Db;

  beforeAll(async () => {
    scratch = await scratchDatabase(PG!, 'lantu_mail');
    smtp = await startTestSmtp();
    const env = {
      DATABASE_URL: scratch.url,
      LANTU_SMTP_URL: smtp.url,
      LANTU_MAIL_FROM: 'lantu <noreply@two.example>',
      LANTU_PUBLIC_URL: 'https://lantu.two.example',
      LANTU_MAIL_POLL_MS: '100',
    };
    nodes = await Promise.all([startServe(env), startServe(env)]);
    db = openPostgres({ connectionString: scratch.url, max: 4 });
    for (let i = 0; i < USERS; i++) {
      await createUser(
        db,
        {
          email: `kjj${i}@two.example`,
          password: 'two nodes password',
          role: 'department',
          departments: ['KJJ'],
        },
        { id: null, label: 'test' },
      );
    }
  });
  afterAll(async () => {
    await Promise.all(nodes.filter((n) => n.child.exitCode === null).map((n) => n.stop()));
    await db?.close();
    await smtp?.close();
    await scratch?.drop();
  });

  it('sends every mail exactly once while both nodes poll the queue', async () => {
    process.env.LANTU_SMTP_URL = smtp.url; // notify() below enqueues mail only when e-mail is on
    process.env.LANTU_PUBLIC_URL = 'https://lantu.two.example';
    try {
      const kjj = (await departmentsRepository.findByCode(db, 'KJJ'))!.id;
      for (let e = 0; e < EVENTS; e++) {
        await db.transaction((tx) =>
          notify(tx, {
            event: 'value_returned',
            params: { item: `指标${e}`, period: '2025', reason: '核实' },
            link: `/entry?e=${e}`,
            to: { departmentIds: [kjj] },
          }),
        );
      }
    } finally {
      delete process.env.LANTU_SMTP_URL;
      delete process.env.LANTU_PUBLIC_URL;
    }
    const total = USERS * EVENTS;
    await smtp.waitFor(total, 120_000);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive now
    expect(smtp.messages).toHaveLength(total);
    const pairs = smtp.messages.map((m) => `${m.to.join(',')} ${m.subject}`);
    expect(new Set(pairs).size).toBe(total);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(total);
    for (const m of smtp.messages) expect(m.text).toMatch(/https:\/\/lantu\.two\.example\/entry\?e=\d+/);

    const jobs = await db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM mail_jobs GROUP BY status',
    );
    expect(jobs).toEqual([{ status: 'sent', n: total }]);
    const deliveries = await db.query<{ node: string; n: number; jobs: number }>(
      `SELECT node, count(*)::int AS n, count(DISTINCT job_id)::int AS jobs FROM mail_deliveries WHERE ok GROUP BY node`,
    );
    expect(deliveries.reduce((a, d) => a + d.n, 0)).toBe(total);
    expect(deliveries.reduce((a, d) => a + d.jobs, 0)).toBe(total);
    expect(deliveries.length, `nodes that sent: ${JSON.stringify(deliveries)}`).toBe(2);
  });
});
