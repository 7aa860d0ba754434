import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../domain/evaluation/summary.ts';
import { makeSpec, obs, series } from '../domain/evaluation/testkit.ts';
import type { EvaluationObservation } from '../domain/evaluation/types.ts';
import type { PlanNodeSpec } from '../domain/plan.ts';
import { buildReportModel } from './model.ts';
import type { Block, ReportInput, ReportKind, TableBlock } from './types.ts';

const specs = [
  makeSpec({ code: 'A', name: '甲指标', unit: '家', baseline: 100, target: '200', category: '经济' }),
  makeSpec({ code: 'B', name: '乙指标', unit: '%', baseline: 10, target: '20', category: '经济' }),
  makeSpec({
    code: 'C',
    name: '丙指标',
    unit: '%',
    kind: 'ceiling',
    direction: 'decrease',
    attribute: 'binding',
    baseline: 2,
    target: '≤2',
    category: '民生',
  }),
  makeSpec({ code: 'D', name: '丁指标', unit: null, baseline: 1, target: '5', category: null }),
];
const values: Record<string, EvaluationObservation[]> = {
  A: series(2021, [130, 160, 210]), // achieved early
  B: series(2021, [11, 12, 13]), // lagging: 30% of the way at 60% of the time
  C: series(2021, [1.8, 1.9, 1.9]), // on track (binding ceiling)
};

const node = (
  kind: PlanNodeSpec['kind'],
  title: string,
  children: PlanNodeSpec[] = [],
  number: string | null = null,
): PlanNodeSpec => ({ kind, number, title, body: null, source: null, children });
const nodes: PlanNodeSpec[] = [
  node(
    'part',
    '开放',
    [node('chapter', '合作', [node('task', '任务一'), node('task', '任务二')], '第一章')],
    '第一篇',
  ),
  node('part', '创新', [node('chapter', '平台', [node('task', '任务三')], '第二章')], '第二篇'),
];

function input(kind: ReportKind, year: number, extra: Partial<ReportInput> = {}): ReportInput {
  const evaluation = evaluatePlan({
    indicators: specs,
    observations: new Map(Object.entries(values)),
    year,
    options: { periodStart: 2021, periodEnd: 2025 },
  });
  return {
    kind,
    lang: 'zh',
    plan: {
      key: 'p',
      title: '测试规划纲要',
      shortTitle: '测试规划',
      issuer: '测试委员会',
      periodStart: 2021,
      periodEnd: 2025,
    },
    evaluation,
    indicators: specs.map((s) => ({
      code: s.code,
      category: s.category,
      baselineRaw: s.baseline?.raw ?? null,
    })),
    observations: new Map(Object.entries(values)),
    nodes,
    taskProgress: [
      { key: '0.0.0', status: 'completed', percent: 100, highlight: '提前完成' },
      { key: '0.0.1', status: 'delayed', percent: 20, highlight: null },
    ],
    projects: [
      {
        code: 'P1',
        name: '项目一',
        category: '交通',
        spatialUnitCode: 'Z',
        totalInvestment: 100,
        investmentUnit: '亿元',
        startYear: 2021,
        endYear: 2025,
      },
    ],
    projectProgress: [
      { code: 'P1', year: 2022, investedToDate: 20, stage: '在建' },
      { code: 'P1', year: 2023, investedToDate: 30, stage: '在建' },
    ],
    areas: new Map([['Z', '某区域']]),
    snapshot: { id: 'snap-1', engineVersion: '1.2.3', createdAt: '2024-03-01T08:00:00.000Z' },
    ...extra,
  };
}

const headings = (blocks: Block[], level: 1 | 2) =>
  blocks
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level === level)
    .map((b) => b.text);
const table = (blocks: Block[], id: string) =>
  blocks.find((b): b is TableBlock => b.type === 'table' && b.id === id);

describe('buildReportModel', () => {
  it('follows the customary structure and puts binding indicators first', () => {
    const m = buildReportModel(input('midterm', 2023));
    expect(headings(m.blocks, 1)).toEqual([
      '一、总体评价',
      '二、主要指标完成情况',
      '三、重点任务推进情况',
      '四、重大项目进展',
      '五、存在的主要问题',
      '六、下一步工作建议',
      '附录\u3000评估方法与数据说明',
    ]);
    const t = table(m.blocks, 'indicators');
    expect(t?.rowKeys).toEqual(['C', 'A', 'B', 'D']);
    expect(t?.rows.map((r) => r[8]?.text)).toEqual(['基本符合预期', '提前实现', '滞后', '数据暂缺']);
    expect(t?.rows.map((r) => r[8]?.tone)).toEqual(['blue', 'green', 'red', 'grey']);
    expect(m.footer).toBe('评估快照 snap-1 · 评估引擎 1.2.3');
    expect(m.cover.reportTitle).toBe('测试规划实施情况中期评估报告');
    expect(m.cover.date).toBe('2024年3月1日');
  });

  it('draws one trend chart per indicator that needs attention, and states problems and the change still needed', () => {
    const m = buildReportModel(input('midterm', 2023));
    const charts = m.blocks.filter((b) => b.type === 'chart').map((b) => b.id);
    expect(charts).toEqual(['verdicts', 'trend-B', 'projects']);
    const text = JSON.stringify(m.blocks);
    expect(text).toContain(
      '乙指标：2023年为13%，按时间进度应达到16%，实际进度30%，时间进度60%，判断为“滞后”。',
    );
    expect(text).toContain('乙指标：剩余2年需年均提高3.5个百分点');
    expect(text).toContain('任务二：滞后，完成进度20%。');
    expect(text).toContain('丁指标');
  });

  it('rolls tasks up by part and chapter, and projects by category and area', () => {
    const m = buildReportModel(input('annual', 2023));
    const tasks = table(m.blocks, 'tasks');
    expect(tasks?.rows.map((r) => r[0]?.text)).toEqual([
      '第一篇 开放',
      '\u3000第一章 合作',
      '第二篇 创新',
      '\u3000第二章 平台',
      '合计',
    ]);
    expect(tasks?.rows[0]?.slice(1, 9).map((c) => c.value)).toEqual([2, 1, 0, 1, 0, 0, 0, 0.6]);
    expect(tasks?.rows[4]?.[1]?.value).toBe(3);
    expect(table(m.blocks, 'projects-by-area')?.rows[0]?.map((c) => c.text)).toEqual([
      '某区域',
      '1',
      '100',
      '30',
      '30%',
    ]);
    expect(JSON.stringify(m.blocks)).toContain('任务一：提前完成');
  });

  it('says so when there are no tasks, projects or problems, and uses the final labels at the end', () => {
    const m = buildReportModel(
      input('final', 2025, {
        nodes: [],
        taskProgress: [],
        projects: [],
        projectProgress: [],
        observations: new Map(),
        evaluation: evaluatePlan({
          indicators: specs.slice(0, 1),
          observations: new Map([['A', series(2021, [130, 160, 210, 220, 230])]]),
          year: 2025,
          options: { periodStart: 2021, periodEnd: 2025 },
        }),
      }),
    );
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('本规划未载入重点任务结构');
    expect(text).toContain('本规划未载入重大项目');
    expect(text).toContain('本期未发现明显滞后的指标、任务和项目。');
    expect(table(m.blocks, 'indicators')?.rows[0]?.[8]?.text).toBe('已完成');
    expect(m.cover.reportTitle).toBe('测试规划实施情况总结评估报告');
  });

  it('writes English with --lang en', () => {
    const m = buildReportModel(input('annual', 2023, { lang: 'en' }));
    expect(headings(m.blocks, 1)[0]).toBe('1. Overall assessment');
    expect(table(m.blocks, 'indicators')?.rows[2]?.[8]?.text).toBe('lagging');
    expect(m.footer).toBe('Evaluation snapshot snap-1 · engine 1.2.3');
  });

  it('shows the two-part judgement, and the growth rates with the 两年平均', () => {
    const gdp = makeSpec({
      code: 'G',
      name: '地区生产总值增速',
      kind: 'cagr',
      baseline: 6.5,
      target: '6.5',
      unit: '%',
    });
    const growth = [obs(2020, 3.4), obs(2021, 8.1), obs(2022, 3.0), obs(2023, 5.2)];
    const m = buildReportModel(
      input('midterm', 2023, {
        evaluation: evaluatePlan({
          indicators: [...specs, gdp],
          observations: new Map([...Object.entries(values), ['G', growth]]),
          year: 2023,
          options: { periodStart: 2021, periodEnd: 2025 },
        }),
      }),
    );
    expect(headings(m.blocks, 2)).toContain('（三）两段式判断与增速');
    const j = table(m.blocks, 'judgement');
    const row = (code: string) => j?.rows[j.rowKeys!.indexOf(code)]?.map((c) => c.text);
    expect(row('A')?.slice(1)).toEqual(['已实现', '趋势可达目标', '一致']);
    expect(row('B')?.[1]).toBe('滞后于进度');
    expect(j?.rowKeys).not.toContain('D'); // no data: nothing to judge
    const g = table(m.blocks, 'growth');
    expect(g?.rowKeys).toEqual(['G']);
    expect(g?.rows[0]?.map((c) => c.text)).toEqual([
      '地区生产总值增速（%）',
      '2020年 3.4%；2021年 8.1%；2022年 3%；2023年 5.2%',
      '5.2%',
      '2021年 5.72%；2022年 5.52%；2023年 4.09%',
    ]);
  });
});
