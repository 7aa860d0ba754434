/** The report's 部门考核情况 (issue 16 §6): each department's points per criterion, adjustment and score. */
import { h1, numCell, para, caption, str, type Ctx } from './model.context.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Adds the section when the report was asked to include the assessment; returns whether it did. */
export function assessmentSection(ctx: Ctx, n: number): boolean {
  const { input, s, lang } = ctx;
  const a = input.assessment;
  if (!a || a.rows.length === 0) return false;
  h1(ctx, n, s.assessmentTitle);
  para(ctx, s.assessmentIntro(a.rows.length, ctx.year, a.asOf));
  const [rank, department, base, adjustment, score] = s.assessmentColumns;
  const criteria = a.rows[0]!.criteria;
  ctx.blocks.push({
    type: 'table',
    id: 'assessment',
    caption: caption(ctx, 'table', s.assessmentCaption(ctx.year)),
    columns: [
      { title: rank, width: 6, align: 'center' },
      { title: department, width: 22 },
      ...criteria.map((c) => ({
        title: `${c.title[lang]}（${c.weight}）`,
        width: 11,
        align: 'right' as const,
      })),
      { title: base, width: 9, align: 'right' },
      { title: adjustment, width: 9, align: 'right' },
      { title: score, width: 9, align: 'right' },
    ],
    rows: a.rows.map((r) => [
      numCell(r.rank, String(r.rank)),
      str(r.department),
      ...r.criteria.map((c) => numCell(c.points, String(c.points))),
      numCell(r.base, String(r.base)),
      numCell(r.adjustment, r.adjustment === 0 ? '0' : signed(r.adjustment)),
      { ...numCell(r.score, String(r.score)), bold: true },
    ]),
    rowKeys: a.rows.map((r) => r.department),
  });
  return true;
}
