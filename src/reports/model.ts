/**
 * From an evaluation snapshot (plus plan tree, progress reports and project figures) to the format-neutral
 * report model. Pure: no I/O; every number in the model is read from the input. Each section has its module.
 */
import { longDate } from './format.ts';
import { strings } from './i18n.ts';
import { appendix } from './model.appendix.ts';
import { assessmentSection } from './model.assessment.ts';
import { maxDataYear, type Ctx } from './model.context.ts';
import { indicators } from './model.indicators.ts';
import { overall } from './model.overall.ts';
import { problems, suggestions } from './model.problems.ts';
import { projectFacts, projectsSection } from './model.projects.ts';
import { taskFacts, tasksSection } from './model.tasks.ts';
import type { ReportInput, ReportModel } from './types.ts';

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
  assessmentSection(ctx, 7);
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
