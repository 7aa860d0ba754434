import { createHash } from 'node:crypto';
import type { PlanEvaluation } from '../domain/evaluation/summary.ts';
import type { ReportSnapshot } from './types.ts';

/**
 * The snapshot of an evaluation computed on the fly (until stored snapshots exist): id "live-" + the first
 * 12 hex digits of the SHA-256 of the evaluation and whatever else the report is drawn from, so the same
 * figures always give the same id.
 */
export function liveSnapshot(
  evaluation: PlanEvaluation,
  engineVersion: string,
  extra: unknown = null,
  now: Date = new Date(),
): ReportSnapshot {
  const hash = createHash('sha256')
    .update(JSON.stringify({ evaluation, extra, engineVersion }))
    .digest('hex');
  return { id: `live-${hash.slice(0, 12)}`, engineVersion, createdAt: now.toISOString() };
}
