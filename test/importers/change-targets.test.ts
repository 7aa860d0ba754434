import { describe, expect, it } from 'vitest';
import type { DatasetIndicator } from '../../src/domain/dataset.ts';
import { evaluateIndicator } from '../../src/domain/evaluation/index.ts';
import { obs } from '../../src/domain/evaluation/testkit.ts';
import { importPlan } from '../../src/importers/import-plan.ts';
import { planDocumentToDataset } from '../../src/importers/to-dataset.ts';

/** A synthetic 15th-plan outline whose 主要目标 state changes from the baseline, not levels to reach. */
const OUTLINE = [
  '某县国民经济和社会发展第十五个五年规划纲要',
  '第一章 主要目标',
  '到2030年，主要目标是：',
  '——常住人口城镇化率提高4个百分点，人均预期寿命再提高1岁。',
  '——化肥施用量减少30吨，单位地区生产总值能源消耗降低13%。',
  '——居民人均可支配收入比2024年翻一番，研发机构达到60家。',
  '第二章 保障措施',
  '加强组织领导。',
].join('\n');

function indicators(): DatasetIndicator[] {
  const doc = importPlan({ bytes: new TextEncoder().encode(OUTLINE), filename: 'plan.txt' });
  const plan = planDocumentToDataset(doc).plans[0];
  if (!plan) throw new Error('no plan');
  return plan.indicators;
}

const byName = (name: string): DatasetIndicator => {
  const i = indicators().find((x) => x.name === name);
  if (!i)
    throw new Error(
      `no indicator ${name}: ${indicators()
        .map((x) => x.name)
        .join(', ')}`,
    );
  return i;
};

/** The indicator named, judged in 2030 (the period 2026–2030) on one earlier value and its 2030 value. */
const judgedIn2030 = (name: string, [year, value]: [number, number], final: number) =>
  evaluateIndicator(byName(name), [obs(year, value), obs(2030, final)], 2030, 'time', {
    periodStart: 2026,
    periodEnd: 2030,
  });

describe('prose change targets in the dataset', () => {
  it('pass 提高/再提高/减少/翻一番 as targets relative to the baseline year, and levels as they are', () => {
    const got = indicators().map((i) => [
      i.name,
      i.unit,
      i.kind,
      i.direction,
      i.baselineYear,
      i.target?.raw,
      i.target?.value ?? null,
    ]);
    expect(got).toEqual([
      ['常住人口城镇化率', '%', 'share', 'increase', 2025, '提高4个百分点', null],
      ['人均预期寿命', '岁', 'level', 'increase', 2025, '再提高1岁', null],
      ['化肥施用量', '吨', 'level', 'decrease', 2025, '减少30吨', null],
      ['单位地区生产总值能源消耗', '%', 'reduction', 'decrease', null, '降低13%', 13],
      ['居民人均可支配收入', null, 'level', 'increase', 2024, '比2024年翻一番', null],
      ['研发机构', '家', 'level', 'increase', null, '达到60家', 60],
    ]);
  });

  it('are judged against baseline + amount (提高4个百分点 from 60 is 64, not 4)', () => {
    const urban = judgedIn2030('常住人口城镇化率', [2025, 60], 62);
    expect(urban.target).toBe(64);
    expect(urban.verdict).not.toBe('achieved');
    const met = judgedIn2030('常住人口城镇化率', [2025, 60], 64.2);
    expect(met.verdict).toBe('achieved');
    const fert = judgedIn2030('化肥施用量', [2025, 500], 465);
    expect(fert.target).toBe(470);
    expect(fert.verdict).toBe('achieved');
    const income = judgedIn2030('居民人均可支配收入', [2024, 5], 8);
    expect(income.target).toBe(10);
    expect(income.verdict).not.toBe('achieved');
  });
});
