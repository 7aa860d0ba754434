import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { departmentsRepository } from '../../src/db/repositories/departments.repository.ts';
import { mailJobsRepository } from '../../src/db/repositories/mail-jobs.repository.ts';
import { MailWorker } from '../../src/server/modules/notifications/mail-worker.ts';
import { enqueueDigests, notify } from '../../src/server/modules/notifications/notifications.service.ts';
import { smtpTransport } from '../../src/server/modules/notifications/smtp.transport.ts';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const FROM = 'lantu <noreply@sip.example>';

describe.each(testDatabases)('notifications on $kind', ({ create }) => {
  const s = appSuite(create, { seed: true });
  let kjj: Client;
  let kjj2: Client;
  let swj: Client;
  let admin: Client;
  let kjjId: string;
  let smtp: TestSmtp;

  const drainAll = async (w: MailWorker) => {
    while ((await w.runOnce()) > 0) {
      /* until the queue is empty */
    }
  };

  beforeAll(async () => {
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    kjj2 = await loginAs(s.app, s.db, 'department', ['KJJ']);
    swj = await loginAs(s.app, s.db, 'department', ['SWJ']);
    admin = await loginAs(s.app, s.db, 'admin');
    kjjId = (await departmentsRepository.findByCode(s.db, 'KJJ'))!.id;
    smtp = await startTestSmtp((rcpt) => (rcpt.startsWith('refused') ? 550 : null));
  });
  afterAll(async () => {
    await smtp.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('tells the users of the responsible department and the office, in the workspace', async () => {
    const n = await s.db.transaction((tx) =>
      notify(tx, {
        event: 'comment_routed',
        params: { item: '高新技术企业数', due: '2026-03-20' },
        link: '/inbox?tab=comments',
        to: { departmentIds: [kjjId], office: true },
      }),
    );
    expect(n).toBeGreaterThanOrEqual(3); // two KJJ users and at least one admin
    const mine = await kjj.request('GET', '/api/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      event: 'comment_routed',
      title: '收到公众意见：高新技术企业数',
      body: '请于2026-03-20前答复。',
      link: '/inbox?tab=comments',
      read: false,
    });
    expect((await admin.request('GET', '/api/notifications/unread-count')).body.unread).toBeGreaterThan(0);
    expect((await swj.request('GET', '/api/notifications')).body.items).toEqual([]);

    const id = mine.body.items[0].id as string;
    // someone else's notification is answered as missing
    expect((await swj.request('POST', `/api/notifications/${id}/read`)).status).toBe(404);
    const read = await kjj.request('POST', `/api/notifications/${id}/read`);
    expect(read.body).toEqual({ unread: 0 });
    expect((await kjj.request('GET', '/api/notifications?unread=true')).body.items).toEqual([]);
    expect((await kjj2.request('GET', '/api/notifications/unread-count')).body.unread).toBe(1);
    expect((await kjj2.request('POST', '/api/notifications/read-all')).body).toEqual({
      marked: 1,
      unread: 0,
    });
  });

  it('notifies once per user and key however often a sweep runs', async () => {
    const once = () =>
      s.db.transaction((tx) =>
        notify(tx, {
          event: 'reply_overdue',
          params: { item: 'X', due: '2026-01-05' },
          link: null,
          to: { departmentIds: [kjjId] },
          dedupeKey: 'reply_overdue:abc',
        }),
      );
    expect(await once()).toBe(2);
    expect(await once()).toBe(0);
    const items = (await kjj.request('GET', '/api/notifications')).body.items as { event: string }[];
    expect(items.filter((i) => i.event === 'reply_overdue')).toHaveLength(1);
  });

  it('enqueues no mail while e-mail is not configured', async () => {
    vi.stubEnv('LANTU_SMTP_URL', '');
    const before = await mailJobsRepository.counts(s.db);
    await s.db.transaction((tx) =>
      notify(tx, { event: 'value_submitted', params: { item: 'Y' }, link: null, to: { office: true } }),
    );
    expect(await mailJobsRepository.counts(s.db)).toEqual(before);
    expect((await kjj.request('GET', '/api/notifications/preferences')).body).toEqual({
      mail: 'instant',
      mailConfigured: false,
    });
  });

  it('mails each notification through a real SMTP server, records the delivery, gives up on 5xx', async () => {
    vi.stubEnv('LANTU_SMTP_URL', smtp.url);
    vi.stubEnv('LANTU_PUBLIC_URL', 'https://lantu.sip.example');
    smtp.messages.length = 0;
    await s.db.transaction((tx) =>
      notify(tx, {
        event: 'value_returned',
        params: { item: '研发投入强度', period: '2024', reason: '口径不符' },
        link: '/entry',
        to: { userIds: [], departmentIds: [kjjId] },
      }),
    );
    const worker = new MailWorker(s.db, smtpTransport(smtp.url), { from: FROM, node: 'node-a' });
    await drainAll(worker);
    const got = await smtp.waitFor(2);
    expect(got.map((m) => m.to[0]).sort()).toEqual([kjj.email, kjj2.email].sort());
    for (const m of got) {
      expect(m.subject).toBe('[蓝图 lantu] 数据被退回：研发投入强度 2024');
      expect(m.text).toContain('退回原因：口径不符');
      expect(m.text).toContain('https://lantu.sip.example/entry');
      expect(m.from).toBe('noreply@sip.example');
      expect(m.messageId).toMatch(/^<lantu-mail-\d+@sip\.example>$/);
    }
    const jobs = await mailJobsRepository.list(s.db, { status: 'sent' });
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    const deliveries = await mailJobsRepository.deliveries(s.db, jobs[0]!.id);
    expect(deliveries).toMatchObject([{ attempt: 1, node: 'node-a', ok: true }]);
    expect(deliveries[0]!.response).toMatch(/^250/);

    // refused for good: one attempt, failed, not retried
    const refusedId = await mailJobsRepository.enqueue(s.db, {
      kind: 'single',
      userId: null,
      recipient: 'refused@sip.example',
      subject: 's',
      bodyText: 't',
      dedupeKey: null,
    });
    await drainAll(worker);
    const failed = (await mailJobsRepository.list(s.db, { status: 'failed' })).find(
      (j) => j.id === refusedId,
    );
    expect(failed).toMatchObject({ attempts: 1 });
    expect(failed!.lastError).toMatch(/550/);
    const admins = await admin.request('GET', '/api/mail-jobs?status=failed');
    expect(admins.body.counts.failed).toBeGreaterThanOrEqual(1);
    expect((await kjj.request('GET', '/api/mail-jobs')).status).toBe(403);
    await worker.stop();
  });

  it('retries a temporary failure with backoff and then sends once', async () => {
    let refusals = 0;
    const flaky = await startTestSmtp((rcpt) =>
      rcpt === 'flaky@sip.example' && refusals++ < 2 ? 451 : null,
    );
    try {
      const id = (await mailJobsRepository.enqueue(s.db, {
        kind: 'single',
        userId: null,
        recipient: 'flaky@sip.example',
        subject: 'retry me',
        bodyText: 'x',
        dedupeKey: null,
      }))!;
      const worker = new MailWorker(s.db, smtpTransport(flaky.url), {
        from: FROM,
        node: 'n',
        retryBaseMs: 200,
      });
      expect(await worker.runOnce()).toBe(1); // 451
      expect(await worker.runOnce()).toBe(0); // not due yet: backoff
      await new Promise((r) => setTimeout(r, 250));
      expect(await worker.runOnce()).toBe(1); // 451 again, next wait 400 ms
      await new Promise((r) => setTimeout(r, 450));
      expect(await worker.runOnce()).toBe(1); // sent
      expect(flaky.messages.map((m) => m.subject)).toEqual(['retry me']);
      const d = await mailJobsRepository.deliveries(s.db, id);
      expect(d.map((x) => [x.attempt, x.ok])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(d[0]!.response).toMatch(/451/);
      await worker.stop();
    } finally {
      await flaky.close();
    }
  });

  it('two workers on one database send every mail exactly once', async () => {
    const many = await startTestSmtp();
    try {
      const ids: number[] = [];
      for (let i = 0; i < 40; i++) {
        ids.push(
          (await mailJobsRepository.enqueue(s.db, {
            kind: 'single',
            userId: null,
            recipient: `user${i}@sip.example`,
            subject: `mail ${i}`,
            bodyText: 'x',
            dedupeKey: `twice:${i}`,
          }))!,
        );
      }
      const a = new MailWorker(s.db, smtpTransport(many.url), { from: FROM, node: 'a', batch: 3 });
      const b = new MailWorker(s.db, smtpTransport(many.url), { from: FROM, node: 'b', batch: 3 });
      await Promise.all([drainAll(a), drainAll(b)]);
      await many.waitFor(40);
      const subjects = many.messages.map((m) => m.subject).sort();
      expect(subjects).toEqual(Array.from({ length: 40 }, (_, i) => `mail ${i}`).sort());
      for (const id of ids) expect((await mailJobsRepository.deliveries(s.db, id)).length).toBe(1);
      await a.stop();
      await b.stop();
    } finally {
      await many.close();
    }
  });

  it('a digest user gets one mail a day with every notification, not one per event', async () => {
    vi.stubEnv('LANTU_SMTP_URL', smtp.url);
    vi.stubEnv('LANTU_DIGEST_HOUR', '8');
    const digester = await loginAs(s.app, s.db, 'department', ['WJW']);
    const wjwId = (await departmentsRepository.findByCode(s.db, 'WJW'))!.id;
    expect(
      (await digester.request('PUT', '/api/notifications/preferences', { mail: 'digest' })).body,
    ).toEqual({ mail: 'digest', mailConfigured: true });
    const before = (await mailJobsRepository.counts(s.db)).pending;
    for (const item of ['A', 'B', 'C']) {
      await s.db.transaction((tx) =>
        notify(tx, {
          event: 'report_overdue',
          params: { item, period: '2025' },
          link: '/entry',
          to: { departmentIds: [wjwId] },
        }),
      );
    }
    expect((await mailJobsRepository.counts(s.db)).pending).toBe(before); // no single mails
    const early = new Date();
    early.setHours(7, 0, 0, 0);
    expect(await enqueueDigests(s.db, early)).toBe(0);
    const later = new Date(Date.now() + 1000);
    later.setHours(Math.max(later.getHours(), 9));
    expect(await enqueueDigests(s.db, later)).toBe(1);
    expect(await enqueueDigests(s.db, later)).toBe(0);
    const job = (await mailJobsRepository.list(s.db, { status: 'pending' })).find(
      (j) => j.kind === 'digest' && j.recipient === digester.email,
    )!;
    expect(job.subject).toMatch(/每日汇总 .*：3条提醒/);
    expect(job.bodyText).toContain('1. 数据报送已逾期：A 2025');
    expect(job.bodyText).toContain('3. 数据报送已逾期：C 2025');
  });
});
