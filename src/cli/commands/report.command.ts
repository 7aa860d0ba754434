import { Command, Option } from 'commander';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_LANGS } from '../../reports/types.ts';
import type { ReportOptions } from './report.run.ts';
import { intArg } from './cli-input.ts';

export function reportCommand(): Command {
  return new Command('report')
    .description(
      'write an annual, mid-term or final evaluation report (.docx, .xlsx, .md, or .pdf through LibreOffice)',
    )
    .requiredOption('--plan <file|id>', 'plan document (.docx/.txt/.md), dataset JSON, or plan ID')
    .addOption(new Option('--kind <kind>', 'report kind').choices([...REPORT_KINDS]).default('annual'))
    .option(
      '--year <year>',
      'year reported on (default: annual = latest data, midterm = middle of the period, final = last year)',
      intArg('--year'),
    )
    .option('--data <csv>', 'values CSV: indicator,year,value[,kind]')
    .option('--progress <json>', 'task and project progress JSON (see docs/reports.md)')
    .addOption(
      new Option('--format <format>', 'output format (default: from --out, else docx)').choices([
        ...REPORT_FORMATS,
      ]),
    )
    .option('--out <path>', 'output file, - for stdout (default: <plan>-<kind>-<year>.<format>)')
    .addOption(new Option('--lang <lang>', 'language').choices([...REPORT_LANGS]).default('zh'))
    .addOption(
      new Option('--method <method>', 'time-progress or trend').choices(['time', 'trend']).default('time'),
    )
    .option(
      '--table <n>',
      'report on the indicators of table N (e.g. 1 = the previous plan’s results)',
      intArg('--table'),
    )
    .action(async (opts: ReportOptions) => {
      // Loaded on use: the report stack (docx, exceljs, echarts) and the database layers.
      const { reportAction } = await import('./report.run.ts');
      await reportAction(opts);
    });
}
