/** The .md writer: the same model as plain Markdown, for quick review and diffs (charts as their data). */
import type { ChartSpec, ReportModel, TableBlock } from './types.ts';
import { num } from './format.ts';

/**
 * Text as Markdown shows it, never as markup: report text carries what users typed (notes, titles, names), and
 * a Markdown viewer renders raw HTML and links. `& < >` become entities (no tag, no autolink), the characters
 * that make emphasis, code, links and table cells are backslash-escaped, and line breaks fold into spaces.
 */
function inline(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[`*_[\]~|]/g, '\\$&')
    .replace(/\r?\n/g, ' ');
}

/** A block of text: also never a heading, quote or list by how it begins. */
const block = (s: string): string =>
  inline(s)
    .replace(/^(\s*)([#=+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');

function table(
  cols: string[],
  rows: string[][],
  aligns?: ('left' | 'center' | 'right' | undefined)[],
): string[] {
  const sep = cols.map((_, k) => {
    switch (aligns?.[k]) {
      case 'right':
        return '---:';
      case 'center':
        return ':---:';
      case 'left':
      case undefined:
        return '---';
    }
  });
  return [
    `| ${cols.map(inline).join(' | ')} |`,
    `| ${sep.join(' | ')} |`,
    ...rows.map((r) => `| ${cols.map((_, k) => inline(r[k] ?? '')).join(' | ')} |`),
  ];
}

function tableBlock(b: TableBlock): string[] {
  return [
    `**${inline(b.caption)}**`,
    '',
    ...table(
      b.columns.map((c) => c.title),
      b.rows.map((r) => r.map((c) => c.text)),
      b.columns.map((c) => c.align),
    ),
  ];
}

function chartData(spec: ChartSpec): string[] {
  switch (spec.kind) {
    case 'verdicts':
      return [spec.items.map((i) => `${i.label} ${i.count}`).join(' · ')];
    case 'trend':
      return table(
        ['', ...spec.years.map(String)],
        [
          [spec.labels.actual, ...spec.actual.map((v) => num(v))],
          [spec.labels.path, ...spec.path.map((v) => num(v))],
        ],
      );
    case 'bars':
      return table(
        ['', ...spec.categories],
        spec.series.map((s) => [
          s.name,
          ...s.values.map((v) => (v === null ? '—' : `${num(v, 1)}${spec.unit ?? ''}`)),
        ]),
      );
  }
}

export function writeMarkdown(model: ReportModel): string {
  const c = model.cover;
  const out: string[] = [
    `# ${inline(c.reportTitle)}`,
    '',
    block(`${c.planTitle} ${c.draftMark}`),
    '',
    block(`${c.period} · ${c.issuer ?? ''} · ${c.date}`),
    '',
  ];
  if (c.dataNote !== null && c.dataNote !== '') out.push(`> ${inline(c.dataNote)}`, '');
  for (const b of model.blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`${b.level === 1 ? '##' : '###'} ${inline(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(b.style === 'note' ? `> ${inline(b.text)}` : block(b.text), '');
        break;
      case 'bullets':
        out.push(...b.items.map((i) => `- ${inline(i)}`), '');
        break;
      case 'table':
        out.push(...tableBlock(b), '');
        break;
      case 'chart':
        out.push(`*${inline(b.caption)}*`, '', ...chartData(b.spec), '');
        break;
      case 'toc':
      case 'pageBreak':
        break;
    }
  }
  out.push('---', '', block(model.footer), '');
  return out.join('\n');
}
