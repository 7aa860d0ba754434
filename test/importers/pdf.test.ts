import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLantuError } from '../../src/domain/errors.ts';
import { importPlanAsync } from '../../src/importers/import-plan.ts';
import type { PlanDocument } from '../../src/importers/plan-document.ts';

const SIP_PDF = resolve(import.meta.dirname, '../../../shared/plans/sip-14th-fyp-outline.pdf');
const present = existsSync(SIP_PDF);

/** A one-page PDF without any text (what a scan without OCR looks like to a text reader). */
function blankPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('.pdf import', () => {
  it('refuses a PDF without a text layer in one line saying OCR is not supported', async () => {
    const err = await importPlanAsync({ bytes: blankPdf(), filename: 'scan.pdf' }).catch((e: unknown) => e);
    expect(isLantuError(err) && err.code).toBe('unsupported_input');
    expect(String((err as Error).message)).toMatch(/no text layer.*OCR is not supported/);
    expect(String((err as Error).message)).not.toContain('\n');
  });

  it('refuses bytes that only claim to be a PDF with a typed error', async () => {
    const err = await importPlanAsync({
      bytes: new TextEncoder().encode('%PDF-1.7\ngarbage'),
      filename: 'x.pdf',
    }).catch((e: unknown) => e);
    expect(isLantuError(err) && err.code).toBe('unsupported_input');
  });
});

describe.skipIf(!present)(
  `golden: SIP outline as PDF${present ? '' : ' (skipped: ../shared/plans/sip-14th-fyp-outline.pdf absent)'}`,
  () => {
    let doc: PlanDocument;
    it('gives the tree of the .txt: 6 篇, 26 章, 70 节, 6 boxes, the title and period', async () => {
      doc = await importPlanAsync({ bytes: readFileSync(SIP_PDF), filename: 'sip-14th-fyp-outline.pdf' });
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
    }, 120_000);
  },
);
