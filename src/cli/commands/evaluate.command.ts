import { Command, Option } from 'commander';
import { LantuError } from '../../domain/errors.ts';
import { isCalendarDate } from '../../domain/provenance.ts';
import type { EvaluateOptions } from './evaluate.run.ts';
import { intArg } from './cli-input.ts';

function parseDateArg(name: string) {
  return (v: string): string => {
    if (!isCalendarDate(v))
      throw new LantuError(
        'bad_request',
        {
          zh: `${name} 须为日期 YYYY-MM-DD（收到“${v}”）`,
          en: `${name} must be a date YYYY-MM-DD, got "${v}"`,
        },
        null,
      );
    return v;
  };
}

function parseShare(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0)
      throw new LantuError(
        'bad_request',
        {
          zh: `${name} 须为不小于 0 的数（收到“${v}”）`,
          en: `${name} must be a non-negative number, got "${v}"`,
        },
        null,
      );
    return n;
  };
}

/** The plan named as the argument or by --plan (one of them, or both the same). */
function planOf(arg: string | undefined, option: string | undefined): string {
  if (arg !== undefined && option !== undefined && arg !== option)
    throw new LantuError(
      'bad_request',
      {
        zh: `给出了两个规划：“${arg}”和 --plan “${option}”，请只给一个`,
        en: `two plans given: "${arg}" and --plan "${option}"; give one`,
      },
      null,
    );
  const plan = arg ?? option;
  if (plan === undefined)
    throw new LantuError(
      'bad_request',
      {
        zh: '未指定规划：lantu evaluate <文件|编号>（.docx/.pdf/.txt/.md 纲要、数据集 JSON，或规划的 id/key）',
        en: 'no plan given: lantu evaluate <file|id> (a .docx/.pdf/.txt/.md outline, a dataset JSON or a plan id/key)',
      },
      null,
    );
  return plan;
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description(
      'judge every indicator of a plan for a year (时间过半、任务过半 or the Open SDG trend measure)',
    )
    .argument('[plan]', 'the plan: same as --plan (lantu evaluate outline.pdf)')
    .option(
      '--plan <file|id>',
      'plan document (.docx/.pdf/.txt/.md), dataset JSON, or a plan id/key in the database',
    )
    .option('--year <year>', 'year to evaluate (default: the latest year with data)', intArg('--year'))
    .option('--data <csv>', 'values CSV: indicator,year,value[,kind]')
    .option(
      '--as-of <date>',
      'judge as known on this date YYYY-MM-DD: only values released on or before it, in their latest revision then',
      parseDateArg('--as-of'),
    )
    .addOption(
      new Option('--method <method>', 'time-progress or trend').choices(['time', 'trend']).default('time'),
    )
    .addOption(
      new Option(
        '--annual-rates <rule>',
        'targets on a yearly rate (年均增长, 失业率<5.5, 与GDP增长同步): the average of the years so far, or the latest year',
      ).choices(['average', 'latest']),
    )
    .option(
      '--table <n>',
      'evaluate the indicators of table N (e.g. 1 = the previous plan’s results)',
      intArg('--table'),
    )
    .option('--all', 'include targets found in the prose, not only the indicator tables')
    .option('--delta <share>', 'δ of the time-progress verdicts (default 0.05)', parseShare('--delta'))
    .option(
      '--about-tolerance <share>',
      'half-width of 左右 targets as a share of the target (default 0.1)',
      parseShare('--about-tolerance'),
    )
    .option('--explain', 'print the explanation under each row')
    .option('--no-color', 'no ANSI colours')
    .option('--json', 'machine-readable output')
    .action(async (planArg: string | undefined, given: Partial<EvaluateOptions>) => {
      const opts: EvaluateOptions = { method: 'time', ...given, plan: planOf(planArg, given.plan) };
      const { runEvaluate, toJson, toTable } = await import('./evaluate.run.ts');
      const r = await runEvaluate(opts);
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(toJson(r), null, 2)}\n`);
        return;
      }
      const color = opts.color !== false && process.stdout.isTTY && process.env.NO_COLOR === undefined;
      process.stdout.write(toTable(r, color, opts.explain === true));
    });
}
