import { describe, expect, it } from 'vitest';
import { inferKind } from './kind-inference.ts';
import { parseQuantity } from '../domain/quantity-parser.ts';

function kindOf(name: string, unit: string | null, baseline: string | null, target: string) {
  return inferKind({
    name,
    unit,
    baseline: baseline === null ? null : parseQuantity(baseline),
    target: parseQuantity(target),
  });
}

describe('inferKind', () => {
  it.each([
    ['单位地区生产总值能源消耗降低', '%', '完成市下达任务', '完成市下达任务', 'assigned', 'decrease'],
    ['万元地区生产总值COD排放强度', '千克/万元', null, '完成市下达目标', 'assigned', 'decrease'],
    ['空气质量优良天数比率', '%', '完成市下达任务', '完成市下达任务', 'assigned', 'none'],
    ['居民人均可支配收入增长率', '%', '与GDP增长同步', '与GDP增长同步', 'relational', 'none'],
    ['居民人均可支配收入增幅', '%', null, '高于GDP增幅', 'relational', 'none'],
    ['地区生产总值年均增速', '%', '6.5', '6.5', 'cagr', 'increase'],
    ['地区生产总值年均增长速度', '%', null, '7左右', 'about', 'none'],
    ['各类总部累计数', '家', '95', '150', 'level', 'increase'],
    ['累计引进高层次人才', '人', null, '4', 'cumulative', 'increase'],
    ['新增保障性住房面积', '万平方米', null, '33.6', 'cumulative', 'increase'],
    ['每万人当年新增发明专利授权数', '件', null, '30-32', 'range', 'none'],
    ['每万人当年新增发明专利授权数', '件', null, '46', 'level', 'increase'],
    ['公众安全感', '%', null, '98', 'level', 'increase'],
    ['服务业增加值占地区生产总值比重', '%', null, '50左右', 'about', 'none'],
    ['每万人口拥有高价值发明专利数', '件', null, '30-32', 'range', 'none'],
    ['全社会R&D经费占地区生产总值比重', '%', null, '5以上', 'floor', 'increase'],
    ['社会文明程度测评指数', null, '90以上', '92以上', 'floor', 'increase'],
    ['某排放总量', '万吨', null, '<5.5', 'ceiling', 'decrease'],
    ['社区养老服务设施覆盖率', '%', '100', '100', 'maintain', 'none'],
    ['服务贸易占进出口总额比重', '%', '11', '16', 'share', 'increase'],
    ['城镇登记失业率', '%', '1.8', '2', 'share', 'decrease'],
    ['进出口总额', '亿美元', '920', '1000', 'level', 'increase'],
  ] as const)('%s %s → %s', (name, unit, baseline, target, kind, direction) => {
    const g = kindOf(name, unit, baseline, target);
    expect(g.kind).toBe(kind);
    expect(g.direction).toBe(direction);
    expect(g.rule).toMatch(/→|default/);
  });
});
