import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import type { PlanDocument } from '../../src/importers/plan-document.ts';

/**
 * A plan title set over two lines at the top of text without sentence punctuation (each line a
 * paragraph, as PDF extraction leaves it): the lines are one title. Synthetic text only.
 */
const BODY = [
  '第一章 发展环境',
  ...Array.from({ length: 14 }, (_, i) => `全市经济社会发展取得第${i + 1}项新的显著成绩并且城乡面貌持续改善`),
  '第二章 主要目标',
  '到2030年地区生产总值年均增长5%左右',
];
const load = (head: string[]): PlanDocument =>
  importPlan({ bytes: new TextEncoder().encode([...head, ...BODY].join('\n')), filename: 'plan.txt' });

describe('a title over two lines', () => {
  const FULL = '某市国民经济和社会发展第十五个五年规划纲要';
  const VISION = '某市国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要';
  const cases: [string[], string, number | null][] = [
    [['某市国民经济和社会发展第十五个五年规划和', '二〇三五年远景目标纲要'], VISION, 2035],
    [['某市国民经济和社会发展第十五个五年规划和二〇三五年', '远景目标纲要'], VISION, 2035],
    [['某市国民经济和社会发展', '第十五个五年规划纲要'], FULL, null],
    [['某市国民经济和社会发展第十五个五年', '（2026—2030年）规划纲要'], FULL, null],
    // The first sentence names the plan, its first words on the line before.
    [
      [
        '某市国民经济和社会发展第十五个五年',
        '（2026—2030年）规划纲要，根据市委建议编制，是全市今后五年的行动纲领',
      ],
      FULL,
      null,
    ],
    // Lines that do not go on with the name stay out of it.
    [['某市日报 2026年3月2日 第01版', FULL, '（草案）'], FULL, null],
  ];
  for (const [head, title, visionYear] of cases) {
    it(`${head.join(' / ')} → ${title}`, () => {
      expect(load(head).meta).toMatchObject({
        title,
        issuer: '某市',
        period: { start: 2026, end: 2030 },
        planNumber: 15,
        visionYear,
      });
    });
  }

  it('takes the period from the line after the name, also for a plan that is not a five-year plan', () => {
    const doc = load(['长三角某区域一体化发展规划纲要', '（2019—2025年）']);
    expect(doc.meta).toMatchObject({
      title: '长三角某区域一体化发展规划纲要',
      period: { start: 2019, end: 2025 },
      planNumber: null,
    });
  });
});
