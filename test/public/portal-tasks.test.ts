import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { firstTaskWithParent, type TreeNode } from '../support/plan-tree.ts';
import { loginAs, type Client } from '../support/session.ts';

/** issue 17: the portal's public page per task with its reported progress, linked from the plan outline. */
describe.each(testDatabases)('task pages on the portal on $kind', ({ create }) => {
  const s = seededSuite(create);
  let kjj: Client;
  let taskId: string;
  let chapterId: string;

  beforeAll(async () => {
    const admin = await loginAs(s.app, s.db, 'admin');
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    const tree = await getJson<{ nodes: TreeNode[] }>(s.app, `/api/plans/${s.planId}/tree`);
    const { task, parent } = firstTaskWithParent(tree.body.nodes)!;
    taskId = task.id;
    chapterId = parent.id;
    const assigned = await admin.request('PUT', '/api/assignments', { nodeId: taskId, lead: 'KJJ', co: [] });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  });

  it('shows nothing reported, then the reported progress on the task page, the outline and the parent', async () => {
    const before = await (await s.app.request(`/public/nodes/${taskId}`)).text();
    expect(before).toContain('责任部门尚未报送该任务的进展。');
    const outlineBefore = await (await s.app.request('/public/plan')).text();
    expect(outlineBefore).toContain(`href="/public/nodes/${taskId}"`);
    expect(outlineBefore).toMatch(/已报送进展的任务 0\/\d+/);

    const milestone = await kjj.request('PUT', `/api/tasks/${taskId}/work-plans/2026`, {
      milestones: [{ title: '完成<b>方案</b>评审', dueDate: '2026-09-30', completedOn: '2026-09-20' }],
    });
    expect(milestone.status, JSON.stringify(milestone.body)).toBe(200);
    const report = await kjj.request('POST', `/api/tasks/${taskId}/reports`, {
      year: 2026,
      status: 'in_progress',
      percent: 65,
      text: '已建成3个<script>x</script>平台',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);

    const page = await (await s.app.request(`/public/nodes/${taskId}`)).text();
    expect(page).toContain('推进情况');
    expect(page).toContain('<span class="badge blue">推进中</span> <span class="pct">65%</span>');
    expect(page).toContain('已建成3个&lt;script&gt;x&lt;/script&gt;平台');
    expect(page).not.toContain('<script>x');
    expect(page).toContain('完成&lt;b&gt;方案&lt;/b&gt;评审');
    expect(page).toContain('已完成 2026-09-20');
    expect(page).toContain('aria-label="推进情况 65%"');
    // who reported is not public
    expect(page).not.toMatch(/@/);

    const outline = await (await s.app.request('/public/plan')).text();
    expect(outline).toMatch(/已报送进展的任务 1\/\d+/);
    expect(outline).toContain('<span class="pct">65%</span><span class="unit">（2026年）</span>');
    const parent = await (await s.app.request(`/public/nodes/${chapterId}`)).text();
    expect(parent).toContain('<span class="pct">65%</span>');

    const en = await (await s.app.request(`/public/nodes/${taskId}?lang=en`)).text();
    expect(en).toContain('<span class="badge blue">In progress</span>');
    expect(en).toContain('Progress reports');
  });

  it('links the plan outline from the navigation and the overview', async () => {
    const overview = await (await s.app.request('/public')).text();
    expect(overview).toContain('<a href="/public/plan">');
    expect(overview).toContain('规划任务');
  });
});
