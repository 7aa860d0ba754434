import type { Direction, TargetKind } from '../domain/indicator.ts';
import type { Quantity } from '../domain/quantity.ts';
import type { KindGuess } from './plan-document.ts';

export interface KindInput {
  /** Indicator name or the metric phrase of a prose target (with its verb, e.g. "累计引进高层次人才超过"). */
  name: string;
  unit: string | null;
  baseline: Quantity | null;
  target: Quantity | null;
}

const ASSIGNED_RE = /完成.{0,6}下达|上级下达|下达(?:任务|目标)/;
const RELATIONAL_RE = /同步|高于.{0,10}(?:增幅|增速|增长)|快于|不低于.{0,10}(?:增幅|增速|增长)/;
const CAGR_RE = /年均|增长速度|增速|增长率|增幅/;
const REDUCTION_RE = /降低|下降|降幅|减少|削减/;
const CUMULATIVE_RE = /累计|新增/;
/** 当年新增 / 年度新增: a yearly flow, not a total over the period. */
const ANNUAL_FLOW_RE = /当年|年度|每年/;
const SHARE_RE = /比重|占比|比例|比率|覆盖率|普及率|达标率|率$/;
const DECREASE_RE = /失业率|能耗|能源消耗|排放|事故|死亡|污染|PM2\.?5|降低|下降|降幅|减少/;

function direction(name: string, kind: TargetKind): Direction {
  switch (kind) {
    case 'reduction':
    case 'ceiling':
      return 'decrease';
    case 'maintain':
    case 'range':
    case 'about':
    case 'relational':
      return 'none';
    case 'assigned':
      return DECREASE_RE.test(name) ? 'decrease' : 'none';
    case 'level':
    case 'share':
    case 'cagr':
    case 'cumulative':
    case 'floor':
      return DECREASE_RE.test(name) ? 'decrease' : 'increase';
  }
}

function guess(name: string, kind: TargetKind, rule: string): KindGuess {
  return { kind, direction: direction(name, kind), rule };
}

/**
 * Infers how a target is stated — and therefore how progress is measured — from the indicator name,
 * its unit and the wording of the values. The first rule that matches wins; the rule is returned so a
 * user can see why and override it. Order matters: words in the target cell (下达, 同步) beat the
 * name; the name's growth/reduction/cumulative wording beats a bound; a
 * band (左右, a-b) beats the name; a bound beats share/level. A percentage alone is not a share
 * (教育现代化水平（%）is a level).
 */
export function inferKind(input: KindInput): KindGuess {
  const { name, baseline, target } = input;
  const targetText = target?.comparator === 'text' ? target.raw : '';
  if (ASSIGNED_RE.test(targetText)) return guess(name, 'assigned', 'target text 完成上级下达任务 → assigned');
  if (RELATIONAL_RE.test(targetText))
    return guess(
      name,
      'relational',
      'target text compares with another indicator (与…同步 / 高于…增幅) → relational',
    );
  if (target && /^[〔［[【]/.test(target.raw.trim())) {
    return REDUCTION_RE.test(name)
      ? guess(name, 'reduction', 'target in 〔〕 (five-year cumulative) and name says 降低 → reduction')
      : guess(name, 'cumulative', 'target in 〔〕 → five-year cumulative');
  }
  switch (target?.comparator) {
    case 'range':
      return guess(name, 'range', 'target is a range (a-b) → range');
    case 'about':
      return guess(name, 'about', 'target says 左右 → about');
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
    case 'eq':
    case 'none':
    case 'text':
    case undefined:
      break;
  }
  if (CAGR_RE.test(name)) return guess(name, 'cagr', 'name says 年均/增速/增长率 → cagr');
  if (REDUCTION_RE.test(name)) return guess(name, 'reduction', 'name says 降低/下降 → reduction');
  if (CUMULATIVE_RE.test(name) && !ANNUAL_FLOW_RE.test(name)) {
    if (baseline?.comparator === 'eq' && baseline.value !== null && baseline.value > 0) {
      return guess(name, 'level', 'name says 累计 but the baseline is a running total → level');
    }
    return guess(name, 'cumulative', 'name says 累计/新增 → cumulative');
  }
  switch (target?.comparator) {
    case 'gte':
    case 'gt':
      return guess(name, 'floor', 'target says 以上/不少于/突破/> → floor');
    case 'lte':
    case 'lt':
      return guess(name, 'ceiling', 'target says 以内/以下/< → ceiling');
    case 'eq':
    case 'none':
    case 'text':
    case undefined:
      break;
  }
  if (
    baseline?.comparator === 'eq' &&
    target?.comparator === 'eq' &&
    baseline.value !== null &&
    baseline.value === target.value
  ) {
    return guess(name, 'maintain', 'baseline equals target → maintain');
  }
  if (SHARE_RE.test(name)) return guess(name, 'share', 'name says 比重/比例/率 → share');
  return guess(name, 'level', 'default: a level to reach');
}
