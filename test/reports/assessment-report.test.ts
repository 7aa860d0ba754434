import { beforeAll, describe, expect, it } from 'vitest';
import { seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { readDocx } from './read-docx.ts';

const YEAR = 2024;
const REASON = '考核组核实：年度数据未按期报送';

interface Score {
  rank: number;
  department: { code: string; name: string };
  base: number;
  adjustment: number;
  score: number;
  criteria: { title: { zh: string }; weight: number; points: number }[];
}

/**
 * Issue 16 §6: the evaluation report can include the department assessment table (部门考核情况) — asked for
 * with assessment=true by the office or the assessment team, read back from the .docx and the .md with the
 * scores the assessment API gives, the team's adjustment included.
 */
describe.each(testDatabases)('the department assessment in the evaluation report on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let kjj: Client;
  let scores: Score[];

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    const team = await loginAs(s.app, s.db, 'assessor');
    const adj = await team.request('POST', `/api/plans/${s.planId}/assessment/${YEAR}/adjustments`, {
      department: 'KJJ',
      points: -2.5,
      reason: REASON,
    });
    expect(adj.status, JSON.stringify(adj.body)).toBe(200);
    scores = (await admin.request('GET', `/api/plans/${s.planId}/assessment?year=${YEAR}`)).body
      .departments as Score[];
    expect(scores.find((s) => s.department.code === 'KJJ')!.adjustment).toBe(-2.5);
  });

  const asOffice = (path: string) => s.app.request(path, { headers: { cookie: admin.cookie } });

  const header = () => [
    '名次',
    '部门',
    ...scores[0]!.criteria.map((c) => `${c.title.zh}（${c.weight}）`),
    '计算得分',
    '考核组调整',
    '总分',
  ];
  const rowText = (s: Score) => [
    String(s.rank),
    s.department.name,
    ...s.criteria.map((c) => String(c.points)),
    String(s.base),
    s.adjustment === 0 ? '0' : s.adjustment > 0 ? `+${s.adjustment}` : String(s.adjustment),
    String(s.score),
  ];

  it('has the table in the .docx: every department, its points per criterion, the adjustment and the score', async () => {
    const res = await asOffice(`/api/plans/${s.planId}/report.docx?year=${YEAR}&kind=annual&assessment=true`);
    expect(res.status).toBe(200);
    const doc = await readDocx(new Uint8Array(await res.arrayBuffer()));
    expect(doc.headings.map((h) => h.text)).toContain('七、部门考核情况');
    const table = doc.tables.find((t) => t[0]?.join('|') === header().join('|'));
    expect(table, 'assessment table').toBeDefined();
    expect(table!.slice(1)).toEqual(scores.map(rowText));
    const kjjRow = table!
      .slice(1)
      .find((r) => r[1] === scores.find((s) => s.department.code === 'KJJ')!.department.name)!;
    expect(kjjRow.at(-2)).toBe('-2.5');
    expect(doc.paragraphs.some((p) => p.text.includes(`${YEAR}年度部门考核得分`))).toBe(true);
    expect(
      doc.paragraphs.some((p) =>
        p.text.includes(`对承担本规划任务的${scores.length}个部门${YEAR}年度工作进行考核`),
      ),
    ).toBe(true);
  });

  it('has it in the .md too; without assessment=true, or for the public, no such table', async () => {
    const md = await asOffice(`/api/plans/${s.planId}/report.md?year=${YEAR}&kind=annual&assessment=1`);
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text).toContain('## 七、部门考核情况');
    expect(text).toContain(`| ${header().join(' | ')} |`);
    const kjj1 = scores.find((s) => s.department.code === 'KJJ')!;
    const line = text.split('\n').find((l) => l.includes(`| ${kjj1.department.name} |`));
    expect(line?.replace(/\s+/g, ' ')).toContain(`| ${kjj1.base} | -2.5 | ${kjj1.score} |`);

    const plain = await (
      await s.app.request(`/api/plans/${s.planId}/report.md?year=${YEAR}&kind=annual`)
    ).text();
    expect(plain).not.toContain('部门考核情况');
    expect(
      (await s.app.request(`/api/plans/${s.planId}/report.md?year=${YEAR}&assessment=true`)).status,
    ).toBe(401);
    const dept = await s.app.request(`/api/plans/${s.planId}/report.md?year=${YEAR}&assessment=true`, {
      headers: { cookie: kjj.cookie },
    });
    expect(dept.status).toBe(403);
  });
});
