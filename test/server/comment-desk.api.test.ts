import { beforeAll, describe, expect, it } from 'vitest';
import { departmentsRepository } from '../../src/db/repositories/departments.repository.ts';
import { feedbackRepository } from '../../src/db/repositories/feedback.repository.ts';
import { commentDeadlineSweep } from '../../src/server/modules/comment-desk/comment-desk.service.ts';
import { getJson, indicatorsOf, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { officeAndDepartments, type Client } from '../support/session.ts';

interface Todo {
  id: string;
  light: string;
  body: string;
  workingDaysLeft: number | null;
  replies: { kind: string; body: string }[];
}

describe.each(testDatabases)('comments in the workspace on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let kjj: Client;
  let swj: Client;
  let indicatorId: string;
  let nodeId: string;
  let kjjId: string;

  const comment = (targetType: 'indicator' | 'node', targetId: string, body: string, client = 'c1') =>
    feedbackRepository.insert(s.db, {
      targetType,
      targetId,
      planId: s.planId,
      body,
      name: '市民',
      contact: '13812345678',
      clientHash: client,
      departmentId: targetType === 'indicator' ? kjjId : null,
    });
  const todo = async (who: Client) =>
    (await who.request('GET', '/api/comment-desk/todo')).body.items as Todo[];

  beforeAll(async () => {
    ({ admin, kjj, swj } = await officeAndDepartments(s.app, s.db));
    kjjId = (await departmentsRepository.findByCode(s.db, 'KJJ'))!.id;
    const inds = await indicatorsOf<{ id: string; code: string }>(s.app, s.planId);
    indicatorId = inds.find((i) => i.code === 'T2-11')!.id;
    const tree = await getJson<{ nodes: { id: string }[] }>(s.app, `/api/plans/${s.planId}/tree`);
    nodeId = tree.body.nodes[0]!.id; // a part: no lead department anywhere above it
  });

  it('the moderation queue shows the item, its lead department and the same client’s other comments', async () => {
    const a = await comment('indicator', indicatorId, '高新技术企业数据何时更新？电话13812345678');
    const b = await comment('node', nodeId, '建议增加篇章解读');
    const queue = await admin.request('GET', '/api/comment-desk/moderation');
    expect(queue.status).toBe(200);
    const byId = new Map(
      (queue.body.items as { id: string; sameClient: { id: string }[] }[]).map((i) => [i.id, i]),
    );
    expect(byId.get(a)).toMatchObject({
      targetType: 'indicator',
      targetTitle: expect.stringContaining('T2-11'),
      department: { code: 'KJJ' },
      needsDepartment: false,
      contact: '13812345678',
    });
    expect(byId.get(b)).toMatchObject({ department: null, needsDepartment: true });
    expect(byId.get(b)!.sameClient.map((x) => x.id)).toEqual([a]);
    expect((await kjj.request('GET', '/api/comment-desk/moderation')).status).toBe(403);

    // no lead department: publishing needs a choice, then it is routed there
    expect((await admin.request('POST', `/api/feedback/${b}/publish`, {})).status).toBe(422);
    expect(
      (await admin.request('POST', `/api/feedback/${b}/publish`, { departmentCode: 'KJJ' })).status,
    ).toBe(200);
    expect((await admin.request('POST', `/api/feedback/${a}/publish`, {})).status).toBe(200);
  });

  it('the department sees its comments in 待办 with a light, masked text, and a notification', async () => {
    const items = await todo(kjj);
    expect(items.length).toBe(2);
    for (const i of items) {
      expect(i.light).toBe('green');
      expect(i.workingDaysLeft).toBe(15);
    }
    expect(items.map((i) => i.body).join()).toContain('138****5678');
    expect(items.map((i) => i.body).join()).not.toContain('13812345678');
    expect(await todo(swj)).toEqual([]);
    const notes = (await kjj.request('GET', '/api/notifications')).body.items as {
      event: string;
      link: string;
    }[];
    expect(notes.filter((n) => n.event === 'comment_routed')).toHaveLength(2);
    expect(notes[0]!.link).toMatch(/^\/comments\?id=/);
  });

  it('templates: a department’s own and the shared ones; others cannot touch them', async () => {
    const own = await kjj.request('POST', '/api/reply-templates', {
      title: '已纳入工作',
      body: '感谢您的关注。我局已将您的建议纳入年度工作安排。',
    });
    expect(own.status).toBe(201);
    const shared = await admin.request('POST', '/api/reply-templates', {
      title: '通用',
      body: '感谢您的意见。',
    });
    expect(shared.status).toBe(201);
    expect(
      (await swj.request('GET', '/api/reply-templates')).body.items.map((t: { id: string }) => t.id),
    ).toEqual([shared.body.id]);
    expect((await kjj.request('GET', '/api/reply-templates')).body.items).toHaveLength(2);
    expect(
      (await swj.request('PUT', `/api/reply-templates/${own.body.id}`, { title: 'x', body: 'y' })).status,
    ).toBe(403);
    expect((await kjj.request('DELETE', `/api/reply-templates/${shared.body.id}`)).status).toBe(403);
    const edited = await kjj.request('PUT', `/api/reply-templates/${own.body.id}`, {
      title: '已纳入工作',
      body: '感谢您的关注。已纳入2026年工作安排。',
    });
    expect(edited.body.body).toBe('感谢您的关注。已纳入2026年工作安排。');
  });

  it('reply from a template, then a follow-up: history kept, light done, reply rate moves', async () => {
    const statsBefore = (
      await getJson<{ items: { department: string; replied: number }[] }>(s.app, '/api/public/feedback/stats')
    ).body.items;
    const repliedBefore = statsBefore.find((s) => s.department.includes('科技'))?.replied ?? 0;
    const [first] = await todo(kjj);
    const template = (await kjj.request('GET', '/api/reply-templates')).body.items.find(
      (t: { title: string }) => t.title === '已纳入工作',
    );
    expect(
      (await kjj.request('POST', `/api/feedback/${first!.id}/follow-up`, { body: '先补充' })).status,
    ).toBe(409);
    expect(
      (await kjj.request('POST', `/api/feedback/${first!.id}/reply`, { body: template.body })).status,
    ).toBe(200);
    expect((await swj.request('POST', `/api/feedback/${first!.id}/follow-up`, { body: '越权' })).status).toBe(
      403,
    );
    expect(
      (await kjj.request('POST', `/api/feedback/${first!.id}/follow-up`, { body: '补充：已于3月完成。' }))
        .status,
    ).toBe(204);
    const after = (await todo(kjj)).find((i) => i.id === first!.id)!;
    expect(after.light).toBe('done');
    expect(after.replies.map((r) => [r.kind, r.body])).toEqual([
      ['reply', '感谢您的关注。已纳入2026年工作安排。'],
      ['follow_up', '补充：已于3月完成。'],
    ]);
    const stats = (
      await getJson<{ items: { department: string; replied: number }[] }>(s.app, '/api/public/feedback/stats')
    ).body.items;
    expect(stats.find((s) => s.department.includes('科技'))!.replied).toBe(repliedBefore + 1);
  });

  it('reminds of replies due soon and overdue, once each', async () => {
    const [open] = (await todo(kjj)).filter((i) => i.light !== 'done');
    const now = new Date();
    await s.db.query(`UPDATE feedback SET reply_due_at = $2 WHERE id = $1`, [
      open!.id,
      new Date(now.getTime() - 3600_000),
    ]);
    expect((await todo(kjj)).find((i) => i.id === open!.id)!.light).toBe('red');
    const first = await commentDeadlineSweep(s.db, now);
    expect(first).toBeGreaterThanOrEqual(2); // the KJJ user and the admin
    expect(await commentDeadlineSweep(s.db, now)).toBe(0);
    const events = (await kjj.request('GET', '/api/notifications')).body.items.map(
      (n: { event: string }) => n.event,
    );
    expect(events).toContain('reply_overdue');
    const officeEvents = (await admin.request('GET', '/api/notifications')).body.items.map(
      (n: { event: string }) => n.event,
    );
    expect(officeEvents).toContain('reply_overdue');
  });
});
