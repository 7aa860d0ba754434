import type { Bilingual, Verdict } from './types.ts';
import { VERDICTS } from './types.ts';

/**
 * The words evaluation reports use. `achieved` reads 提前实现 during the period and 已完成 at its end.
 */
export function verdictLabel(verdict: Verdict, final = false): Bilingual {
  switch (verdict) {
    case 'achieved':
      return final ? { zh: '已完成', en: 'achieved' } : { zh: '提前实现', en: 'achieved early' };
    case 'ahead':
      return { zh: '快于预期', en: 'ahead of schedule' };
    case 'on_track':
      return { zh: '基本符合预期', en: 'on track' };
    case 'acceleration_needed':
      return { zh: '需加快进度', en: 'progress made but acceleration needed' };
    case 'limited_progress':
      return { zh: '进展有限', en: 'limited progress' };
    case 'lagging':
      return { zh: '滞后', en: 'lagging' };
    case 'deterioration':
      return { zh: '出现倒退', en: 'deterioration' };
    case 'not_achieved':
      return { zh: '未完成', en: 'not achieved' };
    case 'no_data':
      return { zh: '数据暂缺', en: 'no data' };
    case 'not_assessable':
      return { zh: '无法评估', en: 'not assessable' };
  }
}

/**
 * Order of merit (higher is better) for verdicts that judge progress; null for no_data / not_assessable.
 * Used by the property "a better value never yields a worse verdict" and to sort lists.
 */
export function verdictRank(verdict: Verdict): number | null {
  switch (verdict) {
    case 'achieved':
      return 7;
    case 'ahead':
      return 6;
    case 'on_track':
      return 5;
    case 'acceleration_needed':
      return 4;
    case 'limited_progress':
      return 3;
    case 'lagging':
      return 2;
    case 'deterioration':
      return 1;
    case 'not_achieved':
      return 0;
    case 'no_data':
    case 'not_assessable':
      return null;
  }
}

/** A colour name for terminals and charts. */
export function verdictTone(verdict: Verdict): 'green' | 'blue' | 'yellow' | 'red' | 'grey' {
  switch (verdict) {
    case 'achieved':
    case 'ahead':
      return 'green';
    case 'on_track':
      return 'blue';
    case 'acceleration_needed':
    case 'limited_progress':
      return 'yellow';
    case 'lagging':
    case 'deterioration':
    case 'not_achieved':
      return 'red';
    case 'no_data':
    case 'not_assessable':
      return 'grey';
  }
}

/** Display order of verdicts, best first, then the two that judge nothing. */
export const VERDICT_ORDER: readonly Verdict[] = VERDICTS;

/**
 * "Behind": the verdicts that call for attention — lagging, missed, and the trend method's three shades of
 * not enough. Dashboards, wall display, portal and reports list these under problems.
 */
export function isBehind(verdict: Verdict): boolean {
  switch (verdict) {
    case 'lagging':
    case 'not_achieved':
    case 'deterioration':
    case 'acceleration_needed':
    case 'limited_progress':
      return true;
    case 'achieved':
    case 'ahead':
    case 'on_track':
    case 'no_data':
    case 'not_assessable':
      return false;
  }
}

/** On course or better: achieved, ahead or on track (the dashboards' "on track" count). */
export function isGood(verdict: Verdict): boolean {
  return verdict === 'achieved' || verdict === 'ahead' || verdict === 'on_track';
}

/** No judgement of progress: the data is missing, or the target cannot be measured. */
export function isUnjudged(verdict: Verdict): boolean {
  return verdict === 'no_data' || verdict === 'not_assessable';
}

export const BEHIND: ReadonlySet<Verdict> = new Set(VERDICTS.filter(isBehind));

/**
 * Sort key, worst first: the order of merit (verdictRank), then not_assessable, then no_data. Used to sort
 * lists and to give a node of the plan tree the colour of its worst indicator.
 */
export function verdictSeverity(verdict: Verdict): number {
  return verdictRank(verdict) ?? (verdict === 'no_data' ? 9 : 8);
}

export const VERDICT_SEVERITY: Readonly<Record<Verdict, number>> = Object.fromEntries(
  VERDICTS.map((v) => [v, verdictSeverity(v)]),
) as Record<Verdict, number>;
