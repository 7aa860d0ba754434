import type { Observation } from '../../lib/types.ts';

/** One version of a value beside the one it replaced: what the correction changed. */
export interface Revision {
  observation: Observation;
  /** The version before (null for the first). */
  previous: Observation | null;
  /** The value or text differs from the version before. */
  changed: boolean;
}

/** Every version of one period's value, newest first, and the version now in force. */
export interface ValueRecord {
  key: string;
  period: string;
  kind: Observation['kind'];
  latest: Observation;
  revisions: Revision[];
}

const shown = (o: Observation) => (o.value !== null ? `n:${o.value}` : `t:${o.text ?? ''}`);

/**
 * An indicator's values grouped by period (and kind), each with its versions in order and what each correction
 * changed: the provenance screen reads a value's whole history from one record. Newest period first.
 */
export function valueRecords(observations: readonly Observation[]): ValueRecord[] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.period}|${o.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const records: ValueRecord[] = [];
  for (const [key, list] of groups) {
    const ordered = [...list].sort((a, b) => a.version - b.version);
    const revisions = ordered.map((o, i): Revision => {
      const previous = i > 0 ? (ordered[i - 1] ?? null) : null;
      return { observation: o, previous, changed: previous !== null && shown(previous) !== shown(o) };
    });
    const latest = ordered[ordered.length - 1]!;
    records.push({ key, period: latest.period, kind: latest.kind, latest, revisions: revisions.reverse() });
  }
  return records.sort((a, b) =>
    a.period === b.period ? a.kind.localeCompare(b.kind) : b.period.localeCompare(a.period),
  );
}
