import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import type { PlanDocument } from '../../src/importers/plan-document.ts';
import { readDocx } from '../../src/importers/readers/docx-reader.ts';
import { buildDocxFixture, buildMiniDocx } from '../support/docx-fixtures.ts';
import { errorCodeOf, HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, sipOutlineBytes } from './support.ts';

/** The tree without where things came from (lines vs paragraphs) and how the format was told. */
function content(doc: PlanDocument): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x !== null && typeof x === 'object') {
      return Object.fromEntries(
        Object.entries(x)
          .filter(([k]) => k !== 'source' && k !== 'sourceFormat' && k !== 'titleSource')
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return x;
  };
  return strip(doc);
}

let txt: PlanDocument;
beforeAll(() => {
  if (HAVE_SIP_OUTLINE) txt = importPlan({ bytes: sipOutlineBytes(), filename: 'sip-14th-fyp-outline.txt' });
});

describe.skipIf(!HAVE_SIP_OUTLINE)(`.docx import of the SIP outline${NEEDS_SIP_OUTLINE}`, () => {
  it.each(['styled', 'plain'] as const)('%s headings: the same plan document as the .txt', async (style) => {
    const bytes = await buildDocxFixture(txt, style);
    const doc = importPlan({ bytes, filename: 'sip.docx' });
    expect(doc.warnings).toEqual([]);
    expect(doc.meta.sourceFormat).toBe('docx');
    expect(doc.meta.titleSource).toBe(style === 'styled' ? 'heading' : 'preamble');
    expect(content(doc)).toEqual(content(txt));
    expect(doc.parts[0]?.source).toMatch(/^paragraph \d+$/);
  });

  it('sniffs a .docx without an extension', async () => {
    const bytes = await buildMiniDocx({ headingStyles: true });
    expect(importPlan({ bytes, filename: null }).meta.sourceFormat).toBe('docx');
  });
});

describe.skipIf(!HAVE_SIP_OUTLINE)(`.docx reader${NEEDS_SIP_OUTLINE}`, () => {
  it.each([true, false])('reads a small outline (heading styles: %s)', async (headingStyles) => {
    const doc = importPlan({ bytes: await buildMiniDocx({ headingStyles }), filename: 'mini.docx' });
    expect(doc.meta).toMatchObject({
      title: '某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      issuer: '某市',
      period: { start: 2021, end: 2025 },
      visionYear: 2035,
    });
    expect(doc.parts.map((p) => p.title)).toEqual(['总体要求']);
    expect(doc.parts[0]?.chapters.map((c) => [c.number, c.title, c.sections.length])).toEqual([
      ['第一章', '发展基础', 0],
      ['第二章', '发展目标', 1],
    ]);
    const t = doc.tables[0];
    expect(
      t?.rows.map((r) => [r.category, r.number, r.name, r.unit, r.baseline?.raw, r.target?.raw, r.attribute]),
    ).toEqual([
      ['经济', 1, '地区生产总值年均增速', '%', '6', '6左右', 'expected'],
      ['经济', 2, '城镇登记失业率', '%', '2', '<3', 'binding'],
    ]);
    expect(t?.rows[1]?.inferred.kind).toBe('ceiling');
    expect(doc.footnotes).toEqual([
      { number: 1, text: '即规模以上工业。', nodeId: 'C2.S1.T1', source: 'footnote 1' },
    ]);
    expect(doc.targets.map((x) => x.text)).toEqual(['工业总产值达3000亿元']);
  });

  it('refuses an encrypted or legacy Office file', () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(errorCodeOf(() => importPlan({ bytes: cfb, filename: 'plan.docx' }))).toBe('unsupported_input');
    expect(errorCodeOf(() => importPlan({ bytes: cfb, filename: 'plan.doc' }))).toBe('unsupported_input');
  });

  it('refuses a truncated .docx and a zip that is not a Word document', async () => {
    const bytes = await buildMiniDocx({ headingStyles: true });
    expect(
      errorCodeOf(() => importPlan({ bytes: bytes.subarray(0, bytes.length / 2), filename: 'cut.docx' })),
    ).toBe('unsupported_input');
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    const other = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(errorCodeOf(() => importPlan({ bytes: other, filename: 'x.docx' }))).toBe('unsupported_input');
  });

  it('refuses zip entries that inflate beyond the limit (declared or actual)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document>' + ' '.repeat(2_000_000) + '</w:document>');
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(errorCodeOf(() => readDocx(bomb, { maxInflatedBytes: 1_000_000 }))).toBe('payload_too_large');

    // A central directory that declares 300 MB is refused before anything is inflated.
    const forged = bomb.slice();
    const view = new DataView(forged.buffer);
    for (let o = forged.length - 22; o >= 0; o--) {
      if (view.getUint32(o, true) === 0x02014b50) view.setUint32(o + 24, 300 * 1024 * 1024, true);
    }
    expect(errorCodeOf(() => importPlan({ bytes: forged, filename: 'bomb.docx' }))).toBe('payload_too_large');
  });

  it('refuses input over 50 MB', () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(errorCodeOf(() => importPlan({ bytes: big, filename: 'big.txt' }))).toBe('payload_too_large');
  });
});
