/**
 * Reading the words plans and statistical reports put where a number would be:
 * completion statements (完成 / 未完成), relations to another indicator (与GDP增长同步, 高于GDP增幅)
 * and targets stated relative to the baseline (再提高1岁, 翻一番).
 */
import { parseNumeral } from '../numerals.ts';

/** true = the text reports the target as met, false = as missed, null = says neither (e.g. 人普结果尚未发布). */
export function parseCompletion(text: string): boolean | null {
  const t = text.replace(/\s+/g, '');
  if (/(未|没有|尚未|没)(能)?(完成|达到|实现|达标)/.test(t)) return false;
  if (/(完成|达到|实现|达标)/.test(t)) return true;
  return null;
}

/**
 * A relation between this indicator's growth and another's:
 * above = strictly higher (高于/快于/超过), not_below = at least as high (不低于/不慢于),
 * sync = roughly equal (同步/基本同步), below = lower (低于/慢于).
 */
export type Relation = 'above' | 'not_below' | 'sync' | 'below';

export function parseRelation(text: string): Relation | null {
  const t = text.replace(/\s+/g, '');
  if (/(不低于|不慢于|不少于|不落后于)/.test(t)) return 'not_below';
  if (/(高于|快于|超过|大于|优于)/.test(t)) return 'above';
  if (/同步/.test(t)) return 'sync';
  if (/(低于|慢于|小于|落后于)/.test(t)) return 'below';
  return null;
}

export function relationLabel(r: Relation): { zh: string; en: string } {
  switch (r) {
    case 'above':
      return { zh: '高于', en: 'above' };
    case 'not_below':
      return { zh: '不低于', en: 'not below' };
    case 'sync':
      return { zh: '同步于', en: 'in step with' };
    case 'below':
      return { zh: '低于', en: 'below' };
  }
}

/** An Arabic number (12, 1.5) or a Chinese numeral as plans print them (两, 十). */
function num(s: string): number | null {
  const n = Number(s);
  return Number.isFinite(n) ? n : parseNumeral(s);
}

/**
 * A target stated relative to the baseline, resolved to an absolute value, or null if the text is not one.
 * 翻一番 → 2B, 翻两番 → 4B, (再)提高/增加/增长 x（个百分点/岁/…）→ B + x, 增长 x% → B(1 + x/100),
 * 下降/降低/减少 x% → B(1 − x/100), 下降/降低/减少 x（个百分点…）→ B − x.
 */
export function resolveRelativeTarget(raw: string, baseline: number): number | null {
  const t = raw.replace(/\s+/g, '');
  const fan = /翻([一二两三四五六七八九十\d]+)番/.exec(t);
  if (fan?.[1] !== undefined) {
    const k = num(fan[1]);
    if (k !== null) return baseline * 2 ** k;
  }
  const up = /(?:再)?(?:提高|提升|增加|增长|上升)([\d.]+)(%|％)?/.exec(t);
  if (up?.[1] !== undefined) {
    const x = num(up[1]);
    if (x !== null) return up[2] !== undefined ? baseline * (1 + x / 100) : baseline + x;
  }
  const down = /(?:再)?(?:下降|降低|减少|压减)([\d.]+)(%|％)?/.exec(t);
  if (down?.[1] !== undefined) {
    const x = num(down[1]);
    if (x !== null) return down[2] !== undefined ? baseline * (1 - x / 100) : baseline - x;
  }
  return null;
}

/** Does the raw target speak relative to the baseline? (Checked before trusting a parsed number.) */
export function isRelativeTarget(raw: string): boolean {
  return /(翻[一二两三四五六七八九十\d]+番|再(提高|提升|增加|增长|下降|降低|减少)|比.{0,6}(提高|增加|增长|下降|降低|减少))/.test(
    raw.replace(/\s+/g, ''),
  );
}
