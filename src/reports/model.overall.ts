/** The report's first section: scope, the summary sentence, time elapsed, and the verdict counts. */
import type { Verdict } from '../domain/evaluation/types.ts';
import { VERDICTS } from '../domain/evaluation/types.ts';
import { verdictTone } from '../domain/evaluation/verdict.ts';
import { pct } from './format.ts';
import { caption, elapsedShare, h1, label, maxDataYear, numCell, para, type Ctx } from './model.context.ts';
import { projectOverall, type ProjectFacts } from './model.projects.ts';
import { taskOverall, type TaskFacts } from './model.tasks.ts';
import type { Cell } from './types.ts';

export function overall(ctx: Ctx, n: number, tasks: TaskFacts, projects: ProjectFacts): void {
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
  if (tasks.reported > 0) taskOverall(ctx, tasks);
  projectOverall(ctx, projects);

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
export function possible(v: Verdict, method: 'time' | 'trend', final: boolean): boolean {
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
