import type { Warning } from './api.ts';

export interface WarningGroup {
  subjectType: Warning['subjectType'];
  subjectId: string;
  title: string;
  department: string | null;
  /** The worst level of the item's warnings. */
  level: Warning['level'];
  /** Red first, then the newest. */
  items: Warning[];
}

const rank = (w: Warning) => (w.level === 'red' ? 0 : 1);

/**
 * One row per item: an indicator lagging and behind schedule is one row with both reasons, not two. Red
 * items first, then the most warnings, then by title; cleared warnings are left out.
 */
export function groupWarnings(items: readonly Warning[]): WarningGroup[] {
  const by = new Map<string, WarningGroup>();
  for (const w of items) {
    if (!w.active) continue;
    const key = `${w.subjectType}:${w.subjectId}`;
    const g = by.get(key) ?? {
      subjectType: w.subjectType,
      subjectId: w.subjectId,
      title: w.title,
      department: w.department?.name ?? null,
      level: w.level,
      items: [],
    };
    g.items.push(w);
    if (w.level === 'red') g.level = 'red';
    by.set(key, g);
  }
  const groups = [...by.values()];
  for (const g of groups) g.items.sort((a, b) => rank(a) - rank(b) || b.raisedAt.localeCompare(a.raisedAt));
  return groups.sort(
    (a, b) =>
      (a.level === 'red' ? 0 : 1) - (b.level === 'red' ? 0 : 1) ||
      b.items.length - a.items.length ||
      a.title.localeCompare(b.title),
  );
}
