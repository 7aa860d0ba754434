/** The words of a report in Chinese (the customary structure) and English. */
import type { ReportKind, ReportLang } from './types.ts';
import { en } from './i18n.en.ts';
import { zh } from './i18n.zh.ts';

export interface Strings {
  reportTitle(kind: ReportKind, planName: string, year: number): string;
  kindName(kind: ReportKind): string;
  period(kind: ReportKind, start: number, end: number, year: number, dataYear: number | null): string;
  draftMark: string;
  toc: string;
  /** Level-1 heading: 一、总体评价 */
  h1(n: number, title: string): string;
  /** Level-2 heading: （一）… */
  h2(n: number, title: string): string;
  sections: {
    overall: string;
    indicators: string;
    tasks: string;
    projects: string;
    problems: string;
    suggestions: string;
    appendix: string;
  };
  appendixHeading: string;
  snapshotFooter(id: string, engine: string): string;
  page: string;
  of: string;
  chartFailed: string;
  // overall
  intro(
    kind: ReportKind,
    p: {
      title: string;
      year: number;
      nth: number;
      dataYear: number | null;
      indicators: number;
      tasks: number;
      projects: number;
      method: string;
    },
  ): string;
  elapsed(year: number, f: string): string;
  projection(end: number, meets: number, risk: number): string;
  taskOverall(p: {
    total: number;
    reported: number;
    percent: string;
    completed: number;
    inProgress: number;
    delayed: number;
    blocked: number;
    notStarted: number;
  }): string;
  projectOverall(p: { n: number; invested: string; total: string; share: string; year: number }): string;
  methodName(method: 'time' | 'trend'): string;
  verdictTableCaption: string;
  projectCaptions: { byCategory: string; byArea: string; list: string };
  verdictColumns: [string, string, string, string];
  total: string;
  verdictChart: string;
  // indicators
  indicatorsIntro(n: number, binding: number, method: 'time' | 'trend'): string;
  indicatorTableCaption(year: number): string;
  indicatorColumns: [string, string, string, string, string, string, string, string, string];
  indicatorColumnsTrend: [string, string];
  binding: string;
  expected: string;
  uncategorised: string;
  explanations: string;
  /** 年度计划执行情况 (issue 16 §2): the year's annual targets against what was achieved. */
  assessmentTitle: string;
  assessmentIntro(n: number, year: number, asOf: string): string;
  assessmentCaption(year: number): string;
  /** Rank, department, then after the criteria: computed score, adjustment, score. */
  assessmentColumns: [string, string, string, string, string];
  annualPlanTitle: string;
  annualPlanIntro(n: number, year: number): string;
  annualPlanCaption(year: number): string;
  annualPlanColumns: [string, string, string, string, string, string];
  annualVerdicts: Record<'achieved' | 'nearly' | 'missed' | 'no_data' | 'no_target', string>;
  laggingTrends: string;
  trendCaption(name: string, unit: string | null): string;
  trendLabels: { actual: string; path: string; target: string };
  noLagging: string;
  // tasks
  noTasks: string;
  noTaskReports(n: number): string;
  taskTableCaption: string;
  taskColumns: [string, string, string, string, string, string, string, string, string];
  partSummary(p: {
    n: number;
    percent: string;
    completed: number;
    delayed: number;
    blocked: number;
    unreported: number;
  }): string;
  /** The lead-in of a part's highlights, naming the part (第二篇工作亮点：). */
  highlights(part: string): string;
  /** Names in a list sentence: A、B、C（3项） / A, B and C (3 indicators). */
  nameList(names: readonly string[]): string;
  /** The lead-in of the indicators without data, listed together after the categories. */
  unjudgedGroup: string;
  delayedTasks(list: string): string;
  // projects
  noProjects: string;
  noProjectReports(n: number): string;
  byCategory: string;
  byArea: string;
  projectList: string;
  projectGroupColumns(unit: string): [string, string, string, string, string];
  projectColumns(unit: string): [string, string, string, string, string, string, string];
  otherArea: string;
  completionChart: string;
  completionSeries: string;
  elapsedSeries: string;
  // problems
  problemsLagging(n: number): string;
  problemIndicator(p: {
    name: string;
    dataYear: number;
    actual: string;
    expected: string | null;
    progress: string | null;
    elapsed: string | null;
    verdict: string;
  }): string;
  problemsTasks(delayed: number, blocked: number): string;
  problemTask(title: string, status: string, percent: string): string;
  problemsProjects(n: number): string;
  problemProject(name: string, share: string, elapsed: string): string;
  problemsData(n: number): string;
  problemsNone: string;
  problemTitles: { lagging: string; tasks: string; projects: string; data: string };
  // suggestions
  suggestionIndicator(p: {
    name: string;
    years: number;
    absolute: string | null;
    relative: string | null;
    increase: boolean;
    target: string;
  }): string;
  suggestionFinal(p: { name: string; actual: string; target: string }): string;
  suggestionFinalIntro(n: number): string;
  suggestionTasks(n: number): string;
  suggestionProjects(n: number): string;
  suggestionData(n: number): string;
  suggestionNone: string;
  suggestionTitles: { indicators: string; tasks: string; monitoring: string };
  // appendix
  methodTitle: string;
  methodText(method: 'time' | 'trend', delta: string): string[];
  verdictDefinitions: string;
  verdictDefinitionColumns: [string, string];
  notesTitle: string;
  notesColumns: [string, string];
  sourceTitle: string;
  sourceText(p: { id: string; engine: string; createdAt: string; year: number; method: string }): string;
  rawSheet: string;
  rawColumns: [string, string, string, string, string, string, string];
}

export function strings(lang: ReportLang): Strings {
  switch (lang) {
    case 'zh':
      return zh;
    case 'en':
      return en;
  }
}
