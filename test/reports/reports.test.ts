/**
 * Reports for the SIP 14th plan on the TEST DATA of test/support/report-fixtures.ts (not statistics), in
 * every kind and format, read back from the files; and the 13th plan's final report from Table 1.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/domain/dataset.ts';
import { LantuError } from '../../src/domain/errors.ts';
import { verdictLabel } from '../../src/domain/evaluation/verdict.ts';
import { reportInputFromDataset } from '../../src/reports/from-dataset.ts';
import { chartBlocks, renderReport } from '../../src/reports/render.ts';
import type { RenderedReport } from '../../src/reports/render.ts';
import type { ReportFormat, ReportInput, ReportKind } from '../../src/reports/types.ts';
import {
  loadSipDataset,
  REPORT_TEST_NOW,
  reportProgress,
  reportTestInput,
  reportValuesCsv,
} from '../support/report-fixtures.ts';
import { readDocx } from './read-docx.ts';

const H1_ZH = [
  '一、总体评价',
  '二、主要指标完成情况',
  '三、重点任务推进情况',
  '四、重大项目进展',
  '五、存在的主要问题',
  '六、下一步工作建议',
  '附录\u3000评估方法与数据说明',
];
const INDICATOR_HEAD = ['类别', '指标', '属性', '基期值', '目标值', '当前值', '时间进度', '实际进度', '判断'];

let dataset: Dataset;
const inputs = new Map<ReportKind, ReportInput>();
const cache = new Map<string, Promise<RenderedReport>>();

function input(kind: ReportKind): ReportInput {
  let i = inputs.get(kind);
  if (i === undefined) {
    i = reportTestInput(dataset, kind);
    inputs.set(kind, i);
  }
  return i;
}

function report(kind: ReportKind, format: ReportFormat): Promise<RenderedReport> {
  const key = `${kind}.${format}`;
  let r = cache.get(key);
  if (r === undefined) {
    r = renderReport(input(kind), format);
    cache.set(key, r);
  }
  return r;
}

beforeAll(() => {
  dataset = loadSipDataset();
});

describe.each(['annual', 'midterm', 'final'] as const)('SIP 14th %s report', (kind) => {
  it('.docx: headings in order, one indicator row per indicator with its verdict, charts embedded, snapshot in the footer', async () => {
    const r = await report(kind, 'docx');
    const ev = input(kind).evaluation;
    const doc = await readDocx(r.bytes);
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(H1_ZH);
    // Level-2 headings sit under their level-1 heading: the first one follows 二、.
    expect(doc.headings.findIndex((h) => h.level === 2)).toBeGreaterThan(
      doc.headings.findIndex((h) => h.text === H1_ZH[1]),
    );

    const table = doc.tables.find((t) => JSON.stringify(t[0]) === JSON.stringify(INDICATOR_HEAD));
    expect(table).toBeDefined();
    const rows = (table ?? []).slice(1);
    expect(rows).toHaveLength(36);
    expect(rows).toHaveLength(ev.indicators.length);
    rows.forEach((row, k) => {
      const i = ev.indicators[k];
      expect(i).toBeDefined();
      if (i === undefined) return;
      expect(row[1]?.startsWith(i.name)).toBe(true);
      expect(row[8]).toBe(verdictLabel(i.verdict, ev.summary.final).zh);
    });
    // Binding indicators first.
    const firstExpected = rows.findIndex((row) => row[2] === '预期性');
    expect(firstExpected).toBeGreaterThan(0); // both groups present, so neither every() below is vacuous
    expect(rows.slice(firstExpected).every((row) => row[2] === '预期性')).toBe(true);
    expect(rows.slice(0, firstExpected).every((row) => row[2] === '约束性')).toBe(true);

    const charts = chartBlocks(r.model);
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(doc.media.filter((m) => m.endsWith('.png'))).toHaveLength(charts.length);
    expect(doc.blips).toBe(charts.length);

    const id = input(kind).snapshot.id;
    expect(id).toMatch(/^live-[0-9a-f]{12}$/);
    expect(doc.footers.some((f) => f.includes(id) && f.includes('9.9.9-test'))).toBe(true);
    expect(doc.coreXml).toContain(id);
    expect(doc.paragraphs.some((p) => p.text.includes('测试数据'))).toBe(true);
  });

  it('.xlsx: a sheet per section, the indicator table with codes and verdicts, the raw values', async () => {
    const r = await report(kind, 'xlsx');
    const ev = input(kind).evaluation;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      '报告信息',
      ...H1_ZH.map((h) => h.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)),
      '原始数据',
    ]);
    const about = wb.getWorksheet('报告信息');
    expect(about?.getCell('B6').value).toBe(input(kind).snapshot.id);
    const sheet = wb.getWorksheet(H1_ZH[1] ?? '');
    expect(sheet).toBeDefined();
    const verdictByCode = new Map<string, unknown>();
    let headerRow = -1;
    sheet?.eachRow((row, n) => {
      const first = row.getCell(1).value;
      if (first === '代码 / code' && row.getCell(2).value === '类别') headerRow = n;
      // the first table with codes: a final report's later tables (results, trends) list them again
      else if (
        headerRow > 0 &&
        typeof first === 'string' &&
        /^T2-\d\d$/.test(first) &&
        !verdictByCode.has(first)
      )
        verdictByCode.set(first, row.getCell(10).value);
    });
    expect(headerRow).toBeGreaterThan(0);
    expect(verdictByCode.size).toBe(36);
    for (const i of ev.indicators)
      expect(verdictByCode.get(i.code)).toBe(verdictLabel(i.verdict, ev.summary.final).zh);
    const raw = wb.getWorksheet('原始数据');
    const observations = [...input(kind).observations.values()].reduce((a, l) => a + l.length, 0);
    expect((raw?.rowCount ?? 0) - 1).toBe(observations);
    // Numbers stay numbers.
    const t201 = raw
      ?.getRows(2, observations)
      ?.find((row) => row.getCell(1).value === 'T2-01' && row.getCell(4).value === 2021);
    expect(t201?.getCell(5).value).toBe(8);
  });

  it('.md: the same headings, the indicator table and the snapshot line', async () => {
    const r = await report(kind, 'md');
    const md = r.bytes.toString('utf8');
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(H1_ZH);
    const head = `| ${INDICATOR_HEAD.join(' | ')} |`;
    const lines = md.split('\n');
    const at = lines.indexOf(head);
    expect(at).toBeGreaterThan(0);
    const rows = lines
      .slice(at + 2)
      .filter((l, k, all) => all.slice(0, k + 1).every((x) => x.startsWith('|')));
    expect(rows).toHaveLength(36);
    expect(md).toContain(input(kind).snapshot.id);
  });
});

describe('SIP 14th report content (test data)', () => {
  it('judges the test values as expected for 2023 and lists the lagging ones as problems with their numbers', async () => {
    const ev = input('midterm').evaluation;
    const v = new Map(ev.indicators.map((i) => [i.code, i.verdict]));
    expect(v.get('T2-01')).toBe('lagging');
    expect(v.get('T2-15')).toBe('achieved');
    expect(v.get('T2-11')).toBe('on_track');
    expect(v.get('T2-12')).toBe('ahead');
    expect(v.get('T2-35')).toBe('no_data');
    const md = (await report('midterm', 'md')).bytes.toString('utf8');
    const problems = md.slice(md.indexOf('## 五、存在的主要问题'), md.indexOf('## 六、'));
    expect(problems).toContain('地区生产总值年均增速：2023年为5.24%');
    const suggestions = md.slice(md.indexOf('## 六、'), md.indexOf('## 附录'));
    expect(suggestions).toMatch(/地区生产总值年均增速：剩余2年需.*年均增长8\.\d+%/);
    // One trend chart per indicator that needs attention.
    const lagging = ev.indicators.filter((i) =>
      ['lagging', 'not_achieved', 'deterioration', 'acceleration_needed', 'limited_progress'].includes(
        i.verdict,
      ),
    );
    const trends = chartBlocks((await report('midterm', 'md')).model).filter((c) => c.spec.kind === 'trend');
    expect(trends.map((c) => c.id).sort()).toEqual(lagging.map((i) => `trend-${i.code}`).sort());
  });

  it('rolls tasks up by part and chapter and sums project investment by category and area', async () => {
    const m = (await report('midterm', 'md')).model;
    const tasks = m.blocks.find((b) => b.type === 'table' && b.id === 'tasks');
    expect(
      tasks?.type === 'table' &&
        tasks.rows.some((r) => r[0]?.bold === true && r[0].text.startsWith('第二篇')),
    ).toBe(true);
    const total = tasks?.type === 'table' ? tasks.rows[tasks.rows.length - 1] : undefined;
    const progress = reportProgress(dataset, 2023);
    expect(total?.[1]?.value).toBeGreaterThanOrEqual(progress.tasks.length);
    const byCategory = m.blocks.find((b) => b.type === 'table' && b.id === 'projects-by-category');
    const projects = dataset.projects.filter((p) => p.planKey === 'sip-14th');
    expect(
      byCategory?.type === 'table' ? byCategory.rows.reduce((a, r) => a + (r[1]?.value ?? 0), 0) : 0,
    ).toBe(projects.length);
    expect(m.blocks.some((b) => b.type === 'table' && b.id === 'projects-by-area')).toBe(true);
  });

  it('writes the English version with --lang en', async () => {
    const en = reportInputFromDataset(dataset, {
      kind: 'midterm',
      year: 2023,
      lang: 'en',
      valuesCsv: reportValuesCsv(),
      engineVersion: 't',
      now: REPORT_TEST_NOW,
    });
    const r = await renderReport(en, 'md');
    const md = r.bytes.toString('utf8');
    expect([...md.matchAll(/^## (.+)$/gm)].map((x) => x[1])).toEqual([
      '1. Overall assessment',
      '2. Main indicators',
      '3. Key tasks',
      '4. Major projects',
      '5. Main problems',
      '6. Recommendations',
      'Appendix: method and data',
    ]);
    expect(md).toContain(
      '| Category | Indicator | Type | Baseline | Target | Current | Time elapsed | Progress | Verdict |',
    );
    expect(r.filename).toBe('sip-14th-midterm-2023-en.md');
  });

  it('gives the same snapshot id for the same figures and another for other figures', () => {
    const a = reportInputFromDataset(dataset, {
      kind: 'annual',
      year: 2023,
      valuesCsv: reportValuesCsv(),
      engineVersion: 'x',
    });
    const b = reportInputFromDataset(dataset, {
      kind: 'annual',
      year: 2023,
      valuesCsv: reportValuesCsv(),
      engineVersion: 'x',
    });
    const c = reportInputFromDataset(dataset, {
      kind: 'annual',
      year: 2023,
      valuesCsv: reportValuesCsv(2022),
      engineVersion: 'x',
    });
    expect(a.snapshot.id).toBe(b.snapshot.id);
    expect(c.snapshot.id).not.toBe(a.snapshot.id);
  });

  it('refuses a final report before the last year, and progress for nodes or projects that do not exist', () => {
    expect(() => reportInputFromDataset(dataset, { kind: 'final', year: 2023, engineVersion: 'x' })).toThrow(
      LantuError,
    );
    expect(() =>
      reportInputFromDataset(dataset, {
        kind: 'midterm',
        year: 2023,
        engineVersion: 'x',
        progress: { tasks: [{ key: '99.1', status: 'completed' }] },
      }),
    ).toThrow(/no plan node at 99\.1/);
    expect(() =>
      reportInputFromDataset(dataset, {
        kind: 'midterm',
        year: 2023,
        engineVersion: 'x',
        progress: { projects: [{ code: 'NOPE', year: 2023, investedToDate: 1 }] },
      }),
    ).toThrow(/unknown project NOPE/);
  });
});

describe('SIP 13th final report from Table 1 (--table 1 --year 2020 --kind final)', () => {
  let t1: ReportInput;
  beforeAll(() => {
    t1 = reportInputFromDataset(dataset, {
      kind: 'final',
      table: 1,
      year: 2020,
      engineVersion: '9.9.9-test',
      now: REPORT_TEST_NOW,
    });
  });

  it('.docx: 22 indicators with the final verdicts, tasks and projects not assessed', async () => {
    const r = await renderReport(t1, 'docx');
    const doc = await readDocx(r.bytes);
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(H1_ZH);
    const table = doc.tables.find((t) => JSON.stringify(t[0]) === JSON.stringify(INDICATOR_HEAD));
    const rows = (table ?? []).slice(1);
    expect(rows).toHaveLength(22);
    const byName = new Map(rows.map((row) => [row[1]?.replace(/（.*$/, ''), row[8]]));
    expect(byName.get('文化产业增加值占地区生产总值比重')).toBe('未完成');
    expect(byName.get('城镇登记失业率')).toBe('已完成');
    expect(byName.get('区域常住人口')).toBe('数据暂缺');
    t1.evaluation.indicators.forEach((i, k) => expect(rows[k]?.[8]).toBe(verdictLabel(i.verdict, true).zh));
    const text = doc.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('园区“十三五”规划纲要实施情况总结评估报告');
    expect(text).toContain('22项主要指标中');
    expect(text).toContain('本规划未载入重点任务结构');
    expect(doc.footers.some((f) => f.includes(t1.snapshot.id))).toBe(true);
    expect(doc.media.length).toBeGreaterThanOrEqual(1);
  });
});
