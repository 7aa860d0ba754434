import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A small synthetic outline in traditional script (no real document's sentences). */
const TRADITIONAL = [
  '某市國民經濟和社會發展第十四個五年規劃和二〇三五年遠景目標綱要',
  '第一篇 總體要求',
  '第一章 發展環境',
  '「十三五」時期，全市經濟實現穩步增長。',
  '第二章 主要目標',
  '第一節 經濟發展',
  '到2025年，地區生產總值達到3000億元。',
  '第二節 創新驅動',
  '研發經費投入強度提高到3.5%。',
  '表1 「十四五」時期主要指標',
  '\t類別',
  '\t指標',
  '\t2020年',
  '\t2025年目標值',
  '\t屬性',
  '',
  '\t經濟發展',
  '\t地區生產總值（億元）',
  '\t2000',
  '\t3000',
  '\t預期性',
  '',
].join('\n');

describe('traditional script', () => {
  it('is parsed through simplified characters and keeps its own text', () => {
    const doc = importPlan({ bytes: enc(TRADITIONAL), filename: 'plan.txt' });
    expect(doc.report.script).toBe('traditional');
    expect(doc.meta).toMatchObject({
      title: '某市國民經濟和社會發展第十四個五年規劃和二〇三五年遠景目標綱要',
      issuer: '某市',
      period: { start: 2021, end: 2025 },
      visionYear: 2035,
      planNumber: 14,
    });
    const c2 = doc.parts[0]?.chapters[1];
    expect(c2?.sections.map((s) => [s.number, s.title])).toEqual([
      ['第一節', '經濟發展'],
      ['第二節', '創新驅動'],
    ]);
    expect(doc.tables).toHaveLength(1);
    expect(
      doc.tables[0]?.rows.map((r) => [r.category, r.name, r.unit, r.baseline?.value, r.target?.value]),
    ).toEqual([['經濟發展', '地區生產總值', '億元', 2000, 3000]]);
    expect(doc.targets.map((t) => [t.text, t.year])).toEqual([
      ['地區生產總值達到3000億元', 2025],
      ['研發經費投入強度提高到3.5%', 2025],
    ]);
  });

  it('reads half-converted text with pinyin left by a converter', () => {
    const doc = importPlan({
      bytes: enc('某區“十四五”規(guī)劃綱要\n第一章 經濟特區(qū)建設\n推動發展。\n'),
      filename: 'plan.txt',
    });
    expect(doc.chapters.map((c) => c.title)).toEqual(['經濟特區建設']);
    expect(doc.meta.period).toEqual({ start: 2021, end: 2025 });
  });
});
