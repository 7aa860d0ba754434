import type { Comparator, Quantity } from '../domain/quantity.ts';
import { inferKind } from './kind-inference.ts';
import { planNumberOf } from './meta.ts';
import { parseNumeral } from '../domain/numerals.ts';
import type { KindGuess, ProseTarget } from './plan-document.ts';
import { boundedQuantity } from '../domain/quantity-parser.ts';

/** One run of text to search, with where it sits. */
export interface TextUnit {
  text: string;
  nodeId: string;
  boxNumber: number | null;
  source: string;
  /** Year that holds for the whole unit (e.g. inside the section "“十四五”时期发展目标"); null if none. */
  defaultYear: number | null;
}

const VERBS = [
  '累计不少于',
  '累计超过',
  '累计突破',
  '累计达到',
  '累计达',
  '累计超',
  '不少于',
  '不低于',
  '达到',
  '突破',
  '超过',
  '降低到',
  '下降到',
  '下降至',
  '减少到',
  '减少至',
  '降到',
  '降至',
  '控制在',
  '提高到',
  '提高至',
  '提升到',
  '提升至',
  '增长到',
  '增加到',
  '保持在',
  '稳定在',
  '增长',
  '增加到',
  '扩大到',
  '保持在',
  '保持',
  '达',
  '超',
];
/** Verbs that state a change from the baseline rather than a level: 降低16%, 提高4个百分点, 再提高1岁. */
const CHANGE_VERBS = ['降低', '下降', '减少', '削减', '再提高', '提高', '提升', '增加', '上升'];
const CHANGE_TAIL_RE = new RegExp(`(${CHANGE_VERBS.join('|')})(约)?$`);
const DOUBLING_RE = /(比[^，；。]{1,12}?)翻(一|两|二|三)番/;
const VERB_TAIL_RE = new RegExp(`(${VERBS.join('|')})(约)?$`);
/**
 * The unit after a number: %, counts (万人, 亿元, 家), measures (万公顷, 亿立方米, 万吨标准煤, 亿千瓦时), per-units
 * (吨标准煤/万元, 微克/立方米, 亿元/平方公里) and rates per 100,000 (孕产妇死亡率22/10万).
 */
const UNIT_RE =
  /^(?:%|‰|\/10万(?:人)?|[万亿千百]*(?:美元|元|人次|人|家|个|件|项|座|所|张|名|幢|栋|平方公里|平方米|立方米|公顷|亩|吨标准煤|吨|千瓦时|千瓦|户|套|公里|辆|床|篇|倍|艘|条|微克|毫克)(?:\/[万亿千百]*(?:元|平方公里|立方米|升|人|户))?)/;
/** Units that only count after a verb (达到74.5岁, 提高4个百分点, 增加到9年, 增加6亿立方米). */
const VERB_UNIT_RE = /^(?:个百分点|岁|年|[万亿]?(?:立方米|公顷|千瓦时|千瓦|标准煤))/;
/** 以上/左右/以内/以下 after the number and unit, also after a space left by extraction (`5% 左右`). */
const SUFFIX_RE = /^\s*(以上|左右|以内|以下)/;
/** The second number of a range: `5%—6%`, `5—6%`, `3-5个`, `5%至6%` (not a year range: no 年 after it). */
const RANGE_END_RE = /^(%?)\s*[-~～—–－至]\s*(\d+(?:\.\d+)?)(?!\d|\.\d|\s*年)/;
const NUMBER_RE = /\d+(?:\.\d+)?/g;
const LEAD_NOISE_RE =
  /^(?:[、，—－-]|到\s*20\d\d\s*年(?:底|末)?|“十[一二三四五六七八九]五”(?:期间|时期|末)|园区|争取|确保|力争|努力|其中|并|使|预计|基本|全面|实现)+/;
const METRIC_TAIL_NOISE_RE = /(?:分别|各|再)+$/;
/** The lead-in of a 主要目标 list dates what follows to the end of the plan period. */
const PLAN_END_RE =
  /(?:今后|未来)五年|规划期(?:末|内)|主要目标是|发展目标是|(?:以下|如下)(?:经济社会)?(?:发展)?(?:的)?主要目标/;

function comparatorOf(verb: string | null, suffix: string | null): Comparator {
  if (suffix === '以上') return 'gte';
  if (suffix === '左右') return 'about';
  if (suffix === '以内' || suffix === '以下') return 'lte';
  if (verb === null) return 'eq';
  if (/不少于|不低于/.test(verb)) return 'gte';
  if (/突破|超/.test(verb)) return 'gt';
  if (/降到|降至|降低到|下降到|下降至|减少到|减少至|控制在/.test(verb)) return 'lte';
  return 'eq';
}

/**
 * "到2030年", "到二〇三五年", "展望2035年": the year a target is for, in digits or digit by digit (二〇三五,
 * also with ○ for 〇 as some converters write it) — a 2035 vision target must not take the plan's end year.
 */
const BY_YEAR_RE = /(?:到|展望)\s*(20\d\d|二[〇零○][一二三四五六七八九〇零○]{2})\s*年/;

/** The year a sentence talks about, or undefined when it says nothing about time. */
function sentenceYear(
  s: string,
  period: { start: number; end: number },
  planNumber: number | null,
): number | null | undefined {
  if (PLAN_END_RE.test(s)) return period.end;
  const by = BY_YEAR_RE.exec(s) ?? /(20\d\d)\s*年(?:前|底|末)/.exec(s);
  if (by?.[1]) return parseNumeral(by[1].replace(/○/g, '〇'));
  const fyp = /“十([一二三四五六七八九])五”(?:期间|时期|末)/.exec(s);
  if (fyp) {
    return planNumberOf(fyp[0]) === planNumber && planNumber !== null ? period.end : null;
  }
  // "比2000年翻一番": a year after 比/较/与 is the baseline, not the date.
  const past = /(?<![比较与])(19|20)\d\d\s*年/.exec(s);
  if (past && Number(past[0].slice(0, 4)) < period.start) return null;
  return undefined;
}

/**
 * Finds dated quantitative targets in prose: "到2025年，生物医药产业规模达2000亿元",
 * "“十四五”期间，园区新增发明专利授权1万件以上", "海外创新中心累计不少于25个". A number counts when
 * a verb (达, 突破, 不少于 …) or a unit follows the metric, and the sentence — or an earlier sentence
 * of the same paragraph, or the section — dates it within the plan period (up to the vision year).
 */
export function findProseTargets(
  units: TextUnit[],
  period: { start: number; end: number },
  planNumber: number | null,
  visionYear: number | null,
  /** Receives targets stated without any year in reach (for the import report), at most 50. */
  undated: { text: string; source: string }[] = [],
): ProseTarget[] {
  const out: ProseTarget[] = [];
  const lastYear = Math.max(period.end, visionYear ?? period.end);
  for (const unit of units) {
    let year: number | null = unit.defaultYear;
    const sentences = unit.text.split(/(?<=[。！？；])/);
    for (const sentenceRaw of sentences) {
      const sentence = sentenceRaw.trim();
      if (sentence === '') continue;
      const y = sentenceYear(sentence, period, planNumber);
      if (y !== undefined) year = y;
      if (year === null && y === undefined && unit.defaultYear === null && undated.length < 50) {
        for (const clause of sentence.split(/[，,；;。！？：:]/))
          for (const f of clauseTargets(clause))
            if (f.verb !== null && undated.length < 50) undated.push({ text: f.text, source: unit.source });
      }
      if (year === null || year < period.start || year > lastYear) continue;
      for (const clause of sentence.split(/[，,；;。！？：:]/)) {
        const found = clauseTargets(clause);
        for (const f of found) {
          out.push({
            ...f,
            sentence,
            year,
            nodeId: unit.nodeId,
            boxNumber: unit.boxNumber,
            source: unit.source,
          });
        }
      }
    }
  }
  return out;
}

export function yearOfHeading(
  title: string,
  period: { start: number; end: number },
  planNumber: number | null,
): number | null {
  if (/(?:主要|发展|预期)目标$/.test(title) && !/远景|\d{4}|[〇零]/.test(title)) return period.end;
  const n = planNumberOf(title);
  if (n !== null && n === planNumber && /目标|期间|时期/.test(title)) return period.end;
  const y = /(20\d\d)年/.exec(title);
  if (y && /目标/.test(title)) {
    const year = Number(y[1]);
    return year >= period.start ? year : null;
  }
  return null;
}

type ClauseTarget = Pick<ProseTarget, 'text' | 'metric' | 'verb' | 'value' | 'unit' | 'inferred' | 'change'>;

function cleanMetric(before: string): string {
  return before.replace(LEAD_NOISE_RE, '').trim().replace(METRIC_TAIL_NOISE_RE, '');
}

/** `5%—6%`: a band, its midpoint as the value. */
function rangeQuantity(raw: string, a: number, b: number): Quantity {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  return { raw, value: (low + high) / 2, comparator: 'range', low, high };
}

/** Every stated target in one clause (the text between commas). */
export function clauseTargets(clause: string): ClauseTarget[] {
  const out: ClauseTarget[] = [];
  let segStart = 0;
  for (const m of clause.matchAll(NUMBER_RE)) {
    const numStart = m.index;
    if (numStart < segStart) continue;
    const numText = m[0];
    const numEnd = numStart + numText.length;
    const prevChar = clause[numStart - 1] ?? '';
    if (/[A-Za-z.-]/.test(prevChar)) continue;
    const rangeEnd = RANGE_END_RE.exec(clause.slice(numEnd));
    const upTo = rangeEnd ? numEnd + rangeEnd[0].length : numEnd;
    const after = clause.slice(upTo);
    const before = clause.slice(segStart, numStart);
    const verbMatch = VERB_TAIL_RE.exec(before);
    const changeMatch = verbMatch ? null : CHANGE_TAIL_RE.exec(before);
    const verb = verbMatch?.[0] ?? changeMatch?.[0] ?? null;
    let unitText = (verb !== null ? VERB_UNIT_RE.exec(after)?.[0] : null) ?? UNIT_RE.exec(after)?.[0] ?? null;
    // "分别提高3个和4个百分点": the first number shares the second's unit.
    if (unitText === '个' && /^个[和、]\d+(?:\.\d+)?个百分点/.test(after)) unitText = '个百分点';
    if (unitText === '年' && Number(numText) >= 100) unitText = null;
    if (rangeEnd?.[1] === '%' && unitText === null) unitText = '%';
    const suffixMatch = SUFFIX_RE.exec(
      after.slice(unitText === null || !after.startsWith(unitText) ? 0 : unitText.length),
    );
    const suffix = suffixMatch?.[1] ?? null;
    if (/^(?:年|月|日|号|G|个百分点|小时|分钟|岁|大|项任务)/.test(after) && unitText === null) continue;
    const metric = cleanMetric(verb !== null ? before.slice(0, before.length - verb.length) : before);
    const unitLength = unitText !== null && after.startsWith(unitText) ? unitText.length : 0;
    segStart = upTo + unitLength + (suffixMatch?.[0].length ?? 0);
    if (metric.length < 2 || /\d/.test(metric.slice(-1))) continue;
    if (verb === null && unitText === null) continue;
    const value = Number(numText);
    const raw = `${verb ?? ''}${clause.slice(numStart, segStart).replace(/\s+/g, '')}`;
    const bare = verb?.replace(/约$/, '') ?? null;
    const range = rangeEnd ? rangeQuantity(raw, value, Number(rangeEnd[2])) : null;
    if (changeMatch && bare !== null) {
      const reduction = /降低|下降|减少|削减/.test(bare);
      const comparator: Comparator = suffix === null ? 'eq' : comparatorOf(null, suffix);
      const q = range ?? boundedQuantity(raw, value, comparator);
      const percent = unitText === '%';
      // 降低16%: a reduction against the baseline (a 左右 band stays on the value). 提高4个百分点 /
      // 再提高1岁: the baseline plus an amount; 减少2个百分点 / 减少30吨: the baseline minus it (a level to
      // reach from the baseline, not a compound fall).
      const levelKind = unitText === '个百分点' || /比重|率$|占比/.test(metric) ? 'share' : 'level';
      const inferred: KindGuess =
        reduction && percent
          ? {
              kind: 'reduction',
              direction: 'decrease',
              rule: `verb ${bare} N% → reduction from the baseline`,
            }
          : reduction
            ? { kind: levelKind, direction: 'decrease', rule: `verb ${bare} N → the baseline minus N` }
            : { kind: levelKind, direction: 'increase', rule: `verb ${bare} N → the baseline plus N` };
      out.push({
        text: `${metric}${raw}`,
        metric,
        verb: bare,
        value: q,
        unit: unitText,
        inferred,
        change: reduction && percent ? null : { by: reduction ? 'subtract' : 'add', amount: value },
      });
      continue;
    }
    const comparator = /保持/.test(bare ?? '') && suffix === null ? 'gte' : comparatorOf(bare, suffix);
    const q = range ?? boundedQuantity(raw, value, comparator);
    out.push({
      text: `${metric}${raw}`,
      metric,
      verb: verb ?? suffix,
      value: q,
      unit: unitText,
      inferred: inferKind({
        name: `${verb?.startsWith('累计') ? '累计' : ''}${metric}`,
        unit: unitText,
        baseline: null,
        target: q,
      }),
      change: null,
    });
  }
  const doubling = DOUBLING_RE.exec(clause);
  if (doubling && out.length === 0) {
    const times = doubling[2] === '一' ? 2 : doubling[2] === '三' ? 8 : 4;
    const metric = cleanMetric(clause.slice(0, doubling.index));
    if (metric.length >= 2) {
      const raw = doubling[0];
      out.push({
        text: `${metric}${raw}`,
        metric,
        verb: `翻${doubling[2]}番`,
        value: boundedQuantity(raw, times, 'eq'),
        unit: '倍',
        inferred: {
          kind: 'level',
          direction: 'increase',
          rule: `翻${doubling[2]}番 → ${times} times the baseline`,
        },
        change: { by: 'multiply', amount: times },
      });
    }
  }
  return out;
}
