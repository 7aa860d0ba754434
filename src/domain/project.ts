/**
 * Major-project library (重大项目库): categories, stages and the rolling three-year plan. Pure.
 */
export const PROJECT_CATEGORIES = [
  '产业',
  '科创',
  '城建交通',
  '能源市政',
  '民生社会',
  '生态环保',
  '文化',
  '其他',
] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** 储备 (reserve) → 前期 (preparation) → 在建 (under construction) → 竣工 (completed) → 运营 (in operation). */
export const PROJECT_STAGES = ['储备', '前期', '在建', '竣工', '运营'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const LIBRARY_ACTIONS = ['enter', 'exit'] as const;
export type LibraryAction = (typeof LIBRARY_ACTIONS)[number];

export interface InvestmentYear {
  year: number;
  planned: number | null;
  completed: number | null;
}

export interface ProjectSpan {
  startYear: number | null;
  endYear: number | null;
}

/** The three years of a rolling plan starting at `from`. */
export function rollingYears(from: number): [number, number, number] {
  return [from, from + 1, from + 2];
}

/**
 * Whether a project is active at some point of [from, to]: it has planned investment in the window, or its
 * construction span overlaps it (an open end counts as still running; no dates at all counts as inactive).
 */
export function activeIn(
  p: ProjectSpan,
  investments: readonly InvestmentYear[],
  from: number,
  to: number,
): boolean {
  if (investments.some((i) => i.year >= from && i.year <= to && (i.planned ?? 0) > 0)) return true;
  if (p.startYear === null && p.endYear === null) return false;
  const start = p.startYear ?? Number.NEGATIVE_INFINITY;
  const end = p.endYear ?? Number.POSITIVE_INFINITY;
  return start <= to && end >= from;
}

/** Planned investment for each year of the window (null where nothing is planned yet). */
export function plannedByYear(
  investments: readonly InvestmentYear[],
  years: readonly number[],
): (number | null)[] {
  return years.map((y) => investments.find((i) => i.year === y)?.planned ?? null);
}

/** Completed over planned for one year or a whole series, null when nothing is planned. */
export function completionRate(investments: readonly InvestmentYear[]): number | null {
  const planned = investments.reduce((s, i) => s + (i.planned ?? 0), 0);
  if (planned <= 0) return null;
  const completed = investments.reduce((s, i) => s + (i.completed ?? 0), 0);
  return Math.round((completed / planned) * 10000) / 100;
}
