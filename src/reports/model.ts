/**
 * From an evaluation snapshot (plus plan tree, progress reports and project figures) to the format-neutral
 * report model. Pure: no I/O; every number in the model is read from the input.
 */
import { DEFAULT_DELTA } from '../domain/evaluation/evaluate.ts';
import { rollUp, taskStatusLabel, taskTreeFromPlan } from '../domain/evaluation/tasks.ts';
import type { RolledUpNode, TaskReport, TaskStatus } from '../domain/evaluation/tasks.ts';
import type { IndicatorEvaluation, Verdict } from '../domain/evaluation/types.ts';
import { VERDICTS } from '../domain/evaluation/types.ts';
import { verdictLabel, verdictTone } from '../domain/evaluation/verdict.ts';
import { longDate, num, pct, withUnit } from './format.ts';
import { strings } from './i18n.ts';
import type { Strings } from './i18n.ts';
import type {
  Block,
  Cell,
  ChartBlock,
  ReportInput,
  ReportModel,
  ReportProject,
  TableBlock,
  TaskProgress,
} from './types.ts';

/** Verdicts the report lists under problems and suggestions (behind schedule or missed). */
export function needsAttention(v: Verdict): boolean {
  switch (v) {
    case 'lagging':
    case 'not_achieved':
    case 'deterioration':
    case 'acceleration_needed':
    case 'limited_progress':
      return true;
    case 'achieved':
    case 'ahead':
    case 'on_track':
    case 'no_data':
    case 'not_assessable':
      return false;
  }
}

function verdictMeaning(v: Verdict, lang: 'zh' | 'en'): string {
  const m: Record<Verdict, [string, string]> = {
    achieved: ['已达到目标（期中为提前实现，期末为已完成）', 'the target is met (early during the period)'],
    ahead: ['实际进度快于时间进度', 'progress ahead of time elapsed'],
    on_track: [
      '实际进度与时间进度基本一致，或目标条件当年满足',
      'progress in line with time, or the condition holds',
    ],
    acceleration_needed: ['有进展，但增速低于所需增速', 'progress made, but slower than required'],
    limited_progress: ['进展明显不足', 'little progress'],
    lagging: ['实际进度落后于时间进度，或目标条件当年未满足', 'progress behind time, or the condition fails'],
    deterioration: ['指标向目标的反方向变化', 'moving away from the target'],
    not_achieved: ['期末未达到目标', 'the target was missed at the end of the period'],
    no_data: ['评估年份及以前没有数据', 'no value up to the year'],
    not_assessable: [
      '缺少基期、目标或目标无法量化',
      'no baseline, no target year, or a target that cannot be measured',
    ],
  };
  return m[v][lang === 'zh' ? 0 : 1];
}

const str = (s: string): Cell => ({ text: s });
const numCell = (v: number | null, text?: string): Cell => ({ text: text ?? num(v), value: v });

interface Ctx {
  input: ReportInput;
  s: Strings;
  lang: 'zh' | 'en';
  final: boolean;
  year: number;
  blocks: Block[];
  tableNo: number;
  chartNo: number;
}

function label(ctx: Ctx, v: Verdict): string {
  return verdictLabel(v, ctx.final)[ctx.lang];
}

function h1(ctx: Ctx, n: number, title: string): void {
  ctx.blocks.push({ type: 'heading', level: 1, text: ctx.s.h1(n, title) });
}

function h2(ctx: Ctx, n: number, title: string): void {
  ctx.blocks.push({ type: 'heading', level: 2, text: ctx.s.h2(n, title) });
}

function para(ctx: Ctx, text: string, style: 'body' | 'note' = 'body'): void {
  if (text !== '') ctx.blocks.push({ type: 'paragraph', text, style });
}

function caption(ctx: Ctx, kind: 'table' | 'chart', text: string): string {
  if (kind === 'table') ctx.tableNo += 1;
  else ctx.chartNo += 1;
  const n = kind === 'table' ? ctx.tableNo : ctx.chartNo;
  if (ctx.lang === 'zh') return `${kind === 'table' ? '表' : '图'}${n}\u3000${text}`;
  return `${kind === 'table' ? 'Table' : 'Figure'} ${n}. ${text}`;
}

function nameWithUnit(i: IndicatorEvaluation, lang: 'zh' | 'en'): string {
  if (i.unit === null || i.unit === '') return i.name;
  return lang === 'zh' ? `${i.name}（${i.unit}）` : `${i.name} (${i.unit})`;
}

function currentText(i: IndicatorEvaluation, year: number): string {
  const v = i.actual !== null ? num(i.actual) : (i.actualText ?? '—');
  return i.dataYear !== null && i.dataYear !== year && v !== '—' ? `${v}（${i.dataYear}）` : v;
}

// ---------------------------------------------------------------- sections

function overall(ctx: Ctx, n: number, tasks: TaskFacts, projects: ProjectFacts): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  h1(ctx, n, s.sections.overall);
  const dataYear = maxDataYear(ev.indicators);
  para(
    ctx,
    s.intro(input.kind, {
      title: input.plan.title,
      year: ctx.year,
      nth: ctx.year - input.plan.periodStart + 1,
      dataYear,
      indicators: ev.indicators.length,
      tasks: tasks.total,
      projects: input.projects.length,
      method: s.methodName(ev.method),
    }),
  );
  const summary = [ev.summary.sentence[lang], ev.summary.bindingSentence?.[lang] ?? '']
    .filter((x) => x !== '')
    .join(lang === 'zh' ? '' : ' ');
  para(ctx, summary);
  if (!ctx.final)
    para(ctx, s.elapsed(Math.min(ctx.year, input.plan.periodEnd), pct(elapsedShare(input, ctx.year))));
  if (input.kind === 'midterm') {
    const withProjection = ev.indicators.filter((i) => i.projection !== null && i.verdict !== 'achieved');
    const meets = withProjection.filter(
      (i) => i.projection?.linearMeets === true || i.projection?.cagrMeets === true,
    ).length;
    const risk = withProjection.filter(
      (i) => i.projection?.linearMeets === false && i.projection.cagrMeets !== true,
    ).length;
    if (withProjection.length > 0)
      para(ctx, s.projection(input.plan.periodEnd, meets + ev.summary.counts.achieved, risk));
  }
  if (tasks.root !== null && tasks.reported > 0) {
    const c = tasks.root.counts;
    para(
      ctx,
      s.taskOverall({
        total: tasks.total,
        reported: tasks.reported,
        percent: pctNum(tasks.root.percent),
        completed: c.completed,
        inProgress: c.in_progress,
        delayed: c.delayed,
        blocked: c.blocked,
        notStarted: c.not_started,
      }),
    );
  }
  if (projects.reported.length > 0 && projects.totalPlanned > 0) {
    para(
      ctx,
      s.projectOverall({
        n: projects.reported.length,
        invested: withUnit(projects.totalInvested, projects.unit, lang),
        total: withUnit(projects.totalPlanned, projects.unit, lang),
        share: pct(projects.totalInvested / projects.totalPlanned),
        year: ctx.year,
      }),
    );
  }

  // Verdict counts: the verdicts this method and year can give, plus any others that occur.
  const shown = VERDICTS.filter((v) => ev.summary.counts[v] > 0 || possible(v, ev.method, ctx.final));
  const total = ev.summary.total;
  const rows: Cell[][] = shown.map((v) => [
    { text: label(ctx, v), tone: verdictTone(v) },
    numCell(ev.summary.counts[v]),
    numCell(ev.summary.binding.counts[v]),
    {
      text: total > 0 ? pct(ev.summary.counts[v] / total) : '—',
      value: total > 0 ? ev.summary.counts[v] / total : null,
    },
  ]);
  rows.push([
    { text: s.total, bold: true },
    numCell(total),
    numCell(ev.summary.binding.total),
    { text: total > 0 ? '100%' : '—', value: total > 0 ? 1 : null },
  ]);
  ctx.blocks.push({
    type: 'table',
    id: 'verdicts',
    caption: caption(ctx, 'table', s.verdictTableCaption),
    columns: [
      { title: s.verdictColumns[0], width: 30 },
      { title: s.verdictColumns[1], width: 20, align: 'right' },
      { title: s.verdictColumns[2], width: 25, align: 'right' },
      { title: s.verdictColumns[3], width: 25, align: 'right' },
    ],
    rows,
  });
  ctx.blocks.push({
    type: 'chart',
    id: 'verdicts',
    caption: caption(ctx, 'chart', s.verdictChart),
    spec: {
      kind: 'verdicts',
      title: '',
      items: shown
        .filter((v) => ev.summary.counts[v] > 0)
        .map((v) => ({ label: label(ctx, v), count: ev.summary.counts[v], tone: verdictTone(v) })),
    },
    width: 760,
    height: 340,
  });
}

/** Verdicts that always get a row in the summary table for this method and year. */
function possible(v: Verdict, method: 'time' | 'trend', final: boolean): boolean {
  if (final) return v === 'achieved' || v === 'not_achieved' || v === 'no_data';
  switch (method) {
    case 'time':
      return v === 'achieved' || v === 'ahead' || v === 'on_track' || v === 'lagging' || v === 'no_data';
    case 'trend':
      return (
        v === 'achieved' ||
        v === 'on_track' ||
        v === 'acceleration_needed' ||
        v === 'limited_progress' ||
        v === 'deterioration' ||
        v === 'no_data'
      );
  }
}

function indicators(ctx: Ctx, n: number): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  const meta = new Map(input.indicators.map((m) => [m.code, m]));
  h1(ctx, n, s.sections.indicators);
  para(ctx, s.indicatorsIntro(ev.indicators.length, ev.summary.binding.total, ev.method));
  const cols = [...s.indicatorColumns];
  if (ev.method === 'trend') {
    cols[6] = s.indicatorColumnsTrend[0];
    cols[7] = s.indicatorColumnsTrend[1];
  }
  const table: TableBlock = {
    type: 'table',
    id: 'indicators',
    caption: caption(ctx, 'table', s.indicatorTableCaption(ctx.year)),
    columns: [
      { title: cols[0] ?? '', width: 11 },
      { title: cols[1] ?? '', width: 25 },
      { title: cols[2] ?? '', width: 7.5, align: 'center' },
      { title: cols[3] ?? '', width: 9, align: 'right' },
      { title: cols[4] ?? '', width: 9.5, align: 'right' },
      { title: cols[5] ?? '', width: 10, align: 'right' },
      { title: cols[6] ?? '', width: 7, align: 'right' },
      { title: cols[7] ?? '', width: 7, align: 'right' },
      { title: cols[8] ?? '', width: 14, align: 'center' },
    ],
    rows: ev.indicators.map((i) => {
      const m = meta.get(i.code);
      const baseline = i.baseline !== null ? num(i.baseline) : (m?.baselineRaw ?? '—');
      return [
        str(m?.category ?? '—'),
        str(nameWithUnit(i, lang)),
        str(i.attribute === 'binding' ? s.binding : s.expected),
        i.baseline !== null ? numCell(i.baseline, baseline) : str(baseline),
        i.target !== null && i.targetRaw === num(i.target) ? numCell(i.target) : str(i.targetRaw ?? '—'),
        i.actual !== null ? numCell(i.actual, currentText(i, ctx.year)) : str(currentText(i, ctx.year)),
        { text: pct(i.elapsed), value: i.elapsed },
        ev.method === 'trend'
          ? { text: num(i.ratio), value: i.ratio }
          : { text: pct(i.progress), value: i.progress },
        { text: label(ctx, i.verdict), tone: verdictTone(i.verdict), bold: true },
      ];
    }),
    rowKeys: ev.indicators.map((i) => i.code),
  };
  ctx.blocks.push(table);

  // Explanations by category, in plan order within each category.
  let sub = 0;
  h2(ctx, ++sub, s.explanations);
  const categories: string[] = [];
  for (const i of ev.indicators) {
    const c = meta.get(i.code)?.category ?? s.uncategorised;
    if (!categories.includes(c)) categories.push(c);
  }
  const ordered = [...ev.indicators].sort(
    (a, b) => (planOrder(input, a.code) ?? 0) - (planOrder(input, b.code) ?? 0),
  );
  for (const c of categories) {
    const items = ordered.filter((i) => (meta.get(i.code)?.category ?? s.uncategorised) === c);
    ctx.blocks.push({ type: 'paragraph', text: c, style: 'body' });
    ctx.blocks.push({
      type: 'bullets',
      items: items.map((i) => `${i.name}${lang === 'zh' ? '：' : ': '}${i.explanation[lang]}`),
    });
  }

  h2(ctx, sub + 1, s.laggingTrends);
  const concern = ev.indicators.filter((i) => needsAttention(i.verdict));
  if (concern.length === 0) para(ctx, s.noLagging);
  for (const i of concern) {
    const chart = trendChart(ctx, i);
    if (chart !== null) ctx.blocks.push(chart);
  }
}

function planOrder(input: ReportInput, code: string): number | null {
  const k = input.indicators.findIndex((m) => m.code === code);
  return k < 0 ? null : k;
}

function trendChart(ctx: Ctx, i: IndicatorEvaluation): ChartBlock | null {
  const { input, s } = ctx;
  const obs = (input.observations.get(i.code) ?? []).filter(
    (o) => o.kind === 'actual' && o.value !== null && o.year <= ctx.year,
  );
  if (obs.length === 0) return null;
  const start = i.baselineYear ?? input.plan.periodStart - 1;
  const end = i.targetYear ?? input.plan.periodEnd;
  const years: number[] = [];
  for (let y = Math.min(start, ...obs.map((o) => o.year)); y <= end; y++) years.push(y);
  const byYear = new Map<number, number>();
  for (const o of obs) if (o.value !== null) byYear.set(o.year, o.value);
  const actual = years.map((y) =>
    y === start && i.baseline !== null && !byYear.has(y) ? i.baseline : (byYear.get(y) ?? null),
  );
  // The target path: linear from baseline to target for level-type kinds; the target as a line otherwise.
  const path = years.map((y) => {
    if (i.target === null) return null;
    if (i.baseline === null || i.kind === 'cagr' || !hasPath(i.kind)) return i.target;
    if (y < start) return null;
    return (
      Math.round((i.baseline + ((y - start) / Math.max(1, end - start)) * (i.target - i.baseline)) * 1e4) /
      1e4
    );
  });
  return {
    type: 'chart',
    id: `trend-${i.code}`,
    caption: caption(ctx, 'chart', s.trendCaption(i.name, i.unit)),
    spec: {
      kind: 'trend',
      title: '',
      unit: i.unit,
      years,
      actual,
      path,
      target: i.target,
      labels: s.trendLabels,
    },
    width: 760,
    height: 300,
  };
}

function hasPath(kind: IndicatorEvaluation['kind']): boolean {
  switch (kind) {
    case 'level':
    case 'share':
    case 'cumulative':
    case 'reduction':
    case 'floor':
      return true;
    case 'cagr':
    case 'ceiling':
    case 'maintain':
    case 'about':
    case 'range':
    case 'assigned':
    case 'relational':
      return false;
  }
}

// ---------------------------------------------------------------- tasks

interface TaskFacts {
  roots: RolledUpNode[];
  /** A synthetic root over all parts. */
  root: RolledUpNode | null;
  total: number;
  reported: number;
  byKey: Map<string, TaskProgress>;
  /** Node key → "第二篇 打造全方位开放高地" (number as printed, then title). */
  titleOf: Map<string, string>;
}

function numberedTitles(
  nodes: ReportInput['nodes'],
  prefix: number[] = [],
  out = new Map<string, string>(),
): Map<string, string> {
  nodes.forEach((n, i) => {
    const path = [...prefix, i];
    out.set(path.join('.'), n.number !== null && n.number !== '' ? `${n.number} ${n.title}` : n.title);
    numberedTitles(n.children, path, out);
  });
  return out;
}

function taskFacts(input: ReportInput): TaskFacts {
  const byKey = new Map(input.taskProgress.map((t) => [t.key, t]));
  const reports = new Map<string, TaskReport>(
    input.taskProgress.map((t) => [t.key, { status: t.status, percent: t.percent }]),
  );
  const tree = taskTreeFromPlan(input.nodes, reports);
  const roots = rollUp(tree);
  const titleOf = numberedTitles(input.nodes);
  if (roots.length === 0) return { roots, root: null, total: 0, reported: 0, byKey, titleOf };
  const [root] = rollUp([{ key: '', kind: 'part', title: '', children: tree }]);
  const reported = root === undefined ? 0 : Object.values(root.counts).reduce((a, b) => a + b, 0);
  return {
    roots,
    root: root ?? null,
    total: root === undefined ? 0 : reported + root.unreported,
    reported,
    byKey,
    titleOf,
  };
}

function pctNum(p: number | null): string {
  return p === null ? '—' : `${num(p, 1)}%`;
}

function taskRow(nd: RolledUpNode, bold: boolean, indent: string, title: string = nd.title): Cell[] {
  const c = nd.counts;
  const reported = c.completed + c.in_progress + c.delayed + c.blocked + c.not_started;
  return [
    { text: `${indent}${title}`, bold },
    numCell(reported + nd.unreported),
    numCell(c.completed),
    numCell(c.in_progress),
    { text: num(c.delayed), value: c.delayed, tone: c.delayed > 0 ? 'red' : undefined },
    { text: num(c.blocked), value: c.blocked, tone: c.blocked > 0 ? 'red' : undefined },
    numCell(c.not_started),
    numCell(nd.unreported),
    { text: pctNum(nd.percent), value: nd.percent === null ? null : nd.percent / 100 },
  ];
}

function leaves(nd: RolledUpNode): RolledUpNode[] {
  return nd.children.length === 0 ? [nd] : nd.children.flatMap(leaves);
}

function statusText(ctx: Ctx, st: TaskStatus): string {
  return taskStatusLabel(st)[ctx.lang];
}

function tasksSection(ctx: Ctx, n: number, f: TaskFacts): void {
  const { s } = ctx;
  h1(ctx, n, s.sections.tasks);
  if (f.root === null) {
    para(ctx, s.noTasks);
    return;
  }
  if (f.reported === 0) {
    para(ctx, s.noTaskReports(f.total));
    return;
  }
  const c = f.root.counts;
  para(
    ctx,
    s.taskOverall({
      total: f.total,
      reported: f.reported,
      percent: pctNum(f.root.percent),
      completed: c.completed,
      inProgress: c.in_progress,
      delayed: c.delayed,
      blocked: c.blocked,
      notStarted: c.not_started,
    }),
  );
  const rows: Cell[][] = [];
  for (const part of f.roots) {
    rows.push(taskRow(part, true, '', f.titleOf.get(part.key)));
    for (const ch of part.children)
      if (ch.kind !== 'task') rows.push(taskRow(ch, false, '　', f.titleOf.get(ch.key)));
  }
  rows.push(taskRow({ ...f.root, title: s.total }, true, ''));
  ctx.blocks.push({
    type: 'table',
    id: 'tasks',
    caption: caption(ctx, 'table', s.taskTableCaption),
    columns: [
      { title: s.taskColumns[0], width: 36 },
      ...s.taskColumns.slice(1).map((t) => ({ title: t, width: 8, align: 'right' as const })),
    ],
    rows,
  });
  let sub = 0;
  for (const part of f.roots) {
    const ls = leaves(part);
    const reported = ls.filter((l) => l.status !== null);
    if (reported.length === 0) continue;
    h2(ctx, ++sub, f.titleOf.get(part.key) ?? part.title);
    const pc = part.counts;
    para(
      ctx,
      s.partSummary({
        n: ls.length,
        percent: pctNum(part.percent),
        completed: pc.completed,
        delayed: pc.delayed,
        blocked: pc.blocked,
        unreported: part.unreported,
      }),
    );
    const highlights = reported
      .map((l) => ({ l, p: f.byKey.get(l.key) }))
      .filter((x) => x.p?.highlight != null && x.p.highlight !== '');
    if (highlights.length > 0) {
      para(ctx, s.highlights);
      ctx.blocks.push({
        type: 'bullets',
        items: highlights.map((x) => `${x.l.title}${ctx.lang === 'zh' ? '：' : ': '}${x.p?.highlight ?? ''}`),
      });
    }
    const behind = reported.filter((l) => l.status === 'delayed' || l.status === 'blocked');
    if (behind.length > 0)
      para(
        ctx,
        s.delayedTasks(
          behind
            .map((l) => `${l.title}（${statusText(ctx, l.status ?? 'delayed')}）`)
            .join(ctx.lang === 'zh' ? '、' : ', '),
        ),
      );
  }
}

// ---------------------------------------------------------------- projects

interface ProjectRow {
  project: ReportProject;
  invested: number;
  stage: string | null;
  share: number | null;
  elapsed: number | null;
}

interface ProjectFacts {
  unit: string;
  reported: ProjectRow[];
  totalPlanned: number;
  totalInvested: number;
}

function projectFacts(input: ReportInput, year: number): ProjectFacts {
  const units = input.projects.map((p) => p.investmentUnit).filter((u): u is string => u !== null);
  const unit = units[0] ?? (input.lang === 'zh' ? '亿元' : '100 million yuan');
  const latest = new Map<string, { year: number; investedToDate: number; stage: string | null }>();
  for (const p of input.projectProgress) {
    if (p.year > year) continue;
    const prev = latest.get(p.code);
    if (prev === undefined || p.year >= prev.year) latest.set(p.code, p);
  }
  const reported: ProjectRow[] = [];
  for (const project of input.projects) {
    const p = latest.get(project.code);
    if (p === undefined) continue;
    const total =
      project.investmentUnit === null || project.investmentUnit === unit ? project.totalInvestment : null;
    const share = total !== null && total > 0 ? p.investedToDate / total : null;
    const start = project.startYear ?? input.plan.periodStart;
    const end = project.endYear ?? input.plan.periodEnd;
    const elapsed = end >= start ? Math.min(1, Math.max(0, (year - start + 1) / (end - start + 1))) : null;
    reported.push({ project, invested: p.investedToDate, stage: p.stage, share, elapsed });
  }
  const withTotal = reported.filter((r) => r.share !== null);
  return {
    unit,
    reported,
    totalPlanned: withTotal.reduce((a, r) => a + (r.project.totalInvestment ?? 0), 0),
    totalInvested: withTotal.reduce((a, r) => a + r.invested, 0),
  };
}

function groupRows(rows: ProjectRow[], keyOf: (r: ProjectRow) => string): Cell[][] {
  const groups = new Map<string, ProjectRow[]>();
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return [...groups].map(([k, rs]) => {
    const withTotal = rs.filter((r) => r.share !== null);
    const planned = withTotal.reduce((a, r) => a + (r.project.totalInvestment ?? 0), 0);
    const invested = withTotal.reduce((a, r) => a + r.invested, 0);
    const share = planned > 0 ? invested / planned : null;
    return [
      str(k),
      numCell(rs.length),
      numCell(withTotal.length > 0 ? planned : null),
      numCell(withTotal.length > 0 ? invested : null),
      { text: pct(share), value: share },
    ];
  });
}

function projectsSection(ctx: Ctx, n: number, f: ProjectFacts): void {
  const { input, s, lang } = ctx;
  h1(ctx, n, s.sections.projects);
  if (input.projects.length === 0) {
    para(ctx, s.noProjects);
    return;
  }
  if (f.reported.length === 0) {
    para(ctx, s.noProjectReports(input.projects.length));
    return;
  }
  if (f.totalPlanned > 0) {
    para(
      ctx,
      s.projectOverall({
        n: f.reported.length,
        invested: withUnit(f.totalInvested, f.unit, lang),
        total: withUnit(f.totalPlanned, f.unit, lang),
        share: pct(f.totalInvested / f.totalPlanned),
        year: ctx.year,
      }),
    );
  }
  const other = lang === 'zh' ? '其他' : 'Other';
  const groupCols = s.projectGroupColumns(f.unit).map((t, k) => ({
    title: t,
    width: k === 0 ? 32 : 17,
    align: k === 0 ? ('left' as const) : ('right' as const),
  }));
  let sub = 0;
  h2(ctx, ++sub, s.byCategory);
  const byCategory = groupRows(f.reported, (r) => r.project.category ?? other);
  ctx.blocks.push({
    type: 'table',
    id: 'projects-by-category',
    caption: caption(ctx, 'table', s.projectCaptions.byCategory),
    columns: groupCols,
    rows: byCategory,
  });
  ctx.blocks.push({
    type: 'chart',
    id: 'projects',
    caption: caption(ctx, 'chart', s.completionChart),
    spec: {
      kind: 'bars',
      title: '',
      unit: '%',
      categories: byCategory.map((r) => r[0]?.text ?? ''),
      series: [
        {
          name: s.completionSeries,
          values: byCategory.map((r) => (r[4]?.value == null ? null : Math.round(r[4].value * 1000) / 10)),
          tone: 'blue',
        },
      ],
    },
    width: 760,
    height: 320,
  });
  h2(ctx, ++sub, s.byArea);
  ctx.blocks.push({
    type: 'table',
    id: 'projects-by-area',
    caption: caption(ctx, 'table', s.projectCaptions.byArea),
    columns: groupCols,
    rows: groupRows(f.reported, (r) =>
      r.project.spatialUnitCode !== null
        ? (input.areas.get(r.project.spatialUnitCode) ?? r.project.spatialUnitCode)
        : s.otherArea,
    ),
  });
  h2(ctx, sub + 1, s.projectList);
  const pc = s.projectColumns(f.unit);
  ctx.blocks.push({
    type: 'table',
    id: 'projects',
    caption: caption(ctx, 'table', s.projectCaptions.list),
    columns: pc.map((t, k) => ({
      title: t,
      width: [26, 14, 14, 12, 12, 10, 12][k] ?? 10,
      align: k >= 3 && k <= 5 ? ('right' as const) : ('left' as const),
    })),
    rows: f.reported.map((r) => [
      str(r.project.name),
      str(r.project.category ?? '—'),
      str(
        r.project.spatialUnitCode !== null
          ? (input.areas.get(r.project.spatialUnitCode) ?? r.project.spatialUnitCode)
          : '—',
      ),
      numCell(r.project.totalInvestment),
      numCell(r.invested),
      {
        text: pct(r.share),
        value: r.share,
        tone: r.share !== null && r.elapsed !== null && r.share < r.elapsed - 0.1 ? 'red' : undefined,
      },
      str(r.stage ?? '—'),
    ]),
  });
}

// ---------------------------------------------------------------- problems and suggestions

function problems(ctx: Ctx, n: number, tasks: TaskFacts, projects: ProjectFacts): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  h1(ctx, n, s.sections.problems);
  let sub = 0;
  const concern = ev.indicators.filter((i) => needsAttention(i.verdict));
  if (concern.length > 0) {
    h2(ctx, ++sub, s.problemTitles.lagging);
    para(ctx, s.problemsLagging(concern.length));
    ctx.blocks.push({
      type: 'bullets',
      items: concern.map((i) =>
        s.problemIndicator({
          name: i.name,
          dataYear: i.dataYear ?? ctx.year,
          actual: i.actual !== null ? withUnit(i.actual, i.unit, lang) : (i.actualText ?? '—'),
          expected: i.expected !== null && !ctx.final ? withUnit(i.expected, i.unit, lang) : null,
          progress: i.progress !== null && !ctx.final ? pct(i.progress) : null,
          elapsed: i.elapsed !== null && !ctx.final ? pct(i.elapsed) : null,
          verdict: label(ctx, i.verdict),
        }),
      ),
    });
  }
  const behind = tasks.roots.flatMap(leaves).filter((l) => l.status === 'delayed' || l.status === 'blocked');
  if (behind.length > 0) {
    h2(ctx, ++sub, s.problemTitles.tasks);
    para(
      ctx,
      s.problemsTasks(
        behind.filter((l) => l.status === 'delayed').length,
        behind.filter((l) => l.status === 'blocked').length,
      ),
    );
    ctx.blocks.push({
      type: 'bullets',
      items: behind.map((l) =>
        s.problemTask(l.title, statusText(ctx, l.status ?? 'delayed'), pctNum(l.percent)),
      ),
    });
  }
  const slow = projects.reported.filter(
    (r) => r.share !== null && r.elapsed !== null && r.share < r.elapsed - 0.1,
  );
  if (slow.length > 0) {
    h2(ctx, ++sub, s.problemTitles.projects);
    para(ctx, s.problemsProjects(slow.length));
    ctx.blocks.push({
      type: 'bullets',
      items: slow.map((r) => s.problemProject(r.project.name, pct(r.share), pct(r.elapsed))),
    });
  }
  const missing = ev.indicators.filter((i) => i.verdict === 'no_data' || i.verdict === 'not_assessable');
  if (missing.length > 0) {
    h2(ctx, ++sub, s.problemTitles.data);
    para(ctx, s.problemsData(missing.length));
    ctx.blocks.push({
      type: 'bullets',
      items: missing.map((i) => `${i.name}${lang === 'zh' ? '：' : ': '}${i.explanation[lang]}`),
    });
  }
  if (sub === 0) para(ctx, s.problemsNone);
}

function suggestions(ctx: Ctx, n: number, tasks: TaskFacts, projects: ProjectFacts): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  h1(ctx, n, s.sections.suggestions);
  let sub = 0;
  const concern = ev.indicators.filter((i) => needsAttention(i.verdict));
  if (concern.length > 0) {
    h2(ctx, ++sub, s.suggestionTitles.indicators);
    if (ctx.final) {
      para(ctx, s.suggestionFinalIntro(concern.length));
      ctx.blocks.push({
        type: 'bullets',
        items: concern.map((i) =>
          s.suggestionFinal({
            name: i.name,
            actual: i.actual !== null ? withUnit(i.actual, i.unit, lang) : (i.actualText ?? '—'),
            target: i.targetRaw ?? '—',
          }),
        ),
      });
    } else {
      ctx.blocks.push({
        type: 'bullets',
        items: concern.map((i) => {
          const rr = i.requiredRate;
          const increase = i.direction !== 'decrease';
          return s.suggestionIndicator({
            name: i.name,
            years:
              rr?.years ?? Math.max(0, (i.targetYear ?? input.plan.periodEnd) - (i.dataYear ?? ctx.year)),
            absolute:
              rr?.absolute != null
                ? withUnit(
                    Math.abs(rr.absolute),
                    i.unit === '%' ? (lang === 'zh' ? '个百分点' : 'points') : i.unit,
                    lang,
                  )
                : null,
            relative: rr?.relative != null ? `${num(Math.abs(rr.relative))}%` : null,
            increase:
              rr?.absolute != null ? rr.absolute >= 0 : rr?.relative != null ? rr.relative >= 0 : increase,
            target: i.targetRaw ?? '—',
          });
        }),
      });
    }
  }
  const behind = tasks.roots
    .flatMap(leaves)
    .filter((l) => l.status === 'delayed' || l.status === 'blocked').length;
  const slow = projects.reported.filter(
    (r) => r.share !== null && r.elapsed !== null && r.share < r.elapsed - 0.1,
  ).length;
  if (behind > 0 || slow > 0) {
    h2(ctx, ++sub, s.suggestionTitles.tasks);
    if (behind > 0) para(ctx, s.suggestionTasks(behind));
    if (slow > 0) para(ctx, s.suggestionProjects(slow));
  }
  const missing = ev.indicators.filter(
    (i) => i.verdict === 'no_data' || i.verdict === 'not_assessable',
  ).length;
  if (missing > 0) {
    h2(ctx, ++sub, s.suggestionTitles.monitoring);
    para(ctx, s.suggestionData(missing));
  }
  if (sub === 0) para(ctx, s.suggestionNone);
}

function appendix(ctx: Ctx): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  ctx.blocks.push({ type: 'heading', level: 1, text: s.appendixHeading });
  let sub = 0;
  h2(ctx, ++sub, s.methodTitle);
  for (const p of s.methodText(ev.method, num(DEFAULT_DELTA))) para(ctx, p);
  h2(ctx, ++sub, s.verdictDefinitions);
  const used = VERDICTS.filter((v) => possible(v, ev.method, ctx.final) || ev.summary.counts[v] > 0);
  ctx.blocks.push({
    type: 'table',
    id: 'verdict-definitions',
    caption: caption(ctx, 'table', s.verdictDefinitions),
    columns: [
      { title: s.verdictDefinitionColumns[0], width: 25 },
      { title: s.verdictDefinitionColumns[1], width: 75 },
    ],
    rows: used.map((v) => [{ text: label(ctx, v), tone: verdictTone(v) }, str(verdictMeaning(v, lang))]),
  });
  const notes = ev.indicators.flatMap((i) => i.notes.map((nt) => [str(i.name), str(nt[lang])]));
  if (notes.length > 0) {
    h2(ctx, ++sub, s.notesTitle);
    ctx.blocks.push({
      type: 'table',
      id: 'notes',
      caption: caption(ctx, 'table', s.notesTitle),
      columns: [
        { title: s.notesColumns[0], width: 35 },
        { title: s.notesColumns[1], width: 65 },
      ],
      rows: notes,
    });
  }
  h2(ctx, sub + 1, s.sourceTitle);
  para(
    ctx,
    s.sourceText({
      id: input.snapshot.id,
      engine: input.snapshot.engineVersion,
      createdAt: input.snapshot.createdAt,
      year: ctx.year,
      method: s.methodName(ev.method),
    }),
  );
  if (input.dataNote != null && input.dataNote !== '') para(ctx, input.dataNote, 'note');
}

// ---------------------------------------------------------------- entry

function maxDataYear(list: readonly IndicatorEvaluation[]): number | null {
  return list.reduce<number | null>(
    (m, i) => (i.dataYear === null ? m : m === null ? i.dataYear : Math.max(m, i.dataYear)),
    null,
  );
}

function elapsedShare(input: ReportInput, year: number): number {
  const span = input.plan.periodEnd - input.plan.periodStart + 1;
  return Math.min(1, Math.max(0, (year - input.plan.periodStart + 1) / span));
}

export function buildReportModel(input: ReportInput): ReportModel {
  const s = strings(input.lang);
  const ev = input.evaluation;
  const ctx: Ctx = {
    input,
    s,
    lang: input.lang,
    final: ev.summary.final,
    year: ev.year,
    blocks: [],
    tableNo: 0,
    chartNo: 0,
  };
  const tasks = taskFacts(input);
  const projects = projectFacts(input, ev.year);
  const planName = input.plan.shortTitle ?? input.plan.title;
  const reportTitle = s.reportTitle(input.kind, planName, ev.year);

  ctx.blocks.push({ type: 'toc', title: s.toc });
  ctx.blocks.push({ type: 'pageBreak' });
  overall(ctx, 1, tasks, projects);
  indicators(ctx, 2);
  tasksSection(ctx, 3, tasks);
  projectsSection(ctx, 4, projects);
  problems(ctx, 5, tasks, projects);
  suggestions(ctx, 6, tasks, projects);
  appendix(ctx);

  const names = new Map(ev.indicators.map((i) => [i.code, i]));
  const rawValues: ReportModel['rawValues'] = [];
  for (const m of input.indicators) {
    const i = names.get(m.code);
    if (i === undefined) continue;
    const obs = [...(input.observations.get(m.code) ?? [])].sort(
      (a, b) => a.year - b.year || (a.revision ?? 0) - (b.revision ?? 0),
    );
    for (const o of obs)
      rawValues.push({
        code: i.code,
        name: i.name,
        unit: i.unit,
        year: o.year,
        value: o.value,
        text: o.text,
        kind: o.kind,
      });
  }
  const date = input.issuedOn ?? input.snapshot.createdAt.slice(0, 10);
  return {
    kind: input.kind,
    lang: input.lang,
    year: ev.year,
    plan: input.plan,
    snapshot: input.snapshot,
    cover: {
      planTitle: input.plan.title,
      reportTitle,
      period: s.period(
        input.kind,
        input.plan.periodStart,
        input.plan.periodEnd,
        ev.year,
        maxDataYear(ev.indicators),
      ),
      issuer: input.plan.issuer,
      date: longDate(date, input.lang),
      draftMark: s.draftMark,
      dataNote: input.dataNote ?? null,
    },
    header: `${planName} · ${s.kindName(input.kind)}`,
    footer: s.snapshotFooter(input.snapshot.id, input.snapshot.engineVersion),
    blocks: ctx.blocks,
    rawValues,
    labels: {
      rawSheet: s.rawSheet,
      rawColumns: s.rawColumns,
      page: s.page,
      of: s.of,
      chartFailed: s.chartFailed,
    },
  };
}
