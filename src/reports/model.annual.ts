/** The report's 年度计划执行情况: each indicator's 全年预期目标 for the report year against its 全年完成情况. */
import type { Tone } from './types.ts';
import {
  attributeCell,
  codedTable,
  columns,
  h2,
  nameWithUnit,
  numCell,
  para,
  str,
  type Ctx,
} from './model.context.ts';
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
  codedTable(
    ctx,
    {
      id: 'annual-plan',
      caption: s.annualPlanCaption(ctx.year),
      columns: columns(cols, [
        30,
        [8, 'center'],
        [12, 'right'],
        [12, 'right'],
        [10, 'right'],
        [12, 'center'],
      ]),
    },
    listed,
    (r) => {
      const i = byCode.get(r.code)!;
      return [
        str(nameWithUnit(i, lang)),
        attributeCell(ctx, i),
        numCell(r.annualTarget),
        r.actual === null ? str('—') : numCell(r.actual),
        r.completionRate === null ? str('—') : { text: pct(r.completionRate, 1), value: r.completionRate },
        { text: s.annualVerdicts[r.verdict], tone: TONES[r.verdict] ?? 'grey', bold: true },
      ];
    },
  );
  return true;
}
