import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isLantuError } from '../../src/domain/errors.ts';
import { importPlan, MAX_INPUT_BYTES } from '../../src/importers/import-plan.ts';
// The reader itself (the server runs it in the parsing worker; the cases time the reading, not the hand-over).
import { readWorkbookData as readWorkbook } from '../../src/importers/readers/xlsx-reader.ts';
import { buildMiniDocx } from '../support/docx-fixtures.ts';
import { sipOutlineBytes } from '../importers/support.ts';

/**
 * Fuzzing the importers (txt, docx) and the xlsx reader with a fixed budget: RELIABILITY_FUZZ_RUNS cases in all
 * (500 in CI, ≥ 20,000 by hand). Every case must end in a result or a typed LantuError (never `internal`, never
 * an untyped exception) within 2 s.
 */
const BUDGET = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 500);
const CASE_LIMIT_MS = 2_000;
const SEED = Number(process.env.RELIABILITY_FUZZ_SEED ?? 20_261_127);
const stats = { cases: 0, ok: 0, typed: new Map<string, number>(), slowestMs: 0 };

async function expectSafe(f: () => unknown): Promise<void> {
  const t0 = performance.now();
  stats.cases++;
  try {
    await f();
    stats.ok++;
  } catch (e) {
    if (!isLantuError(e))
      throw new Error(`untyped exception: ${e instanceof Error ? e.stack : String(e)}`, { cause: e });
    expect(e.code).not.toBe('internal');
    stats.typed.set(e.code, (stats.typed.get(e.code) ?? 0) + 1);
  }
  const ms = performance.now() - t0;
  stats.slowestMs = Math.max(stats.slowestMs, ms);
  expect(ms, 'one case under 2 s').toBeLessThan(CASE_LIMIT_MS);
}

/** Byte-level mutations of a real file: flips, overwritten runs, truncation, inserted junk, duplicated ranges. */
const mutation = (size: number) => {
  const at = fc.nat({ max: size - 1 });
  const bytes = (maxLength: number) => fc.uint8Array({ minLength: 1, maxLength });
  return fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at, bits: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ op: fc.constant('overwrite' as const), at, bytes: bytes(64) }),
    fc.record({ op: fc.constant('truncate' as const), at }),
    fc.record({ op: fc.constant('insert' as const), at, bytes: bytes(256) }),
    fc.record({ op: fc.constant('dup' as const), at, len: fc.integer({ min: 1, max: 4096 }) }),
  );
};
type Mutation =
  | { op: 'flip'; at: number; bits: number }
  | { op: 'overwrite'; at: number; bytes: Uint8Array }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'dup'; at: number; len: number };

function mutate(src: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = src;
  for (const m of ms) {
    const at = Math.min(m.at, Math.max(0, b.length - 1));
    if (m.op === 'flip') {
      b = b.slice();
      b[at] = b[at]! ^ m.bits;
    } else if (m.op === 'overwrite') {
      b = b.slice();
      b.set(m.bytes.subarray(0, b.length - at), at);
    } else if (m.op === 'truncate') b = b.subarray(0, at);
    else if (m.op === 'insert') b = concat(b.subarray(0, at), m.bytes, b.subarray(at));
    else b = concat(b.subarray(0, at + m.len), b.subarray(at));
  }
  return b;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

async function sampleXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报 Data');
  ws.addRow(['编码 code', '指标 indicator', '单位 unit', '2021', '2022']);
  for (let i = 0; i < 30; i++) ws.addRow([`T2-${i}`, `指标${i}`, '%', i * 1.5, i * 2]);
  wb.addWorksheet('_lantu', { state: 'veryHidden' }).addRow(['format', 'lantu-template-1']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe(`fuzzing the importers and the xlsx reader (${BUDGET} cases, seed ${SEED})`, () => {
  const txtRuns = Math.ceil(BUDGET * 0.4);
  const docxRuns = Math.ceil(BUDGET * 0.3);
  const xlsxRuns = Math.ceil(BUDGET * 0.3);

  it(`mutated real outline as .txt/.md, and random text (${txtRuns})`, async () => {
    const outline = sipOutlineBytes();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(mutation(outline.length), { minLength: 1, maxLength: 6 }).map((ms) => mutate(outline, ms)),
          fc.string({ unit: 'grapheme', maxLength: 4000 }).map((s) => new TextEncoder().encode(s)),
          fc.uint8Array({ maxLength: 8000 }),
        ),
        fc.constantFrom('plan.txt', 'plan.md', null),
        async (bytes, name) => expectSafe(() => importPlan({ bytes, filename: name })),
      ),
      { numRuns: txtRuns, seed: SEED },
    );
  });

  it(`text-level mutations of the outline, valid UTF-8 (${txtRuns})`, async () => {
    const lines = new TextDecoder().decode(sipOutlineBytes()).split('\n');
    const n = lines.length;
    const edit = fc.oneof(
      fc.record({
        op: fc.constant('drop' as const),
        at: fc.nat({ max: n - 1 }),
        len: fc.integer({ min: 1, max: 200 }),
      }),
      fc.record({
        op: fc.constant('dup' as const),
        at: fc.nat({ max: n - 1 }),
        len: fc.integer({ min: 1, max: 200 }),
      }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat({ max: n - 1 }), to: fc.nat({ max: n - 1 }) }),
      fc.record({
        op: fc.constant('insert' as const),
        at: fc.nat({ max: n - 1 }),
        text: fc.string({ unit: 'grapheme', maxLength: 80 }),
      }),
      fc.record({ op: fc.constant('cut' as const), at: fc.nat({ max: n - 1 }), keep: fc.nat({ max: 40 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('plan.txt', 'plan.md'),
        async (edits, name) => {
          const ls = [...lines];
          for (const e of edits) {
            const at = Math.min(e.at, ls.length - 1);
            if (e.op === 'drop') ls.splice(at, e.len);
            else if (e.op === 'dup') ls.splice(at, 0, ...ls.slice(at, at + e.len));
            else if (e.op === 'swap')
              [ls[at], ls[Math.min(e.to, ls.length - 1)]] = [ls[Math.min(e.to, ls.length - 1)]!, ls[at]!];
            else if (e.op === 'insert') ls.splice(at, 0, e.text);
            else ls[at] = (ls[at] ?? '').slice(0, e.keep);
          }
          await expectSafe(() =>
            importPlan({ bytes: new TextEncoder().encode(ls.join('\n')), filename: name }),
          );
        },
      ),
      { numRuns: txtRuns, seed: SEED + 3 },
    );
  });

  it(`mutated document.xml inside a valid .docx (${docxRuns})`, async () => {
    const zip = await JSZip.loadAsync(await buildMiniDocx({ headingStyles: true }));
    const xml = await zip.file('word/document.xml')!.async('string');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.nat({ max: xml.length - 1 }),
            del: fc.nat({ max: 200 }),
            ins: fc.constantFrom(
              '',
              '<',
              '>',
              '</w:p>',
              '<w:p>',
              '&',
              '&amp;',
              '"',
              '<w:t>',
              '\u0000',
              '第一章 ',
              '表1',
              ']]>',
            ),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (edits) => {
          let x = xml;
          for (const e of edits) {
            const at = Math.min(e.at, x.length);
            x = x.slice(0, at) + e.ins + x.slice(at + e.del);
          }
          zip.file('word/document.xml', x);
          const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
          await expectSafe(() => importPlan({ bytes, filename: 'plan.docx' }));
        },
      ),
      { numRuns: docxRuns, seed: SEED + 4 },
    );
  });

  it(`mutated real .docx (${docxRuns})`, async () => {
    const docx = await buildMiniDocx({ headingStyles: true });
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation(docx.length), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('plan.docx', 'plan.txt', null),
        async (ms, name) => expectSafe(() => importPlan({ bytes: mutate(docx, ms), filename: name })),
      ),
      { numRuns: docxRuns, seed: SEED + 1 },
    );
  });

  it(`mutated real .xlsx through the upload reader (${xlsxRuns})`, async () => {
    const xlsx = await sampleXlsx();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation(xlsx.length), { minLength: 1, maxLength: 4 }), async (ms) =>
        expectSafe(() => readWorkbook(mutate(xlsx, ms))),
      ),
      { numRuns: xlsxRuns, seed: SEED + 2 },
    );
  });

  it('refuses early: deeply nested XML, a 60 MB file, wrong extensions, a zip bomb', async () => {
    // 200,000 nested elements in word/document.xml
    const zip = await JSZip.loadAsync(await buildMiniDocx({ headingStyles: true }));
    const depth = 200_000;
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p>'.repeat(depth)}${'</w:p>'.repeat(depth)}</w:body></w:document>`,
    );
    const nested = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    await expectSafe(() => importPlan({ bytes: nested, filename: 'nested.docx' }));

    const big = new Uint8Array(60 * 1024 * 1024).fill(0x41);
    const t0 = performance.now();
    expect(() => importPlan({ bytes: big, filename: 'big.txt' })).toThrow(
      expect.objectContaining({ code: 'payload_too_large' }) as Error,
    );
    await expect(readWorkbook(big)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(performance.now() - t0).toBeLessThan(100);
    expect(big.length).toBeGreaterThan(MAX_INPUT_BYTES);

    const xlsx = await sampleXlsx();
    await expectSafe(() => importPlan({ bytes: xlsx, filename: 'plan.docx' }));
    await expect(readWorkbook(await buildMiniDocx({ headingStyles: false }))).rejects.toMatchObject({
      code: 'unsupported_input',
    });
    await expect(readWorkbook(new TextEncoder().encode('编码,指标\nT1,1'))).rejects.toMatchObject({
      code: 'unsupported_input',
    });

    // a zip bomb: one part of 80 MB of zeros compresses to ~80 KB
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types/>');
    bomb.file('xl/workbook.xml', new Uint8Array(80 * 1024 * 1024));
    const bombBytes = new Uint8Array(
      await bomb.generateAsync({
        type: 'uint8array',
        compression: 'DEFLATE',
        compressionOptions: { level: 9 },
      }),
    );
    const t1 = performance.now();
    await expect(readWorkbook(bombBytes)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(() => importPlan({ bytes: bombBytes, filename: 'bomb.docx' })).toThrow();
    expect(performance.now() - t1).toBeLessThan(CASE_LIMIT_MS);
  });

  it('summary', () => {
    console.log('fuzz', {
      cases: stats.cases,
      ok: stats.ok,
      typed: Object.fromEntries(stats.typed),
      slowestMs: Math.round(stats.slowestMs),
    });
    expect(stats.cases).toBeGreaterThanOrEqual(BUDGET);
  });
});
