import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import type { PlanDocument } from '../../src/importers/plan-document.ts';
import { planDocumentSchema } from '../../src/importers/plan-document.ts';
import { sharedFiles } from '../support/shared-files.ts';

/**
 * The national 12th and 11th outlines as text extracted from their PDFs by a third party (headings run
 * into bodies, several headings on a line, no sentence punctuation, full-width digits, the title only
 * in the first sentence). Counts checked by reading the documents: 12th 16/62/167, 11th 14/48/142.
 */

interface Expected {
  file: string;
  title: string;
  period: { start: number; end: number };
  planNumber: number;
  /** 篇, 章, 节 as counted by reading the document. */
  totals: [number, number, number];
  chaptersPerPart: number[];
  sectionsPerChapter: number[];
  /** Prose targets of the 主要目标 chapter: text → [value, comparator, kind]. */
  targets: Record<string, [number, string, string]>;
  goalsChapter: string;
}

const CASES: Expected[] = [
  {
    file: 'cn-12th-fyp-2011.txt',
    title: '中华人民共和国国民经济和社会发展第十二个五年规划纲要',
    period: { start: 2011, end: 2015 },
    planNumber: 12,
    totals: [16, 62, 167],
    chaptersPerPart: [4, 4, 6, 3, 3, 6, 3, 7, 5, 3, 5, 4, 3, 2, 2, 2],
    sectionsPerChapter: [
      0, 0, 0, 0, 4, 3, 4, 3, 5, 3, 3, 4, 3, 2, 4, 4, 2, 5, 4, 3, 3, 4, 4, 3, 3, 3, 4, 4, 3, 2, 3, 4, 3, 6, 3,
      5, 2, 2, 2, 2, 4, 3, 2, 2, 3, 4, 3, 4, 3, 3, 3, 2, 0, 0, 0, 0, 3, 3, 0, 0, 4, 0,
    ],
    goalsChapter: '主要目标',
    targets: {
      '国内生产总值年均增长7%': [7, 'eq', 'cagr'],
      城镇新增就业4500万人: [4500, 'eq', 'cumulative'],
      '城镇登记失业率控制在5%以内': [5, 'lte', 'ceiling'],
      服务业增加值占国内生产总值比重提高4个百分点: [4, 'eq', 'share'],
      '九年义务教育巩固率达到93%': [93, 'eq', 'share'],
      '研究与试验发展经费支出占国内生产总值比重达到2.2%': [2.2, 'eq', 'share'],
      '耕地保有量保持在18.18亿亩': [18.18, 'gte', 'floor'],
      '单位国内生产总值能源消耗降低16%': [16, 'eq', 'reduction'],
      '非化石能源占一次能源消费比重达到11.4%': [11.4, 'eq', 'share'],
      '森林覆盖率提高到21.66%': [21.66, 'eq', 'share'],
      '全国总人口控制在13.9亿人以内': [13.9, 'lte', 'ceiling'],
      人均预期寿命提高1岁: [1, 'eq', 'level'],
      '城镇居民人均可支配收入和农村居民人均纯收入分别年均增长7%以上': [7, 'gte', 'cagr'],
    },
  },
  {
    file: 'cn-11th-fyp-2006.txt',
    title: '中华人民共和国国民经济和社会发展第十一个五年规划纲要',
    period: { start: 2006, end: 2010 },
    planNumber: 11,
    totals: [14, 48, 142],
    chaptersPerPart: [3, 6, 6, 3, 3, 5, 3, 5, 3, 5, 1, 1, 1, 3],
    sectionsPerChapter: [
      0, 0, 0, 4, 3, 4, 3, 0, 0, 4, 3, 4, 3, 2, 4, 5, 6, 0, 6, 5, 4, 6, 0, 4, 3, 2, 5, 5, 2, 3, 4, 2, 4, 3, 4,
      2, 2, 5, 5, 4, 5, 3, 3, 3, 3, 0, 0, 0,
    ],
    goalsChapter: '经济社会发展的主要目标',
    targets: {
      '国内生产总值年均增长7.5%': [7.5, 'eq', 'cagr'],
      人均国内生产总值比2000年翻一番: [2, 'eq', 'level'],
      '城镇登记失业率控制在5%': [5, 'lte', 'ceiling'],
      '研究与试验发展经费支出占国内生产总值比重增加到2%': [2, 'eq', 'share'],
      '单位国内生产总值能源消耗降低20%左右': [20, 'about', 'reduction'],
      '单位工业增加值用水量降低30%': [30, 'eq', 'reduction'],
      '城镇化率提高到47%': [47, 'eq', 'share'],
      国民平均受教育年限增加到9年: [9, 'eq', 'level'],
      '新型农村合作医疗覆盖率提高到80%以上': [80, 'gte', 'floor'],
      全国总人口控制在136000万人: [136000, 'lte', 'ceiling'],
      '主要污染物排放总量减少10%': [10, 'eq', 'reduction'],
      '森林覆盖率达到20%': [20, 'eq', 'share'],
    },
  },
];

for (const c of CASES) {
  const {
    paths: [path = ''],
    present,
    skipped,
  } = sharedFiles(`plans/${c.file}`);
  describe.skipIf(!present)(`golden: national outline ${c.file}${skipped}`, () => {
    const doc: PlanDocument = present
      ? importPlan({ bytes: readFileSync(path), filename: c.file })
      : (null as never);
    const chapters = () => doc.parts.flatMap((p) => p.chapters);

    it('validates and names the plan from its first sentence', () => {
      expect(planDocumentSchema.parse(doc)).toEqual(doc);
      expect(doc.meta).toMatchObject({
        title: c.title,
        titleSource: 'preamble',
        issuer: '中华人民共和国',
        period: c.period,
        planNumber: c.planNumber,
      });
    });

    it('has every 篇, 章 and 节, numbered without gaps, each 节 under its 章', () => {
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect([doc.parts.length, chapters().length, sum(chapters().map((ch) => ch.sections.length))]).toEqual(
        c.totals,
      );
      expect(doc.report.headings.map((h) => [h.count, h.gaps])).toEqual(c.totals.map((n) => [n, []]));
      expect(doc.parts.map((p) => p.chapters.length)).toEqual(c.chaptersPerPart);
      expect(doc.parts.map((p) => p.ordinal)).toEqual(c.chaptersPerPart.map((_, i) => i + 1));
      expect(chapters().map((ch) => ch.ordinal)).toEqual(c.sectionsPerChapter.map((_, i) => i + 1));
      expect(chapters().map((ch) => ch.sections.length)).toEqual(c.sectionsPerChapter);
      for (const ch of chapters())
        expect(ch.sections.map((s) => s.ordinal)).toEqual(ch.sections.map((_, i) => i + 1));
      expect(doc.chapters).toEqual([]);
      // Titles are the heading only, never the body glued to it.
      for (const node of [...doc.parts, ...chapters(), ...chapters().flatMap((ch) => ch.sections)]) {
        expect(node.title.length).toBeLessThanOrEqual(30);
        expect(node.title).not.toMatch(/[，。；：]/);
      }
    });

    it('dates the 主要目标 chapter’s prose targets to the end of the plan, with value and kind', () => {
      const goals = chapters().find((ch) => ch.title === c.goalsChapter);
      expect(goals).toBeDefined();
      const found = doc.targets.filter((t) => t.nodeId === goals?.id);
      expect(found.length).toBeGreaterThanOrEqual(10);
      for (const t of found) expect(t.year).toBe(c.period.end);
      for (const [text, [value, comparator, kind]] of Object.entries(c.targets)) {
        const t = found.find((x) => x.text === text);
        expect(t, text).toBeDefined();
        expect([t?.value.value, t?.value.comparator, t?.inferred.kind], text).toEqual([
          value,
          comparator,
          kind,
        ]);
      }
    });
  });
}
