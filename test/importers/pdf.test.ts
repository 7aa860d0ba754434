import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLantuError } from '../../src/domain/errors.ts';
import { importPlan, importPlanAsync } from '../../src/importers/import-plan.ts';
import type { PlanDocument } from '../../src/importers/plan-document.ts';
import { SIP_OUTLINE_PATH as SIP_TXT, sipOutlineBytes } from './support.ts';
import { runEvaluate, toJson } from '../../src/cli/commands/evaluate.run.ts';
import { buildPdf } from '../support/pdf-fixtures.ts';
import { sharedFiles } from '../support/shared-files.ts';

const {
  paths: [SIP_PDF = ''],
  present,
  skipped,
} = sharedFiles('plans/sip-14th-fyp-outline.pdf');

/** A small synthetic outline (no real document's sentences), one line a paragraph. */
const OUTLINE = [
  '某区国民经济和社会发展第十五个五年规划纲要',
  '第一章 发展基础',
  '全区经济稳步增长，创新能力持续提升。',
  '第二章 主要目标',
  '第一节 经济发展',
  '到2030年，地区生产总值达到3000亿元。',
  '第二节 创新驱动',
  '研发经费投入强度提高到3.5%。',
];
const outlineOf = (doc: PlanDocument) => ({
  meta: doc.meta,
  chapters: doc.chapters.map((c) => [c.number, c.title, c.sections.map((s) => s.title)]),
  targets: doc.targets.map((t) => [t.text, t.year]),
});

async function refusal(bytes: Uint8Array): Promise<unknown> {
  return importPlanAsync({ bytes, filename: 'plan.pdf' }).then(
    () => 'no error',
    (e: unknown) => e,
  );
}

/** Taken before pdf.js is first loaded in this file. */
const nativePush = Array.prototype.push;

describe('.pdf import', () => {
  it('leaves the process its native Array.prototype.push (pdf.js’s polyfills would slow every array)', async () => {
    await importPlanAsync({ bytes: buildPdf({ pages: [OUTLINE] }), filename: 'plan.pdf' });
    expect(Array.prototype.push).toBe(nativePush);
  });

  it('reads a PDF written in code: headings, period and dated targets', async () => {
    const doc = await importPlanAsync({ bytes: buildPdf({ pages: [OUTLINE] }), filename: 'plan.pdf' });
    expect(outlineOf(doc)).toEqual({
      meta: {
        title: '某区国民经济和社会发展第十五个五年规划纲要',
        titleSource: 'heading',
        issuer: '某区',
        period: { start: 2026, end: 2030 },
        visionYear: null,
        planNumber: 15,
        sourceFormat: 'pdf',
      },
      chapters: [
        ['第一章', '发展基础', []],
        ['第二章', '主要目标', ['经济发展', '创新驱动']],
      ],
      targets: [
        ['地区生产总值达到3000亿元', 2030],
        ['研发经费投入强度提高到3.5%', 2030],
      ],
    });
  });

  it('refuses a PDF without a text layer in one line saying OCR is not supported', async () => {
    const err = await refusal(buildPdf({ pages: [[], []] }));
    expect(isLantuError(err) && err.code).toBe('unsupported_input');
    expect(String((err as Error).message)).toMatch(/no text layer.*OCR is not supported/);
    expect(String((err as Error).message)).not.toContain('\n');
  });

  it('refuses a password-protected PDF in one line saying it is encrypted', async () => {
    const bytes = buildPdf({ pages: [OUTLINE], encrypt: { user: 'secret', owner: 'owner' } });
    // The fixture is a real encrypted PDF: pdf.js reads it given the password.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = getDocument({ data: bytes.slice(), password: 'secret', verbosity: 0 });
    const page = await (await task.promise).getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(text).toContain('第二章 主要目标');
    await task.destroy();

    const err = await refusal(bytes);
    expect(isLantuError(err) && err.code).toBe('unsupported_input');
    expect(isLantuError(err) && err.details).toMatchObject({ reason: 'encrypted' });
    expect(String((err as Error).message)).toMatch(
      /^the PDF is encrypted \(a password is needed to open it\)/,
    );
    expect(String((err as Error).message)).toContain('PDF 文件已加密');
    expect(String((err as Error).message)).not.toContain('\n');
  });

  it('refuses a PDF encrypted with an owner password only (it opens without one): encrypted PDFs are refused', async () => {
    const bytes = buildPdf({ pages: [OUTLINE], encrypt: { user: '', owner: 'owner' } });
    // The fixture is a real encrypted PDF (an /Encrypt dictionary, RC4 streams) that pdf.js opens without
    // a password and reads, restrictions and all.
    expect(new TextDecoder('latin1').decode(bytes)).toContain('/Encrypt');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = getDocument({ data: bytes.slice(), verbosity: 0 });
    const opened = await task.promise;
    const text = (await (await opened.getPage(1)).getTextContent()).items
      .map((i) => ('str' in i ? i.str : ''))
      .join('');
    expect(text).toContain('第二章 主要目标');
    await task.destroy();

    const err = await refusal(bytes);
    expect(isLantuError(err) && err.code).toBe('unsupported_input');
    expect(isLantuError(err) && err.details).toMatchObject({ reason: 'encrypted' });
    const message = String((err as Error).message);
    expect(message).toMatch(/^the PDF is encrypted \(it opens without a password but is restricted\)/);
    expect(message).toContain('PDF 文件已加密');
    expect(message).not.toContain('\n');
  });

  it('refuses bytes that only claim to be a PDF with a typed error', async () => {
    const err = await refusal(new TextEncoder().encode('%PDF-1.7\ngarbage'));
    expect(isLantuError(err) && err.code).toBe('unsupported_input');
  });
});

/** A plan document without where things were read (page N vs line N) or the input format. */
function withoutSources(doc: PlanDocument): unknown {
  return JSON.parse(
    JSON.stringify(doc, (k, v: unknown) =>
      k === 'source' || k === 'rowSources' || k === 'sourceFormat' ? undefined : v,
    ),
  );
}

describe.skipIf(!present)(`golden: SIP outline as PDF${skipped}`, () => {
  let doc: PlanDocument;
  let txt: PlanDocument;
  beforeAll(async () => {
    doc = await importPlanAsync({ bytes: readFileSync(SIP_PDF), filename: 'sip-14th-fyp-outline.pdf' });
    txt = importPlan({ bytes: sipOutlineBytes(), filename: 'sip-14th-fyp-outline.txt' });
  }, 120_000);

  it('gives the tree of the .txt: 6 篇, 26 章, 70 节, 6 boxes, the title and period', () => {
    const chapters = doc.parts.flatMap((p) => p.chapters);
    expect(doc.meta).toMatchObject({
      title: '苏州工业园区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      issuer: '苏州工业园区',
      period: { start: 2021, end: 2025 },
      visionYear: 2035,
      planNumber: 14,
      sourceFormat: 'pdf',
    });
    expect(doc.parts.map((p) => p.chapters.length)).toEqual([3, 6, 4, 5, 6, 2]);
    expect(chapters.map((c) => c.sections.length)).toEqual([
      0, 0, 6, 4, 3, 3, 2, 3, 4, 3, 3, 2, 3, 2, 3, 2, 3, 2, 3, 4, 3, 4, 5, 3, 0, 0,
    ]);
    expect(chapters[16]).toMatchObject({ number: '第17章', title: '打造长三角数字经济高地' });
    expect(doc.boxes.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.report.headings.map((h) => [h.level, h.count, h.gaps])).toEqual([
      ['part', 6, []],
      ['chapter', 26, []],
      ['section', 70, []],
    ]);
    expect(chapters[0]?.source).toMatch(/^page \d+$/);
  });

  it('rebuilds both indicator tables from the glyph positions, cell by cell as the .txt has them', () => {
    expect(doc.tables.map((t) => [t.number, t.caption, t.header, t.rows.length, t.source])).toEqual([
      [1, '园区“十三五”经济社会发展指标执行情况', txt.tables[0]?.header, 22, 'page 2'],
      [2, '园区“十四五”经济社会发展主要指标', txt.tables[1]?.header, 36, 'page 8'],
    ]);
    const cells = (d: PlanDocument) =>
      d.tables.map((t) =>
        t.rows.map((r) => [
          r.category,
          r.number,
          r.name,
          r.unit,
          r.baseline,
          r.target,
          r.actual,
          r.attribute,
        ]),
      );
    expect(cells(doc)).toEqual(cells(txt));
    // Row 22 of table 1 is broken over pages 4 and 5; the header repeated on each page is read once.
    expect(doc.tables[0]?.rows[21]?.name).toBe('新建建筑中绿色建筑（住宅和公建）所占比重');
    expect(doc.tables[1]?.rows[35]).toMatchObject({ number: 36, name: '生产安全事故发生数下降' });
    expect(doc.tables[0]?.rows.map((r) => r.source)).toEqual([
      ...Array<string>(10).fill('page 3'),
      ...Array<string>(12).fill('page 4'),
    ]);
  });

  it('takes the 6 footnotes from the page feet and anchors them where their raised numbers are', () => {
    expect(doc.footnotes.map((f) => [f.number, f.nodeId, f.source])).toEqual([
      [1, 'C1.T2', 'page 2'],
      [2, 'C7.S2.T1', 'page 17'],
      [3, 'C16.S2.T1', 'page 29'],
      [4, 'C16.S2.T1', 'page 29'],
      [5, 'C17.S2.T2', 'page 30'],
      [6, 'C18.S1.T2', 'page 31'],
    ]);
    expect(doc.footnotes.map((f) => f.text)).toEqual(txt.footnotes.map((f) => f.text));
    // Footnote text does not run into the body it interrupts.
    expect(JSON.stringify(doc.parts)).not.toContain('即基本实现企业开办');
  });

  it('is the same plan document as the .txt import, but for where each part was read', () => {
    expect(withoutSources(doc)).toEqual(withoutSources(txt));
  });

  it('lantu evaluate reads the .pdf too: table 1 judged as from the .txt', async () => {
    const fromPdf = toJson(await runEvaluate({ plan: SIP_PDF, table: 1, year: 2020, method: 'time' }));
    const fromTxt = toJson(await runEvaluate({ plan: SIP_TXT, table: 1, year: 2020, method: 'time' }));
    expect(fromPdf).toEqual(fromTxt);
    expect((fromPdf as { indicators: unknown[] }).indicators).toHaveLength(22);
  }, 120_000);
});
