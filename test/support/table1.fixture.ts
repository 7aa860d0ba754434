/**
 * Facts of Table 1 of the SIP 14th-plan outline (表1 园区“十三五”经济社会发展指标执行情况):
 * row, name, unit, 2020 target as printed, 2020 result as printed, attribute — plus the kind and direction a
 * curator would give each row. Used until the importer / data/sip-14th/dataset.json can supply the same rows.
 */
import type { Attribute, Direction, IndicatorSpec, TargetKind } from '../../src/domain/indicator.ts';
import type { Comparator, Quantity } from '../../src/domain/quantity.ts';
import type { EvaluationObservation } from '../../src/domain/evaluation/types.ts';

export interface Table1Row {
  row: number;
  category: string;
  name: string;
  unit: string | null;
  target: string;
  result: string;
  attribute: Attribute;
  kind: TargetKind;
  direction: Direction;
  relatedRow?: number;
}

export const TABLE1_ROWS: readonly Table1Row[] = [
  {
    row: 1,
    category: '经济结构',
    name: '地区生产总值年均增长速度',
    unit: '%',
    target: '7左右',
    result: '6.5',
    attribute: 'expected',
    kind: 'cagr',
    direction: 'increase',
  },
  {
    row: 2,
    category: '经济结构',
    name: '服务业增加值占地区生产总值比重',
    unit: '%',
    target: '50左右',
    result: '52.3',
    attribute: 'expected',
    kind: 'share',
    direction: 'increase',
  },
  {
    row: 3,
    category: '经济结构',
    name: '金融产业增加值占地区生产总值比重',
    unit: '%',
    target: '9',
    result: '9',
    attribute: 'expected',
    kind: 'share',
    direction: 'increase',
  },
  {
    row: 4,
    category: '经济结构',
    name: '文化产业增加值占地区生产总值比重',
    unit: '%',
    target: '10',
    result: '7.1',
    attribute: 'expected',
    kind: 'share',
    direction: 'increase',
  },
  {
    row: 5,
    category: '经济结构',
    name: '高新技术产业产值占规模以上工业总产值比重',
    unit: '%',
    target: '70',
    result: '72.4',
    attribute: 'expected',
    kind: 'share',
    direction: 'increase',
  },
  {
    row: 6,
    category: '经济结构',
    name: '新兴产业产值占规模以上工业总产值比重',
    unit: '%',
    target: '60',
    result: '62',
    attribute: 'expected',
    kind: 'share',
    direction: 'increase',
  },
  {
    row: 7,
    category: '创新发展',
    name: '全社会R&D经费占地区生产总值比重',
    unit: '%',
    target: '5以上',
    result: '4.5',
    attribute: 'expected',
    kind: 'floor',
    direction: 'increase',
  },
  {
    row: 8,
    category: '创新发展',
    name: '研发机构总数累计',
    unit: '家',
    target: '500',
    result: '560',
    attribute: 'expected',
    kind: 'level',
    direction: 'increase',
  },
  {
    row: 9,
    category: '创新发展',
    name: '大专以上人才占就业人口的比重',
    unit: '%',
    target: '43',
    result: '51',
    attribute: 'expected',
    kind: 'share',
    direction: 'increase',
  },
  {
    row: 10,
    category: '创新发展',
    name: '每万人当年新增发明专利授权数',
    unit: '件',
    target: '30-32',
    result: '46',
    attribute: 'expected',
    kind: 'range',
    direction: 'increase',
  },
  {
    row: 11,
    category: '人民生活',
    name: '区域常住人口',
    unit: '万人',
    target: '96',
    result: '人普结果尚未发布',
    attribute: 'expected',
    kind: 'level',
    direction: 'increase',
  },
  {
    row: 12,
    category: '人民生活',
    name: '居民人均可支配收入增幅',
    unit: '%',
    target: '高于GDP增幅',
    result: '与GDP增长同步',
    attribute: 'expected',
    kind: 'relational',
    direction: 'increase',
    relatedRow: 1,
  },
  {
    row: 13,
    category: '人民生活',
    name: '城镇登记失业率',
    unit: '%',
    target: '2',
    result: '1.8',
    attribute: 'binding',
    kind: 'ceiling',
    direction: 'decrease',
  },
  {
    row: 14,
    category: '人民生活',
    name: '新增保障性住房面积',
    unit: '万平方米',
    target: '33.6',
    result: '61',
    attribute: 'binding',
    kind: 'level',
    direction: 'increase',
  },
  {
    row: 15,
    category: '公共服务',
    name: '高等教育毛入学率',
    unit: '%',
    target: '75',
    result: '75',
    attribute: 'expected',
    kind: 'share',
    direction: 'increase',
  },
  {
    row: 16,
    category: '公共服务',
    name: '人均公益性文化设施面积',
    unit: '平方米',
    target: '0.3',
    result: '0.33',
    attribute: 'binding',
    kind: 'level',
    direction: 'increase',
  },
  {
    row: 17,
    category: '公共服务',
    name: '每千人拥有医生数',
    unit: '名',
    target: '2.5',
    result: '3.0',
    attribute: 'binding',
    kind: 'level',
    direction: 'increase',
  },
  {
    row: 18,
    category: '公共服务',
    name: '每千名老人拥有社会养老机构床位数',
    unit: '张',
    target: '50',
    result: '50',
    attribute: 'binding',
    kind: 'level',
    direction: 'increase',
  },
  {
    row: 19,
    category: '资源环境',
    name: '万元地区生产总值能耗降幅',
    unit: '%',
    target: '完成市下达目标',
    result: '完成',
    attribute: 'binding',
    kind: 'assigned',
    direction: 'increase',
  },
  {
    row: 20,
    category: '资源环境',
    name: '万元地区生产总值COD排放强度',
    unit: '千克/万元',
    target: '完成市下达目标',
    result: '完成',
    attribute: 'binding',
    kind: 'assigned',
    direction: 'decrease',
  },
  {
    row: 21,
    category: '资源环境',
    name: '万元地区生产总值二氧化硫排放强度',
    unit: '千克/万元',
    target: '完成市下达目标',
    result: '完成',
    attribute: 'binding',
    kind: 'assigned',
    direction: 'decrease',
  },
  {
    row: 22,
    category: '资源环境',
    name: '新建建筑中绿色建筑（住宅和公建）所占比重',
    unit: '%',
    target: '100',
    result: '100',
    attribute: 'binding',
    kind: 'maintain',
    direction: 'increase',
  },
];

/** A printed cell as a Quantity (only the forms Table 1 uses). */
export function quantity(raw: string): Quantity {
  const q = (
    comparator: Comparator,
    value: number | null,
    low: number | null,
    high: number | null,
  ): Quantity => ({ raw, value, comparator, low, high });
  let m = /^([\d.]+)左右$/.exec(raw);
  if (m?.[1] !== undefined) return q('about', Number(m[1]), Number(m[1]), Number(m[1]));
  m = /^([\d.]+)以上$/.exec(raw);
  if (m?.[1] !== undefined) return q('gte', Number(m[1]), Number(m[1]), null);
  m = /^([\d.]+)-([\d.]+)$/.exec(raw);
  if (m?.[1] !== undefined && m[2] !== undefined)
    return q('range', (Number(m[1]) + Number(m[2])) / 2, Number(m[1]), Number(m[2]));
  if (/^[\d.]+$/.test(raw)) return q('eq', Number(raw), Number(raw), Number(raw));
  return q('text', null, null, null);
}

export const code = (row: number): string => `T1-${String(row).padStart(2, '0')}`;

export function table1Specs(): IndicatorSpec[] {
  return TABLE1_ROWS.map((r) => ({
    code: code(r.row),
    name: r.name,
    unit: r.unit,
    category: r.category,
    attribute: r.attribute,
    kind: r.kind,
    direction: r.direction,
    baselineYear: 2015,
    baseline: null,
    targetYear: 2020,
    target: quantity(r.target),
    tolerance: null,
    relatedCode: r.relatedRow !== undefined ? code(r.relatedRow) : null,
    departments: [],
    frequency: 'annual',
    dataSource: null,
    origin: 'table',
    kindRule: 'curated',
  }));
}

/** The 2020 result column as observations; a 年均增速 result covers the whole period (span 5). */
export function table1Observations(): Map<string, EvaluationObservation[]> {
  const m = new Map<string, EvaluationObservation[]>();
  for (const r of TABLE1_ROWS) {
    const n = Number(r.result);
    const isNum = r.result.trim() !== '' && Number.isFinite(n);
    m.set(code(r.row), [
      {
        year: 2020,
        value: isNum ? n : null,
        text: isNum ? null : r.result,
        kind: 'actual',
        span: r.kind === 'cagr' ? 5 : 1,
      },
    ]);
  }
  return m;
}
