import { beforeAll, describe, expect, it } from 'vitest';
import { departmentsRepository } from '../../src/db/repositories/departments.repository.ts';
import { feedbackRepository } from '../../src/db/repositories/feedback.repository.ts';
import type { SearchResult } from '../../src/server/modules/search/search.schemas.ts';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { TEXT_OUTLINE as OUTLINE } from '../support/text-outline.fixture.ts';
import { importOutline } from '../support/upload.ts';

describe.each(testDatabases)('search API on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let sipId: string;
  let importedId: string;

  const search = (planId: string, q: string, extra = '') =>
    getJson<SearchResult>(s.app, `/api/plans/${planId}/search?q=${encodeURIComponent(q)}${extra}`);

  beforeAll(async () => {
    sipId = s.planId;
    admin = await loginAs(s.app, s.db, 'admin');
    const res = await importOutline(
      s.app,
      admin,
      'filename=outline.txt&preview=false',
      new TextEncoder().encode(OUTLINE),
    );
    expect(res.status).toBe(200);
    importedId = ((await res.json()) as { planId: string }).planId;
  });

  it("keeps an imported task's text and shows it in the plan tree", async () => {
    const tree = await getJson<{
      nodes: { kind: string; title: string; body: string | null; children: unknown[] }[];
    }>(s.app, `/api/plans/${importedId}/tree`);
    const tasks: { title: string; body: string | null }[] = [];
    const walk = (ns: { kind: string; title: string; body: string | null; children: unknown[] }[]) => {
      for (const n of ns) {
        if (n.kind === 'task') tasks.push(n);
        walk(n.children as typeof ns);
      }
    };
    walk(tree.body.nodes);
    expect(tasks.map((t) => t.title)).toEqual(['建设开放实验平台', '培育创新企业', '推进低碳转型']);
    expect(tasks[0]!.body).toContain('围绕光子芯片和合成生物两个方向');
    expect(tasks[2]!.body).toBe('推广屋顶光伏和储能示范项目。');
  });

  it("finds a task by a phrase from its text, whatever the digits' width, with its headings", async () => {
    const { status, body } = await search(importedId, '２０２５年建成'); // typed full-width
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(1);
    expect(body.nodes[0]).toMatchObject({
      kind: 'task',
      title: '建设开放实验平台',
      field: 'text',
      path: ['第一篇 总体要求', '第一章 创新驱动', '第一节 科技平台'],
    });
    const n = body.nodes[0]!;
    expect(n.snippet.slice(n.highlight.start, n.highlight.end)).toBe('2025年建成');
    expect((await search(importedId, '合成 生物')).body.nodes.map((x) => x.title)).toEqual([
      '建设开放实验平台',
    ]);
  });

  it('finds indicators, projects and headings of the default plan', async () => {
    const rd = await search(sipId, '研发经费');
    expect(rd.body.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(['T2-09']));
    const island = await search(sipId, '生物技术创新岛');
    expect(island.body.projects.map((p) => p.title)).toContain('中新生物技术创新岛');
    const heading = await search(sipId, '创新规划实施机制');
    expect(heading.body.nodes.map((x) => [x.kind, x.field])).toContainEqual(['chapter', 'title']);
    expect(heading.body.total).toBe(
      heading.body.counts.nodes +
        heading.body.counts.indicators +
        heading.body.counts.projects +
        heading.body.counts.comments,
    );
  });

  it('finds published comments in their masked form only, and their replies', async () => {
    const tree = await getJson<{ nodes: { id: string }[] }>(s.app, `/api/plans/${importedId}/tree`);
    const nodeId = tree.body.nodes[0]!.id;
    const kjj = (await departmentsRepository.findByCode(s.db, 'KJJ'))!.id;
    const insert = (body: string) =>
      feedbackRepository.insert(s.db, {
        targetType: 'node',
        targetId: nodeId,
        planId: importedId,
        body,
        name: null,
        contact: null,
        clientHash: 'c1',
        departmentId: kjj,
      });
    const published = await insert('光伏补贴何时兑现？电话13812345678');
    await insert('光伏项目选址在哪里'); // pending: never found
    expect((await admin.request('POST', `/api/feedback/${published}/publish`, {})).status).toBe(200);
    const { body } = await search(importedId, '光伏');
    expect(body.comments).toHaveLength(1);
    expect(body.comments[0]).toMatchObject({ id: published, targetType: 'node', targetId: nodeId });
    expect(body.comments[0]!.snippet).not.toContain('13812345678');
    expect((await search(importedId, '13812345678')).body.comments).toEqual([]);
    expect(body.nodes.map((x) => x.title)).toEqual(['推进低碳转型']);
  });

  it('limits the hits per kind but counts them all', async () => {
    const { body } = await search(sipId, '发展', '&limit=2');
    expect(body.nodes).toHaveLength(2);
    expect(body.counts.nodes).toBeGreaterThan(2);
  });

  it('refuses an empty or over-long query and an unknown plan', async () => {
    expect((await search(sipId, '  ')).status).toBe(422);
    expect((await search(sipId, '字'.repeat(101))).status).toBe(422);
    expect((await search('00000000-0000-4000-8000-000000000000', '发展')).status).toBe(404);
  });
});
