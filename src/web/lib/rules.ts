/**
 * The domain rules the workspace applies in the browser, taken from src/domain (pure TypeScript, bundled by
 * Vite) instead of being copied: verdict words, order and severity, which verdicts call for attention and which
 * are on course, which kinds draw a baseline → target path and which have an average-rate target, the jump
 * that earns a warning, password length, the longest reply and search query, the 督办 order's texts and the
 * score adjustment's reason. Components import them from here only.
 */
import { drawsStraightPath, targetIsAverageRate } from '../../domain/evaluation/kinds.ts';
import type { Verdict } from '../../domain/evaluation/types.ts';
import {
  isBehind,
  isGood,
  isUnjudged,
  VERDICT_ORDER,
  VERDICT_SEVERITY,
  verdictLabel,
} from '../../domain/evaluation/verdict.ts';
import type { TargetKind } from '../../domain/indicator.ts';
import { isLargeJump, JUMP_SHARE, takesText } from '../../domain/value-checks.ts';
import { MIN_PASSWORD_LENGTH } from '../../domain/user.ts';
import { FEEDBACK_LIMITS } from '../../domain/feedback.ts';
import { SEARCH_QUERY_MAX } from '../../domain/search.ts';
import { ORDER_TEXT_LIMITS } from '../../domain/supervision.ts';
import { ADJUSTMENT_REASON_MAX } from '../../domain/assessment.ts';

export {
  ADJUSTMENT_REASON_MAX,
  drawsStraightPath,
  isBehind,
  isGood,
  isLargeJump,
  isUnjudged,
  JUMP_SHARE,
  MIN_PASSWORD_LENGTH,
  ORDER_TEXT_LIMITS,
  SEARCH_QUERY_MAX,
  targetIsAverageRate,
  VERDICT_ORDER,
  verdictLabel,
};

/** A reply to a comment has at most as many characters as the comment itself. */
export const REPLY_MAX = FEEDBACK_LIMITS.body;

/** Worse first: ranked verdicts by merit, then "not assessable", then "no data". */
export const SEVERITY: Readonly<Record<Verdict, number>> = VERDICT_SEVERITY;

/** Kinds whose values are a text (an assigned task, a relation), not a number. */
export const isTextKind: (kind: TargetKind) => boolean = takesText;
