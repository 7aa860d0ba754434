import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadSipDataset,
  reportProgress,
  reportValuesCsv,
  runReportCli,
  TABLE1_FINAL_REPORT,
} from '../support/report-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'lantu-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lantu report', () => {
  it('writes the 13th plan final report from Table 1 (--table 1 --year 2020 --kind final)', async () => {
    const out = join(dir, 't1.md');
    const r = await runReportCli({ ...TABLE1_FINAL_REPORT, out });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /t1\.md {2}\d+ kB {2}园区“十三五”规划纲要实施情况总结评估报告 {2}snapshot live-[0-9a-f]{12}/,
    );
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('22项主要指标中');
  });

  it('takes a values CSV and a progress file, and the format from --out', async () => {
    const csv = join(dir, 'values.csv');
    const progress = join(dir, 'progress.json');
    writeFileSync(csv, reportValuesCsv());
    writeFileSync(progress, JSON.stringify(reportProgress(loadSipDataset())));
    const out = join(dir, 'mid.xlsx');
    const r = await runReportCli({ kind: 'midterm', data: csv, progress, out });
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('ascii')).toBe('PK');
  });

  it('exits 2 on a usage error and on a final report before the last year', async () => {
    expect((await runReportCli({ kind: 'weekly' })).code).toBe(2);
    const r = await runReportCli({ kind: 'final', year: '2023', out: join(dir, 'x.md') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/final report is about the plan's last year \(2025\)/);
  });
});
