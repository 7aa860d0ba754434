import { Command, Option } from 'commander';
import type { ImportOpts } from './import.run.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('import a plan outline (.docx, .txt, .md) 导入规划纲要')
    .argument('<file>', 'the outline; - reads stdin')
    .option('--json', 'print the plan document as JSON instead of saving it')
    .option('--plan <id>', 'save as a new (draft) version of this plan; publish it with `lantu db publish`')
    .option('--predecessor <id>', 'the plan this one follows (the 14th for the 15th)')
    .option('--key <key>', 'plan key for a new plan (default: plan-START-END)')
    .addOption(
      new Option('--format <format>', 'input format (default: by extension, then by content)').choices([
        'txt',
        'md',
        'docx',
      ]),
    )
    .option('--no-progress', 'no progress bar')
    .action(async (file: string, opts: ImportOpts) => {
      const { importAction } = await import('./import.run.ts');
      await importAction(file, opts);
    });
}
