import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.command.ts';
import { isLantuError } from '../../src/domain/errors.ts';
import { runCli } from '../support/cli.ts';
import { formatReport } from '../../src/importers/report.ts';
import { REPORT_OUTLINE_EXPECTED, REPORT_OUTLINE_MD } from '../support/report-fixture.ts';
import { buildPdf } from '../support/pdf-fixtures.ts';
import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, SIP_OUTLINE_PATH } from './support.ts';

function capture(stream: NodeJS.WriteStream): string[] {
  const out: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
    out.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const cb = rest.find((r): r is () => void => typeof r === 'function');
    cb?.();
    return true;
  });
  return out;
}

async function run(...args: string[]): Promise<void> {
  const program = new Command('lantu').exitOverride();
  program.addCommand(importCommand().exitOverride());
  await program.parseAsync(['node', 'lantu', 'import', ...args]);
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe.skipIf(!HAVE_SIP_OUTLINE)(`lantu import${NEEDS_SIP_OUTLINE}`, () => {
  it('--json prints the plan document', async () => {
    const out = capture(process.stdout);
    await run(SIP_OUTLINE_PATH, '--json', '--no-progress');
    const doc = JSON.parse(out.join('')) as { format: string; parts: unknown[]; tables: unknown[] };
    expect(doc.format).toBe('lantu.plan-document/1');
    expect(doc.parts).toHaveLength(6);
    expect(doc.tables).toHaveLength(2);
  });

  it('refuses a file that is not a plan with a typed error naming the line', async () => {
    const file = join(tmpdir(), `lantu-not-a-plan-${process.pid}.txt`);
    writeFileSync(file, '会议通知\n请准时参加。\n');
    const err = await run(file, '--json', '--no-progress').catch((e: unknown) => e);
    expect(isLantuError(err) && err.code).toBe('not_a_plan');
    expect(String(err)).toMatch(/line 1/);
  });

  it('without --json saves the plan into the database; --plan with the same outline saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantu-import-'));
    try {
      const env = { LANTU_DATA_DIR: dir };
      const first = await runCli(['import', SIP_OUTLINE_PATH, '--no-progress'], env);
      expect(first.code).toBe(0);
      const id = /saved plan ([0-9a-f-]{36}) v1:/.exec(first.stdout)?.[1];
      expect(id).toBeDefined();
      expect(first.stdout).toContain('(36 indicators, 40 prose targets)');
      const second = await runCli(['import', SIP_OUTLINE_PATH, '--no-progress', '--plan', id!], env);
      expect(second.code).toBe(0);
      // issue 15 §5: a no-op (a version 2 was saved before)
      expect(second.stdout).toContain(`unchanged, nothing saved 无变化 ${id} v1:`);
      expect(second.stdout).toContain('no changes 无变化');
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a stopped PGlite may still be closing files
    }
  }, 240_000); // two CLI runs that each create or open an embedded database: a hang guard, not a timing

  it('prints the import report on stderr before saving (stdout stays the result)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantu-import-'));
    try {
      const file = join(dir, 'outline.md');
      writeFileSync(file, REPORT_OUTLINE_MD);
      const r = await runCli(['import', file, '--no-progress'], { LANTU_DATA_DIR: dir });
      expect(r.code).toBe(0);
      expect(r.stderr.trim().split('\n')).toEqual(
        formatReport(structuredClone(REPORT_OUTLINE_EXPECTED) as never),
      );
      expect(r.stderr).toContain('编号缺漏 numbering gap: 第三章 missing between 第二章 and 第四章');
      expect(r.stdout).toMatch(/^saved plan [0-9a-f-]{36} v1: 某区国民经济和社会发展第十五个五年规划纲要/);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a stopped PGlite may still be closing files
    }
  });
});

describe('lantu evaluate <plan file>', () => {
  it('reads a .pdf named as its argument', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantu-eval-'));
    try {
      const file = join(dir, 'outline.pdf');
      writeFileSync(
        file,
        buildPdf({
          pages: [
            [
              '某区国民经济和社会发展第十五个五年规划纲要',
              '第一章 主要目标',
              '到2030年，地区生产总值达到3000亿元，研发经费投入强度提高到3.5%。',
            ],
          ],
        }),
      );
      const r = await runCli(['evaluate', file, '--year', '2026', '--json'], { LANTU_DATA_DIR: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { plan: { title: string }; indicators: { name: string }[] };
      expect(out.plan.title).toBe('某区国民经济和社会发展第十五个五年规划纲要');
      expect(out.indicators.map((i) => i.name)).toEqual(['地区生产总值', '研发经费投入强度']);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a stopped PGlite may still be closing files
    }
  });

  it('on a plan without indicators says so in one line instead of printing an empty table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantu-eval-'));
    try {
      const file = join(dir, 'plan.md');
      writeFileSync(
        file,
        '# 某区“十五五”规划纲要\n\n## 第一章 总则\n\n推动发展。\n\n## 第二章 任务\n\n建设平台。\n',
      );
      const r = await runCli(['evaluate', file, '--year', '2026'], { LANTU_DATA_DIR: dir });
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual([
        '某区“十五五”规划纲要：没有可评估的指标（规划中未找到指标表或带年份的目标）。 No indicators to evaluate: the plan has no indicator table and no dated targets.',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a stopped PGlite may still be closing files
    }
  }, 120_000); // two CLI runs on a fresh embedded database (41 s measured for the first on a loaded machine)
});
