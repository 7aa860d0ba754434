import { describe, expect, it } from 'vitest';
import type { DatasetIndicator } from '../dataset.ts';
import { csvObservations, matchIndicator, parseCsv } from './dataset-input.ts';
import { evaluatePlan, inferRelatedCode } from './summary.ts';
import { makeSpec, obs } from './testkit.ts';

const ind = (code: string, name: string, unit: string | null): DatasetIndicator => ({
  ...makeSpec({ code, name, unit }),
  nodePath: null,
  tableNumber: 2,
  rowNumber: 1,
});
const inds = [ind('T2-01', '地区生产总值年均增速', '%'), ind('T2-11', '国家高新技术企业数', '家')];

describe('matchIndicator', () => {
  it.each([
    ['T2-01', 'T2-01'],
    ['地区生产总值年均增速', 'T2-01'],
    ['地区生产总值年均增速（%）', 'T2-01'],
    ['地区生产总值年均增速(%)', 'T2-01'],
    [' 国家高新技术企业数（家） ', 'T2-11'],
  ])('%s → %s', (key, code) => {
    expect(matchIndicator(key, inds)?.code).toBe(code);
  });
  it('unknown → null', () => expect(matchIndicator('GDP', inds)).toBeNull());
});

describe('parseCsv', () => {
  it('handles quotes, BOM, CRLF and blank lines', () => {
    const rows = parseCsv('\uFEFFa,b\r\n"x, ""y""",2\r\n\r\nlast,3');
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
      ['last', '3'],
    ]);
    expect(rows[2]?.line).toBe(4);
  });
});

describe('csvObservations', () => {
  it('reads numbers, text and kinds; CSV values carry revision 1', () => {
    const r = csvObservations(
      'indicator,year,value,kind\nT2-11,2022,"3,100"\nT2-01,2021,完成\nT2-01,2021,6.5,assigned\n',
      inds,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.get('T2-11')).toEqual([
      { year: 2022, value: 3100, text: null, kind: 'actual', revision: 1 },
    ]);
    expect(r.value.get('T2-01')?.map((o) => [o.text, o.kind])).toEqual([
      ['完成', 'actual'],
      [null, 'assigned'],
    ]);
  });
  it('reports bad years and kinds with line numbers', () => {
    const r = csvObservations('T2-11,20x2,1\nT2-11,2022,1,planned\n', inds);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation_failed');
    expect(r.error.message).toContain('line 1');
    expect(r.error.message).toContain('line 2');
  });
});

describe('plan-level rules', () => {
  it('infers the GDP indicator for a relational target without relatedCode', () => {
    const gdp = makeSpec({
      code: 'G',
      name: '地区生产总值年均增速',
      kind: 'cagr',
      unit: '%',
      target: '6.5',
      baseline: 6.5,
    });
    const inc = makeSpec({
      code: 'I',
      name: '居民人均可支配收入增长率',
      kind: 'relational',
      unit: '%',
      target: '与GDP增长同步',
    });
    expect(inferRelatedCode(inc, [gdp, inc])).toBe('G');
    const r = evaluatePlan({
      indicators: [gdp, inc],
      observations: new Map([
        ['G', [obs(2022, 6)]],
        ['I', [obs(2022, 5.8)]],
      ]),
      year: 2022,
    });
    const i = r.indicators.find((x) => x.code === 'I');
    expect(i?.verdict).toBe('on_track');
    expect(i?.notes.some((n) => n.zh.includes('对比指标未指定'))).toBe(true);
  });

  it('a decrease indicator whose target sits above the baseline is a ceiling (失业率 1.8 → 2)', () => {
    const s = makeSpec({
      kind: 'share',
      direction: 'decrease',
      baseline: 1.8,
      target: '2',
      attribute: 'binding',
    });
    const r = evaluatePlan({
      indicators: [s],
      observations: new Map([['X-1', [obs(2022, 1.95)]]]),
      year: 2022,
    });
    expect(r.indicators[0]?.verdict).toBe('on_track');
    const e = evaluatePlan({
      indicators: [{ ...s, attribute: 'expected' }],
      observations: new Map([['X-1', [obs(2022, 2.1)]]]),
      year: 2022,
    });
    expect(e.indicators[0]?.verdict).toBe('lagging');
  });

  it('a cumulative indicator with a baseline total reads values as running totals (各类总部累计数 95 → 150)', () => {
    const s = makeSpec({ kind: 'cumulative', baseline: 95, target: '150' });
    const r = evaluatePlan({
      indicators: [s],
      observations: new Map([['X-1', [obs(2022, 117)]]]),
      year: 2022,
    });
    expect(r.indicators[0]?.progress).toBeCloseTo(0.4, 6);
    expect(r.indicators[0]?.verdict).toBe('on_track');
  });

  it('mid-period summary sentence uses the report vocabulary', () => {
    const a = makeSpec({ code: 'A', baseline: 0, target: '10' });
    const b = makeSpec({ code: 'B', baseline: 0, target: '10', attribute: 'binding' });
    const r = evaluatePlan({
      indicators: [a, b],
      observations: new Map([
        ['A', [obs(2022, 1)]],
        ['B', [obs(2022, 10)]],
      ]),
      year: 2022,
    });
    expect(r.indicators.map((i) => i.code)).toEqual(['B', 'A']);
    expect(r.summary.sentence.zh).toBe(
      '2项主要指标中，1项提前实现，0项快于预期，0项基本符合预期，1项滞后，0项数据暂缺。',
    );
    expect(r.summary.bindingSentence?.zh).toBe(
      '其中约束性指标1项，1项提前实现，0项快于预期，0项基本符合预期，0项滞后，0项数据暂缺。',
    );
    const t = evaluatePlan({
      indicators: [a],
      observations: new Map([['A', [obs(2022, 1)]]]),
      year: 2022,
      method: 'trend',
    });
    expect(t.summary.sentence.zh).toContain('需加快进度');
  });
});
