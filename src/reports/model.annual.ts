/** The report's 年度计划执行情况: each indicator's 全年预期目标 for the report year against its 全年完成情况. */
import type { Tone } from './types.ts';
import { h2, nameWithUnit, numCell, para, caption, str, type Ctx } from './model.context.ts';
import { pct } from './format.ts';

const TONES: Record<string, Tone> = {
  achieved: 'green',
  nearly: 'blue',
  missed: 'red',
  no_data: 'grey',
  no_target: 'grey',
};

/** Adds the subsection when the year has annual targets; returns whether it did. */
export function annualPlanPart(ctx: Ctx, n: number): boolean {
  const { input, s, lang } = ctx;
  const rows = (input.annualPlan ?? []).filter((r) => r.annualTarget !== null);
  if (rows.length === 0) return false;
  const byCode = new Map(input.evaluation.indicators.map((i) => [i.code, i]));
  const listed = rows.filter((r) => byCode.has(r.code));
  if (listed.length === 0) return false;
  h2(ctx, n, s.annualPlanTitle);
  para(ctx, s.annualPlanIntro(listed.length, ctx.year));
  const cols = s.annualPlanColumns;
  ctx.blocks.push({
    type: 'table',
    id: 'annual-plan',
    caption: caption(ctx, 'table', s.annualPlanCaption(ctx.year)),
    columns: [
      { title: cols[0], width: 30 },
      { title: cols[1], width: 8, align: 'center' },
      { title: cols[2], width: 12, align: 'right' },
      { title: cols[3], width: 12, align: 'right' },
      { title: cols[4], width: 10, align: 'right' },
      { title: cols[5], width: 12, align: 'center' },
    ],
    rows: listed.map((r) => {
      const i = byCode.get(r.code)!;
      return [
        str(nameWithUnit(i, lang)),
        str(i.attribute === 'binding' ? s.binding : s.expected),
        numCell(r.annualTarget),
        r.actual === null ? str('—') : numCell(r.actual),
        r.completionRate === null ? str('—') : { text: pct(r.completionRate, 1), value: r.completionRate },
        { text: s.annualVerdicts[r.verdict], tone: TONES[r.verdict] ?? 'grey', bold: true },
      ];
    }),
    rowKeys: listed.map((r) => r.code),
  });
  return true;
}
