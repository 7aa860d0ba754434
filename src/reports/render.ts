/** One entry point: report input → model → charts → bytes in the asked format. */
import { renderCharts } from './charts/render.ts';
import type { ChartImage } from './charts/render.ts';
import { writeDocx } from './docx.ts';
import { writeMarkdown } from './md.ts';
import { buildReportModel } from './model.ts';
import type { ChartBlock, ReportFormat, ReportInput, ReportModel } from './types.ts';
import { writeXlsx } from './xlsx.ts';
import { contentType } from './formats.ts';
import { mapStrings, xmlSafeText } from '../domain/unicode-text.ts';

export { contentType };

export interface RenderedReport {
  bytes: Buffer;
  contentType: string;
  extension: ReportFormat;
  /** A file name: <plan>-<kind>-<year>[-en].<ext> */
  filename: string;
  model: ReportModel;
  /** Charts that could not be drawn, a missing CJK font… (the report is still complete otherwise). */
  warnings: string[];
}

export function chartBlocks(model: ReportModel): ChartBlock[] {
  return model.blocks.filter((b): b is ChartBlock => b.type === 'chart');
}

export async function renderReport(input: ReportInput, format: ReportFormat): Promise<RenderedReport> {
  // user text (project names, progress reports, notes) may hold characters XML forbids: gone before writing
  const model = mapStrings(buildReportModel(input), xmlSafeText);
  let bytes: Buffer;
  let warnings: string[] = [];
  const charts = (): Map<string, ChartImage> => {
    const r = renderCharts(chartBlocks(model));
    warnings = r.warnings;
    return r.images;
  };
  switch (format) {
    case 'docx':
      bytes = await writeDocx(model, charts());
      break;
    case 'xlsx':
      bytes = await writeXlsx(model, charts());
      break;
    case 'md':
      bytes = Buffer.from(writeMarkdown(model), 'utf8');
      break;
    case 'pdf': {
      // The .docx laid out by LibreOffice (a child process with a timeout; service_unavailable without it).
      const { docxToPdf, findSoffice, pdfUnavailable } = await import('./pdf.ts');
      if (findSoffice() === null) throw pdfUnavailable();
      bytes = await docxToPdf(await writeDocx(model, charts()));
      break;
    }
  }
  const filename = `${input.plan.key}-${input.kind}-${model.year}${input.lang === 'en' ? '-en' : ''}.${format}`;
  return { bytes, contentType: contentType(format), extension: format, filename, model, warnings };
}
