import type { TargetKind } from './indicator.ts';
import type { Bilingual } from './evaluation/types.ts';
import { parseCompletion } from './evaluation/text.ts';

export interface ValueCheckInput {
  value: number;
  unit: string | null;
  kind: TargetKind;
  /** Earlier approved values of the same indicator, oldest first. */
  history: readonly number[];
  /** k of the mean ± k·sd outlier band. */
  k?: number;
  /** A change larger than this share of the last value is a jump worth a second look. */
  jumpShare?: number;
}

export interface ValueCheck {
  /** Refuse the value. */
  errors: Bilingual[];
  /** Accept but ask the user to look again. */
  warnings: Bilingual[];
}

/** A change larger than this share of the last value is a jump worth a second look (a unit or decimal typo). */
export const JUMP_SHARE = 0.5;

/** Whether `value` moves more than `share` of `last` away from it (never for a last value of 0). */
export function isLargeJump(value: number, last: number, share = JUMP_SHARE): boolean {
  return last !== 0 && Math.abs(value - last) / Math.abs(last) > share;
}

const COUNT_UNITS = ['家', '个', '人', '件', '名', '张', '项', '次'];

/** Unit and range checks, then outlier warnings against the indicator's history. */
export function checkValue(input: ValueCheckInput): ValueCheck {
  const { value, unit, kind, history } = input;
  const errors: Bilingual[] = [];
  const warnings: Bilingual[] = [];
  if (!Number.isFinite(value)) errors.push({ zh: '数值无效', en: 'not a finite number' });
  if (kind === 'share' && (value < 0 || value > 100)) {
    errors.push({
      zh: `比重应在0至100之间，收到${value}`,
      en: `a share must lie between 0 and 100, got ${value}`,
    });
  }
  if (unit !== null && COUNT_UNITS.some((u) => unit.startsWith(u)) && value < 0) {
    errors.push({ zh: `以“${unit}”计的数量不能为负`, en: `a count in ${unit} cannot be negative` });
  }
  if (errors.length > 0) return { errors, warnings };

  const k = input.k ?? 3;
  if (history.length >= 3) {
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / (history.length - 1));
    if (sd > 0 && Math.abs(value - mean) > k * sd) {
      warnings.push({
        zh: `数值${value}超出历史均值${round(mean)}±${k}倍标准差范围`,
        en: `${value} lies outside the historical mean ${round(mean)} ± ${k} sd`,
      });
    }
  }
  const last = history.at(-1);
  const jump = input.jumpShare ?? JUMP_SHARE;
  if (last !== undefined && isLargeJump(value, last, jump)) {
    warnings.push({
      zh: `较上期${last}变化超过${Math.round(jump * 100)}%`,
      en: `changes by more than ${Math.round(jump * 100)}% from the last value ${last}`,
    });
  }
  return { errors, warnings };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Kinds whose values are a statement (an assigned task, a relation to another indicator), not a number. */
export function takesText(kind: TargetKind): boolean {
  return kind === 'assigned' || kind === 'relational';
}

const NOT_AVAILABLE = /(暂缺|暂无|尚未(发布|公布|统计)|未(发布|公布)|待(发布|公布)|不适用)/;

/**
 * The texts a numeric indicator accepts instead of a number: a completion statement (完成 / 未完成 / 达到…),
 * which the engine judges, or a statement that the figure is not available (数据暂缺, 尚未发布…).
 */
export function isStatusText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return parseCompletion(t) !== null || NOT_AVAILABLE.test(t);
}

/** A text in place of a number: refused for numeric kinds unless it is a status text (“约12” is not a number). */
export function checkText(kind: TargetKind, text: string): Bilingual[] {
  if (takesText(kind) || isStatusText(text)) return [];
  return [
    {
      zh: `数值型指标须填写数字（或“完成”“未完成”“数据暂缺”等状态），收到“${text}”`,
      en: `a numeric indicator takes a number (or a status such as 完成, 未完成, 数据暂缺), got "${text}"`,
    },
  ];
}
