import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPdf } from '../../../test/support/pdf-fixtures.ts';
import { refusal } from '../../../test/support/refusal.ts';
import { ParsePool } from './parse-pool.ts';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('A').addRow(['编码', 2021]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Threads of this process at nice 10, as the parsing workers set themselves. */
function nicedThreads(): number {
  return readdirSync('/proc/self/task').filter((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16] === '10';
  }).length;
}

const pools: ParsePool[] = [];
const pool = (size: number, queue?: number) => {
  const p = new ParsePool(size, queue);
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('parsing worker pool', () => {
  it('answers with the parsed cells, and typed errors from inside the worker', async () => {
    const p = pool(1);
    const data = await p.run({ kind: 'workbook', bytes: await workbook() });
    expect(data.sheets[0]?.cells).toEqual([
      [1, 1, '编码'],
      [1, 2, 2021],
    ]);
    const e = await refusal(p.run({ kind: 'workbook', bytes: new Uint8Array([1, 2, 3]) }));
    expect(e.code).toBe('unsupported_input');
    const plan = await p.run({
      kind: 'plan',
      input: {
        bytes: new TextEncoder().encode('某区规划纲要（2026—2030年）\n第一章 总则\n'),
        filename: 'a.txt',
      },
    });
    expect(plan.dataset.plans[0]?.nodes[0]?.title).toBe('总则');
  });

  it('ends a job past its time limit with payload_too_large and carries on with a new worker', async () => {
    const p = pool(1);
    const bytes = await workbook();
    const e = await refusal(p.run({ kind: 'workbook', bytes }, { timeoutMs: 1 }));
    expect(e.code).toBe('payload_too_large');
    expect(e.details).toEqual({ limit: 'time', max: 1 });
    expect((await p.run({ kind: 'workbook', bytes })).sheets).toHaveLength(1);
  });

  it('refuses jobs past the queue limit instead of queuing without end', async () => {
    const p = pool(1, 1);
    const bytes = await workbook();
    const first = p.run({ kind: 'workbook', bytes });
    const second = p.run({ kind: 'workbook', bytes });
    const e = await refusal(p.run({ kind: 'workbook', bytes }));
    expect(e.code).toBe('rate_limited');
    await Promise.all([first, second]);
  });

  it('warms every worker up (readers and pdf.js loaded), after which documents are read as before', async () => {
    const p = pool(2);
    await p.warm();
    // Each worker thread lowered its own priority (Linux: nice 10, one thread at a time).
    if (process.platform === 'linux') expect(nicedThreads()).toBeGreaterThanOrEqual(2);
    const pages = [
      ['某区国民经济和社会发展第十五个五年规划纲要（2026—2030年）', '第一章 总则', '推进各项工作。'],
    ];
    const [pdf, cells] = await Promise.all([
      p.run({ kind: 'plan', input: { bytes: buildPdf({ pages }), filename: 'a.pdf' } }),
      p.run({ kind: 'workbook', bytes: await workbook() }),
    ]);
    expect(pdf.dataset.plans[0]?.nodes[0]?.title).toBe('总则');
    expect(cells.sheets).toHaveLength(1);
  });
});
