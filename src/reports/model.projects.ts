/** The report's project section: investment against plan by category, by area, and project by project. */
import { pct, withUnit } from './format.ts';
import { caption, h1, h2, numCell, para, str, type Ctx } from './model.context.ts';
import type { Cell, ReportInput, ReportProject } from './types.ts';

export interface ProjectRow {
  project: ReportProject;
  invested: number;
  stage: string | null;
  share: number | null;
  elapsed: number | null;
}

export interface ProjectFacts {
  unit: string;
  reported: ProjectRow[];
  totalPlanned: number;
  totalInvested: number;
}

export function projectFacts(input: ReportInput, year: number): ProjectFacts {
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

/** Investment more than 10 points behind the project's elapsed time. */
export function isSlow(r: ProjectRow): boolean {
  return r.share !== null && r.elapsed !== null && r.share < r.elapsed - 0.1;
}

/** The sentence on all reported projects: invested so far against the planned total. */
export function projectOverall(ctx: Ctx, f: ProjectFacts): void {
  if (f.reported.length === 0 || f.totalPlanned <= 0) return;
  para(
    ctx,
    ctx.s.projectOverall({
      n: f.reported.length,
      invested: withUnit(f.totalInvested, f.unit, ctx.lang),
      total: withUnit(f.totalPlanned, f.unit, ctx.lang),
      share: pct(f.totalInvested / f.totalPlanned),
      year: ctx.year,
    }),
  );
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

export function projectsSection(ctx: Ctx, n: number, f: ProjectFacts): void {
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
  projectOverall(ctx, f);
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
        tone: isSlow(r) ? 'red' : undefined,
      },
      str(r.stage ?? '—'),
    ]),
  });
}
