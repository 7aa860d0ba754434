import type { Comparator } from '../domain/quantity.ts';
import { inferKind } from './kind-inference.ts';
import { planNumberOf } from './meta.ts';
import type { ProseTarget } from './plan-document.ts';
import { boundedQuantity } from './value-parser.ts';

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
  '达',
  '超',
];
const VERB_TAIL_RE = new RegExp(`(${VERBS.join('|')})(约)?$`);
const UNIT_RE =
  /^(?:%|‰|[万亿千百]*(?:美元|元|人次|人|家|个|件|项|座|所|张|名|幢|栋|平方公里|平方米|亩|吨标准煤|吨|户|套|公里|辆|床|篇|倍|艘|条)(?:\/[万亿千百]*(?:元|平方公里|人|户))?)/;
const SUFFIX_RE = /^(以上|左右|以内|以下)/;
const NUMBER_RE = /\d+(?:\.\d+)?/g;
const LEAD_NOISE_RE =
  /^(?:[、，]|到\s*20\d\d\s*年(?:底|末)?|“十[一二三四五六七八九]五”(?:期间|时期|末)|园区|争取|确保|力争|努力|其中|并|使|预计|基本|全面|实现)+/;

function comparatorOf(verb: string | null, suffix: string | null): Comparator {
  if (suffix === '以上') return 'gte';
  if (suffix === '左右') return 'about';
  if (suffix === '以内' || suffix === '以下') return 'lte';
  if (verb === null) return 'eq';
  if (/不少于|不低于/.test(verb)) return 'gte';
  if (/突破|超/.test(verb)) return 'gt';
  if (/降到|降至|降低到|控制在/.test(verb)) return 'lte';
  return 'eq';
}

/** The year a sentence talks about, or undefined when it says nothing about time. */
function sentenceYear(
  s: string,
  period: { start: number; end: number },
  planNumber: number | null,
): number | null | undefined {
  const by = /到\s*(20\d\d)\s*年/.exec(s) ?? /(20\d\d)\s*年(?:前|底|末)/.exec(s);
  if (by) return Number(by[1]);
  const fyp = /“十([一二三四五六七八九])五”(?:期间|时期|末)/.exec(s);
  if (fyp) {
    return planNumberOf(fyp[0]) === planNumber && planNumber !== null ? period.end : null;
  }
  const past = /(19|20)\d\d\s*年/.exec(s);
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
      if (year === null || year < period.start || year > lastYear) continue;
      for (const clause of sentence.split(/[，,；;。！？：:]/)) {
        let segStart = 0;
        for (const m of clause.matchAll(NUMBER_RE)) {
          const numStart = m.index;
          if (numStart < segStart) continue;
          const numText = m[0];
          const numEnd = numStart + numText.length;
          const prevChar = clause[numStart - 1] ?? '';
          if (/[A-Za-z.-]/.test(prevChar)) continue;
          const after = clause.slice(numEnd);
          const unitText = UNIT_RE.exec(after)?.[0] ?? null;
          const suffix = SUFFIX_RE.exec(after.slice(unitText?.length ?? 0))?.[0] ?? null;
          if (/^(?:年|月|日|号|G|个百分点|小时|分钟|岁|大|项任务)/.test(after) && unitText === null) continue;
          const before = clause.slice(segStart, numStart);
          const verbMatch = VERB_TAIL_RE.exec(before);
          const verb = verbMatch ? verbMatch[0] : null;
          let metric = verbMatch ? before.slice(0, before.length - verbMatch[0].length) : before;
          metric = metric.replace(LEAD_NOISE_RE, '').trim();
          const end = numEnd + (unitText?.length ?? 0) + (suffix?.length ?? 0);
          segStart = end;
          if (metric.length < 2 || /\d/.test(metric.slice(-1))) continue;
          if (verb === null && unitText === null) continue;
          const comparator = comparatorOf(verb === null ? null : verb.replace(/约$/, ''), suffix);
          const value = Number(numText);
          const raw = `${verb ?? ''}${numText}${unitText ?? ''}${suffix ?? ''}`;
          const text = `${metric}${raw}`;
          const q = boundedQuantity(raw, value, comparator);
          out.push({
            text,
            sentence,
            metric,
            verb: verb ?? suffix,
            value: q,
            unit: unitText,
            year,
            inferred: inferKind({
              name: `${verb?.startsWith('累计') ? '累计' : ''}${metric}`,
              unit: unitText,
              baseline: null,
              target: q,
            }),
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
  const n = planNumberOf(title);
  if (n !== null && n === planNumber && /目标|期间|时期/.test(title)) return period.end;
  const y = /(20\d\d)年/.exec(title);
  if (y && /目标/.test(title)) {
    const year = Number(y[1]);
    return year >= period.start ? year : null;
  }
  return null;
}
