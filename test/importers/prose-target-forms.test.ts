import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/importers/normalise.ts';
import { clauseTargets } from '../../src/importers/targets.ts';
import { sharedFiles } from '../support/shared-files.ts';

/**
 * How stated targets are written, read from the clauses of the real outlines in ../shared (found
 * there at run time by the words around the figure; the sentences are not copied here): the value,
 * its unit, its bound or band and the kind of target.
 */
const FILES = ['cn-12th-fyp-2011.txt', 'cn-11th-fyp-2006.txt', 'sip-14th-fyp-outline.txt'] as const;
const { paths, present, skipped } = sharedFiles(...FILES.map((f) => `plans/${f}`));

type File = (typeof FILES)[number];
interface Expect {
  value: number;
  unit: string | null;
  comparator: string;
  kind: string;
  low?: number | null;
  high?: number | null;
}

/** [file, words that locate the clause, the figure it states]. */
const REAL: [File, RegExp, Expect][] = [
  ['cn-12th-fyp-2011.txt', /总人口控制在/, { value: 13.9, unit: '亿人', comparator: 'lte', kind: 'ceiling' }],
  ['cn-12th-fyp-2011.txt', /失业率控制在/, { value: 5, unit: '%', comparator: 'lte', kind: 'ceiling' }],
  ['cn-11th-fyp-2006.txt', /污水处理率不低于/, { value: 70, unit: '%', comparator: 'gte', kind: 'floor' }],
  [
    'cn-12th-fyp-2011.txt',
    /生产能力达到.*以上/,
    { value: 5.4, unit: '亿吨', comparator: 'gte', kind: 'floor' },
  ],
  ['cn-11th-fyp-2006.txt', /接种率达到.*以上/, { value: 90, unit: '%', comparator: 'gte', kind: 'floor' }],
  ['cn-12th-fyp-2011.txt', /森林覆盖率提高到/, { value: 21.66, unit: '%', comparator: 'eq', kind: 'share' }],
  ['cn-12th-fyp-2011.txt', /建设用地下降/, { value: 30, unit: '%', comparator: 'eq', kind: 'reduction' }],
  ['sip-14th-fyp-outline.txt', /累计形成/, { value: 66, unit: '项', comparator: 'eq', kind: 'cumulative' }],
  [
    'sip-14th-fyp-outline.txt',
    /^地区生产总值年均增长.*左右$/,
    { value: 6.5, unit: '%', comparator: 'about', kind: 'about' },
  ],
  [
    'cn-12th-fyp-2011.txt',
    /城镇新增就业\d/,
    { value: 4500, unit: '万人', comparator: 'eq', kind: 'cumulative' },
  ],
  [
    'sip-14th-fyp-outline.txt',
    /一般公共预算收入突破/,
    { value: 450, unit: '亿元', comparator: 'gt', kind: 'floor' },
  ],
  [
    'sip-14th-fyp-outline.txt',
    /能耗降到/,
    { value: 0.035, unit: '吨标准煤/万元', comparator: 'lte', kind: 'ceiling' },
  ],
  [
    'cn-11th-fyp-2006.txt',
    /耕地保有量保持/,
    { value: 1.2, unit: '亿公顷', comparator: 'gte', kind: 'floor' },
  ],
  // Read only since this change: no verb before a 公顷/立方米 figure, a rate per 100,000, a band, 微克/立方米.
  [
    'cn-12th-fyp-2011.txt',
    /新增森林面积/,
    { value: 1250, unit: '万公顷', comparator: 'eq', kind: 'cumulative' },
  ],
  [
    'cn-12th-fyp-2011.txt',
    /新增年供水能力/,
    { value: 400, unit: '亿立方米', comparator: 'eq', kind: 'cumulative' },
  ],
  [
    'cn-11th-fyp-2006.txt',
    /孕产妇死亡率降至/,
    { value: 40, unit: '/10万', comparator: 'lte', kind: 'ceiling' },
  ],
  [
    'cn-12th-fyp-2011.txt',
    /孕产妇死亡率降到/,
    { value: 22, unit: '/10万', comparator: 'lte', kind: 'ceiling' },
  ],
  [
    'sip-14th-fyp-outline.txt',
    /^建成\d+-\d+个/,
    { value: 4, unit: '个', comparator: 'range', kind: 'range', low: 3, high: 5 },
  ],
  [
    'sip-14th-fyp-outline.txt',
    /^争取建成\d+-\d+个/,
    { value: 1.5, unit: '个', comparator: 'range', kind: 'range', low: 1, high: 2 },
  ],
  [
    'sip-14th-fyp-outline.txt',
    /平均浓度\d+微克/,
    { value: 33, unit: '微克/立方米', comparator: 'eq', kind: 'level' },
  ],
];

function clausesOf(file: File): string[] {
  return normaliseText(readFileSync(paths[FILES.indexOf(file)]!, 'utf8'))
    .split(/[，,；;。！？：:\n\t]/)
    .map((c) => c.trim());
}

function shape(clause: string): Expect[] {
  return clauseTargets(normaliseText(clause)).map((t) => ({
    value: t.value.value ?? NaN,
    unit: t.unit,
    comparator: t.value.comparator,
    kind: t.inferred.kind,
    low: t.value.low,
    high: t.value.high,
  }));
}

describe.skipIf(!present)(`stated targets in the real outlines${skipped}`, () => {
  const clauses = new Map(present ? FILES.map((f) => [f, clausesOf(f)] as const) : []);
  for (const [file, where, want] of REAL) {
    it(`${file} ${String(where)}: ${want.value} ${want.unit ?? ''} ${want.comparator} → ${want.kind}`, () => {
      const clause = clauses.get(file)?.find((c) => where.test(c));
      expect(clause, String(where)).toBeDefined();
      const got = shape(clause ?? '');
      expect(got[0], clause).toMatchObject(want);
      // The figure's unit and bound stay in the target's own wording.
      const t = clauseTargets(clause ?? '')[0];
      if (want.unit !== null) expect(t?.value.raw).toContain(want.unit);
    });
  }
});

describe('stated targets in common forms (synthetic clauses)', () => {
  const cases: [string, Expect & { raw: string }][] = [
    [
      '细颗粒物（PM2.5）平均浓度降至25微克/立方米以下',
      {
        value: 25,
        unit: '微克/立方米',
        comparator: 'lte',
        kind: 'ceiling',
        raw: '降至25微克/立方米以下',
        high: 25,
      },
    ],
    [
      '地区生产总值年均增长5%—6%',
      { value: 5.5, unit: '%', comparator: 'range', kind: 'range', raw: '增长5%—6%', low: 5, high: 6 },
    ],
    ['居民收入年均增长5—6%', { value: 5.5, unit: '%', comparator: 'range', kind: 'range', raw: '增长5—6%' }],
    [
      '居民收入年均增长 7 % 左右',
      { value: 7, unit: '%', comparator: 'about', kind: 'about', raw: '增长7%左右' },
    ],
    [
      '单位能耗降低13%—14%',
      {
        value: 13.5,
        unit: '%',
        comparator: 'range',
        kind: 'reduction',
        raw: '降低13%—14%',
        low: 13,
        high: 14,
      },
    ],
    [
      '单位产值能耗下降到0.4吨标准煤/万元',
      {
        value: 0.4,
        unit: '吨标准煤/万元',
        comparator: 'lte',
        kind: 'ceiling',
        raw: '下降到0.4吨标准煤/万元',
      },
    ],
    [
      '全社会用电量达到600亿千瓦时',
      { value: 600, unit: '亿千瓦时', comparator: 'eq', kind: 'level', raw: '达到600亿千瓦时' },
    ],
    [
      '建设用地规模控制在2100平方公里以内',
      { value: 2100, unit: '平方公里', comparator: 'lte', kind: 'ceiling', raw: '控制在2100平方公里以内' },
    ],
  ];
  for (const [clause, want] of cases) {
    it(`${clause} → ${want.raw}`, () => {
      const t = clauseTargets(normaliseText(clause));
      expect(t).toHaveLength(1);
      expect({ ...shape(clause)[0], raw: t[0]?.value.raw }).toMatchObject(want);
    });
  }

  it('a year range is not a band', () => {
    expect(clauseTargets('规划期为2026—2030年')).toEqual([]);
  });
});
