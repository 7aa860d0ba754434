/** The .md writer: the same model as plain Markdown, for quick review and diffs (charts as their data). */
import type { ChartSpec, ReportModel, TableBlock } from './types.ts';
import { num } from './format.ts';

function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

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
    `| ${cols.map(esc).join(' | ')} |`,
    `| ${sep.join(' | ')} |`,
    ...rows.map((r) => `| ${cols.map((_, k) => esc(r[k] ?? '')).join(' | ')} |`),
  ];
}

function tableBlock(b: TableBlock): string[] {
  return [
    `**${b.caption}**`,
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
    `# ${c.reportTitle}`,
    '',
    `${c.planTitle} ${c.draftMark}`,
    '',
    `${c.period} · ${c.issuer ?? ''} · ${c.date}`,
    '',
  ];
  if (c.dataNote !== null && c.dataNote !== '') out.push(`> ${c.dataNote}`, '');
  for (const b of model.blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`${b.level === 1 ? '##' : '###'} ${b.text}`, '');
        break;
      case 'paragraph':
        out.push(b.style === 'note' ? `> ${b.text}` : b.text, '');
        break;
      case 'bullets':
        out.push(...b.items.map((i) => `- ${i}`), '');
        break;
      case 'table':
        out.push(...tableBlock(b), '');
        break;
      case 'chart':
        out.push(`*${b.caption}*`, '', ...chartData(b.spec), '');
        break;
      case 'toc':
      case 'pageBreak':
        break;
    }
  }
  out.push('---', '', model.footer, '');
  return out.join('\n');
}
