import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.command.ts';
import { isLantuError } from '../../src/domain/errors.ts';
import { runCli } from '../support/cli.ts';
import { SIP_OUTLINE_PATH } from './support.ts';

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

describe('lantu import', () => {
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

  it('without --json saves the plan into the database, and --plan saves a new version with its changes', async () => {
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
      expect(second.stdout).toMatch(/saved plan [0-9a-f-]{36} v2:/);
      expect(second.stdout).toContain('no changes 无变化');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
