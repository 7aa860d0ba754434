import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dueDate } from '../../src/domain/reporting-calendar.ts';
import { MailWorker } from '../../src/server/modules/notifications/mail-worker.ts';
import { smtpTransport } from '../../src/server/modules/notifications/smtp.transport.ts';
import {
  reportingDueSweep,
  reportRemindDays,
} from '../../src/server/modules/observations/observations.notify.ts';
import { indicatorsOf, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { officeAndDepartments, type Client } from '../support/session.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

interface Note {
  event: string;
  title: string;
  body: string;
  link: string | null;
}

describe('reportRemindDays', () => {
  it('reads LANTU_REPORT_REMIND_DAYS as whole days from 1 to 60, else 7', () => {
    expect(reportRemindDays({})).toBe(7);
    expect(reportRemindDays({ LANTU_REPORT_REMIND_DAYS: '10' })).toBe(10);
    for (const bad of ['', '0', '2.5', 'x', '61'])
      expect(reportRemindDays({ LANTU_REPORT_REMIND_DAYS: bad })).toBe(7);
  });
});

// issue 16 §5: a value returned, a value waiting for approval, reporting due in N days and overdue
describe.each(testDatabases)('value workflow and reporting notifications on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let kjj: Client;
  let swj: Client;
  let smtp: TestSmtp;
  let rd: { id: string; code: string }; // T2-13, led by KJJ (科技创新委员会), yearly

  const notes = async (c: Client) =>
    (await c.request('GET', '/api/notifications?limit=200')).body.items as Note[];

  beforeAll(async () => {
    ({ admin, kjj, swj } = await officeAndDepartments(s.app, s.db));
    rd = (await indicatorsOf<{ id: string; code: string }>(s.app, s.planId)).find((i) => i.code === 'T2-13')!;
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('tells the office a value waits for approval and the department, by mail too, why it was returned', async () => {
    vi.stubEnv('LANTU_SMTP_URL', smtp.url);
    vi.stubEnv('LANTU_PUBLIC_URL', 'https://lantu.sip.example');
    const created = await kjj.request('POST', '/api/observations', {
      indicatorId: rd.id,
      period: '2021',
      value: 600,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.observation.id as string;
    expect((await kjj.request('POST', `/api/observations/${id}/submit`)).status).toBe(200);

    const waiting = (await notes(admin)).filter((n) => n.event === 'value_submitted');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.title).toMatch(/^待审核：T2-13 .*研发机构.* 2021$/);
    expect(waiting[0]).toMatchObject({ link: '/inbox', body: '科技创新委员会报送了数据，等待审核。' });
    expect((await notes(kjj)).filter((n) => n.event === 'value_submitted')).toEqual([]); // the submitter

    const returned = await admin.request('POST', `/api/observations/${id}/return`, {
      reason: '口径与统计公报不符',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const back = (await notes(kjj)).filter((n) => n.event === 'value_returned');
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({
      link: '/entry',
      body: '退回原因：口径与统计公报不符。请修改后重新报送。',
    });
    expect(back[0]!.title).toMatch(/^数据被退回：T2-13 .* 2021$/);
    expect((await notes(swj)).filter((n) => n.event === 'value_returned')).toEqual([]);

    const worker = new MailWorker(s.db, smtpTransport(smtp.url), {
      from: 'lantu <noreply@sip.example>',
      node: 'n1',
    });
    while ((await worker.runOnce()) > 0) {
      /* drain the queue */
    }
    await worker.stop();
    const mails = await smtp.waitFor(2);
    const toKjj = mails.find((m) => m.to[0] === kjj.email)!;
    expect(toKjj.subject).toMatch(/^\[蓝图 lantu\] 数据被退回：T2-13 .* 2021$/);
    expect(toKjj.text).toContain('退回原因：口径与统计公报不符');
    expect(toKjj.text).toContain('https://lantu.sip.example/entry');
    const toOffice = mails.find((m) => m.to[0] === admin.email)!;
    expect(toOffice.subject).toMatch(/^\[蓝图 lantu\] 待审核：T2-13 .* 2021$/);
    expect(toOffice.text).toContain('https://lantu.sip.example/inbox');
  });

  it('reminds the department of a value due within N days, and it and the office of an overdue one, once', async () => {
    const [row] = await s.db.query<{ dueDays: number }>(
      `SELECT due_days AS "dueDays" FROM indicators WHERE id = $1`,
      [rd.id],
    );
    const due2025 = dueDate('2025', row!.dueDays)!;
    const now = new Date(due2025.getTime() - 3 * 86_400_000); // 3 days before the 2025 value is due
    // the plan has been in lantu since 2021: 2022–2024 fell due while it was collecting (2021 has a value)
    await s.db.query(`UPDATE plans SET created_at = '2021-01-01T00:00:00Z' WHERE key = 'sip-14th'`);

    // two days ahead: the 2025 value (due in 3) is not mentioned yet; the overdue years are
    vi.stubEnv('LANTU_REPORT_REMIND_DAYS', '2');
    expect(await reportingDueSweep(s.db, now, true)).toBeGreaterThan(0);
    const early = (await notes(kjj)).filter((n) => n.title.includes('T2-13'));
    expect(early.filter((n) => n.event === 'report_due_soon')).toEqual([]);
    const lateYears = early.filter((n) => n.event === 'report_overdue').map((n) => n.title.slice(-4));
    expect(lateYears.sort()).toEqual(['2022', '2023', '2024']);

    vi.stubEnv('LANTU_REPORT_REMIND_DAYS', '5');
    expect(await reportingDueSweep(s.db, now, true)).toBeGreaterThan(0);
    const mine = (await notes(kjj)).filter((n) => n.title.includes('T2-13'));
    const soon = mine.filter((n) => n.event === 'report_due_soon');
    expect(soon.map((n) => n.title)).toEqual([expect.stringMatching(/^数据报送即将到期：T2-13 .* 2025$/)]);
    expect(soon[0]).toMatchObject({
      link: '/entry',
      body: `报送期限${due2025.toISOString().slice(0, 10)}。`,
    });
    expect(mine.filter((n) => n.event === 'report_overdue')).toHaveLength(3); // not told again

    // the office: one notification per department and deadline, naming how many values are late
    const office = (await notes(admin)).filter((n) => n.event === 'report_overdue');
    expect(office.filter((n) => n.title.startsWith('数据报送已逾期：T2-'))).toEqual([]);
    const kjjLate = office.filter((n) => n.title.startsWith('数据报送已逾期：科技创新委员会 '));
    for (const year of ['2022', '2023', '2024']) {
      const one = kjjLate.filter((n) => n.title.endsWith(` ${year}`));
      expect(one, year).toHaveLength(1);
      expect(one[0]!.title).toMatch(/^数据报送已逾期：科技创新委员会 \d+项（T2-/);
      expect(one[0]!.link).toBe('/inbox');
    }
    expect((await notes(admin)).filter((n) => n.event === 'report_due_soon')).toEqual([]);
    expect((await notes(swj)).filter((n) => n.title.includes('T2-13'))).toEqual([]);

    // every node runs it every hour: nobody is told twice
    expect(await reportingDueSweep(s.db, now, true)).toBe(0);
  });
});
