import { toChineseNumeral } from '../domain/numerals.ts';
import type { ImportReport, PlanChapter, PlanPart, PlanSection, PlanTable } from './plan-document.ts';

type Numbered = Pick<PlanPart | PlanChapter | PlanSection, 'number' | 'ordinal'>;

/** "第三章 missing between 第二章 and 第四章" for every skipped ordinal; repeats and going back too. */
export function numberingGaps(nodes: Numbered[], unit: '篇' | '章' | '节', where = ''): string[] {
  const gaps: string[] = [];
  const numbered = nodes.filter(
    (n): n is Numbered & { ordinal: number; number: string } => n.ordinal !== null,
  );
  const first = numbered[0];
  if (first && first.ordinal > 1 && unit !== '章')
    gaps.push(`${where}${first.number} is the first ${unit}: ${spell(1, first.number, unit)} missing`);
  for (let i = 1; i < numbered.length; i++) {
    const a = numbered[i - 1];
    const b = numbered[i];
    if (!a || !b) continue;
    if (b.ordinal === a.ordinal + 1) continue;
    if (b.ordinal <= a.ordinal) {
      gaps.push(`${where}${b.number} follows ${a.number}`);
      continue;
    }
    const missing: string[] = [];
    for (let k = a.ordinal + 1; k < b.ordinal && missing.length < 5; k++)
      missing.push(spell(k, a.number, unit));
    gaps.push(`${where}${missing.join('、')} missing between ${a.number} and ${b.number}`);
  }
  return gaps;
}

/** The number k written the way its neighbour is written (第三章 or 第3章). */
function spell(k: number, like: string, unit: string): string {
  return /\d/.test(like) ? `第${k}${unit}` : `第${toChineseNumeral(k)}${unit}`;
}

export interface ReportInput {
  parts: PlanPart[];
  chapters: PlanChapter[];
  tables: PlanTable[];
  script: ImportReport['script'];
  contentsSkipped: ImportReport['contentsSkipped'];
  tablesNotUnderstood: ImportReport['tablesNotUnderstood'];
  targetsWithoutYear: ImportReport['targetsWithoutYear'];
  headingLike: ImportReport['headingLike'];
}

export function buildReport(input: ReportInput): ImportReport {
  const chapters = input.chapters;
  const sectionGaps = chapters.flatMap((c) => numberingGaps(c.sections, '节', `${c.number ?? c.title}: `));
  const tablesNotUnderstood = [...input.tablesNotUnderstood];
  for (const t of input.tables) {
    const other = t.columns.filter((c) => c.role === 'other').map((c) => c.header);
    if (other.length > 0)
      tablesNotUnderstood.push({
        table: t.number,
        caption: t.caption,
        problem: `columns not understood: ${other.join(', ')}`,
        source: t.source,
      });
  }
  return {
    script: input.script,
    contentsSkipped: input.contentsSkipped,
    headings: [
      { level: 'part', count: input.parts.length, gaps: numberingGaps(input.parts, '篇') },
      { level: 'chapter', count: chapters.length, gaps: numberingGaps(chapters, '章') },
      { level: 'section', count: chapters.reduce((n, c) => n + c.sections.length, 0), gaps: sectionGaps },
    ],
    tablesNotUnderstood,
    rowsWithoutTarget: input.tables
      .filter((t) => t.role !== 'previous-results')
      .flatMap((t) =>
        t.rows
          .filter((r) => r.target === null || r.target.comparator === 'none')
          .map((r) => ({ table: t.number, name: r.name, source: r.source })),
      ),
    targetsWithoutYear: input.targetsWithoutYear,
    headingLike: input.headingLike,
  };
}

/** The report as lines a person reads before saving (CLI, logs): 中文 first, English after. */
export function formatReport(r: ImportReport): string[] {
  const lines: string[] = [];
  const names = { part: '篇 parts', chapter: '章 chapters', section: '节 sections' } as const;
  lines.push(`识别结构 structure: ${r.headings.map((h) => `${h.count} ${names[h.level]}`).join(', ')}`);
  for (const h of r.headings) for (const g of h.gaps) lines.push(`  编号缺漏 numbering gap: ${g}`);
  if (r.script === 'traditional')
    lines.push('繁体字 traditional script: parsed through simplified characters, text kept');
  if (r.contentsSkipped)
    lines.push(
      `目录已跳过 contents skipped at ${r.contentsSkipped.source} (${r.contentsSkipped.entries} entries)`,
    );
  for (const t of r.tablesNotUnderstood)
    lines.push(
      `  表格未识别 table not understood: ${t.table === null ? '' : `表${t.table} `}${t.caption} — ${t.problem} (${t.source})`,
    );
  if (r.rowsWithoutTarget.length > 0)
    lines.push(
      `无目标值的指标 rows without a target: ${r.rowsWithoutTarget.map((x) => `表${x.table} ${x.name}`).join('; ')}`,
    );
  if (r.targetsWithoutYear.length > 0) {
    const shown = r.targetsWithoutYear.slice(0, 10).map((x) => `${x.text} (${x.source})`);
    const more = r.targetsWithoutYear.length - shown.length;
    lines.push(
      `无年份的目标 targets without a year (not taken): ${shown.join('; ')}${more > 0 ? `; … ${more} more` : ''}`,
    );
  }
  for (const h of r.headingLike)
    lines.push(`  疑似标题未采用 heading-like text not taken: ${h.text} (${h.source})`);
  return lines;
}
