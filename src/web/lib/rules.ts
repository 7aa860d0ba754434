/**
 * The domain rules the workspace applies in the browser, taken from src/domain (pure TypeScript, bundled by
 * Vite) instead of being copied: verdict order and severity, which verdicts call for attention, the jump that
 * earns a warning, password length. Components import them from here only.
 */
import { VERDICTS, type Verdict } from '../../domain/evaluation/types.ts';
import { verdictRank, verdictTone } from '../../domain/evaluation/verdict.ts';
import type { TargetKind } from '../../domain/indicator.ts';
import { isLargeJump, JUMP_SHARE } from '../../domain/value-checks.ts';
import { MIN_PASSWORD_LENGTH } from '../../domain/user.ts';

export { isLargeJump, JUMP_SHARE, MIN_PASSWORD_LENGTH };

/** Best first, as reports list them. */
export const VERDICT_ORDER: readonly Verdict[] = VERDICTS;

/** Worse first: ranked verdicts by merit, then "not assessable", then "no data". */
export const SEVERITY: Record<Verdict, number> = Object.fromEntries(
  VERDICTS.map((v) => [v, verdictRank(v) ?? (v === 'not_assessable' ? 8 : 9)]),
) as Record<Verdict, number>;

/** Verdicts that call for attention (滞后 and its trend-method cousins). */
export function isBehind(v: Verdict): boolean {
  const tone = verdictTone(v);
  return tone === 'red' || tone === 'yellow';
}

export function isGood(v: Verdict): boolean {
  return v === 'achieved' || v === 'ahead' || v === 'on_track';
}

export function isUnjudged(v: Verdict): boolean {
  return v === 'no_data' || v === 'not_assessable';
}

/** Kinds whose values are a text (an assigned task, a relation), not a number. */
export function isTextKind(kind: TargetKind): boolean {
  return kind === 'assigned' || kind === 'relational';
}

/** Kinds whose target is a level on the values' scale, so a baseline → target path can be drawn. */
export function hasTargetPath(kind: TargetKind): boolean {
  switch (kind) {
    case 'level':
    case 'share':
    case 'cumulative':
    case 'floor':
    case 'ceiling':
    case 'reduction':
    case 'maintain':
    case 'about':
      return true;
    case 'cagr':
    case 'range':
    case 'assigned':
    case 'relational':
      return false;
  }
}
