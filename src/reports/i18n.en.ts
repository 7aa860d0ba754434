/** The words of a report in English. */
import type { Strings } from './i18n.ts';

export const en: Strings = {
  reportTitle: (kind, planName, year) => {
    switch (kind) {
      case 'annual':
        return `${planName}: annual implementation report ${year}`;
      case 'midterm':
        return `${planName}: mid-term evaluation report`;
      case 'final':
        return `${planName}: final evaluation report`;
    }
  },
  kindName: (kind) => {
    switch (kind) {
      case 'annual':
        return 'Annual monitoring report';
      case 'midterm':
        return 'Mid-term evaluation report';
      case 'final':
        return 'Final evaluation report';
    }
  },
  period: (kind, start, end, year, dataYear) => {
    const data = dataYear !== null && dataYear !== year ? ` (data up to ${dataYear})` : '';
    switch (kind) {
      case 'annual':
        return `Year: ${year}${data}`;
      case 'midterm':
      case 'final':
        return `Period evaluated: ${start}–${Math.min(year, end)}${data}`;
    }
  },
  draftMark: '(draft)',
  toc: 'Contents',
  h1: (n, title) => `${n}. ${title}`,
  h2: (n, title) => `(${n}) ${title}`,
  sections: {
    overall: 'Overall assessment',
    indicators: 'Main indicators',
    tasks: 'Key tasks',
    projects: 'Major projects',
    problems: 'Main problems',
    suggestions: 'Recommendations',
    appendix: 'Method and data',
  },
  appendixHeading: 'Appendix: method and data',
  snapshotFooter: (id, engine) => `Evaluation snapshot ${id} · engine ${engine}`,
  page: 'Page',
  of: 'of',
  chartFailed: '(chart could not be drawn)',
  intro: (kind, p) => {
    const scope = `the ${p.indicators} main indicators${p.tasks > 0 ? `, ${p.tasks} key tasks` : ''}${p.projects > 0 ? ` and ${p.projects} major projects` : ''} of the plan`;
    const data = p.dataYear !== null ? ` on data up to ${p.dataYear}` : '';
    switch (kind) {
      case 'annual':
        return `${p.year} is year ${p.nth} of the plan. This report monitors ${scope}${data}, using the ${p.method}.`;
      case 'midterm':
        return `This mid-term evaluation assesses ${scope}${data}, using the ${p.method}.`;
      case 'final':
        return `The plan period has ended. This report assesses whether ${scope} were achieved${data}.`;
    }
  },
  elapsed: (year, f) => `By the end of ${year}, ${f} of the plan period had elapsed.`,
  projection: (end, meets, risk) =>
    `If the average change since the baseline continues, ${meets} indicators are expected to meet their targets by ${end}; ${risk} are at risk of missing them.`,
  taskOverall: (p) =>
    `Of ${p.total} key tasks, ${p.reported} have reported progress, ${p.percent} complete on average: ${p.completed} completed, ${p.inProgress} in progress, ${p.delayed} delayed, ${p.blocked} blocked, ${p.notStarted} not started.`,
  projectOverall: (p) =>
    `By ${p.year}, ${p.n} major projects had completed an investment of ${p.invested}, ${p.share} of the planned total of ${p.total}.`,
  methodName: (m) => {
    switch (m) {
      case 'time':
        return 'time-progress method (half the time, half the task)';
      case 'trend':
        return 'trend method (observed over required growth)';
    }
  },
  verdictTableCaption: 'Verdicts on the main indicators',
  projectCaptions: {
    byCategory: 'Major projects by category',
    byArea: 'Major projects by area',
    list: 'Major projects',
  },
  verdictColumns: ['Verdict', 'Indicators', 'of which binding', 'Share'],
  total: 'Total',
  verdictChart: 'Verdicts on the main indicators',
  indicatorsIntro: (n, binding, m) =>
    `The plan sets ${n} main indicators: ${binding} binding and ${n - binding} expected. The table lists baseline, target, current value and verdict, binding indicators first; ${m === 'time' ? '"time elapsed" is the share of the period passed, "progress" the share of the way from baseline to target.' : '"ratio" is the observed growth over the growth required.'}`,
  indicatorTableCaption: (year) => `Main indicators (${year})`,
  indicatorColumns: [
    'Category',
    'Indicator',
    'Type',
    'Baseline',
    'Target',
    'Current',
    'Time elapsed',
    'Progress',
    'Verdict',
  ],
  indicatorColumnsTrend: ['Time elapsed', 'Ratio'],
  binding: 'binding',
  expected: 'expected',
  uncategorised: 'Other indicators',
  explanations: 'Notes on each indicator',
  assessmentTitle: 'Department assessment',
  assessmentIntro: (n, year, asOf) =>
    `The ${n} departments with work in the plan were assessed for ${year} on the weighted criteria (data as of ${asOf}); scores include the joint assessment team's adjustments.`,
  assessmentCaption: (year) => `Department assessment scores, ${year}`,
  assessmentColumns: ['Rank', 'Department', 'Computed', 'Adjustment', 'Score'],
  annualPlanTitle: 'Annual plan execution',
  annualPlanIntro: (n, year) =>
    `The annual plan for ${year} sets an annual target for ${n} main indicators. The table lists each target, the year's result and the completion rate (in the indicator's direction).`,
  annualPlanCaption: (year) => `Annual targets and results of the main indicators (${year})`,
  annualPlanColumns: ['Indicator', 'Type', 'Annual target', 'Result for the year', 'Completion', 'Outcome'],
  annualVerdicts: {
    achieved: 'achieved',
    nearly: 'nearly achieved',
    missed: 'missed',
    no_data: 'no data yet',
    no_target: 'no target',
  },
  laggingTrends: 'Indicators needing attention',
  trendCaption: (name, unit) =>
    `${name}: actual values (red) and target path (blue, dashed)${unit !== null && unit !== '' ? `; unit: ${unit}` : ''}`,
  trendLabels: { actual: 'actual', path: 'target path', target: 'target' },
  noLagging: 'No indicator is lagging or making insufficient progress.',
  noTasks: 'The plan was loaded without its task structure; key tasks are not assessed.',
  noTaskReports: (n) => `No progress has been reported yet on the ${n} key tasks.`,
  taskTableCaption: 'Key tasks by part and chapter',
  taskColumns: [
    'Part / chapter',
    'Tasks',
    'Completed',
    'In progress',
    'Delayed',
    'Blocked',
    'Not started',
    'Unreported',
    'Progress',
  ],
  partSummary: (p) =>
    `${p.n} tasks, ${p.percent} complete on average; ${p.completed} completed${p.delayed > 0 ? `, ${p.delayed} delayed` : ''}${p.blocked > 0 ? `, ${p.blocked} blocked` : ''}${p.unreported > 0 ? `, ${p.unreported} unreported` : ''}.`,
  highlights: (part) => `Highlights of ${part}:`,
  nameList: (names) =>
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''} (${names.length} indicators)`,
  unjudgedGroup: 'Indicators without data',
  delayedTasks: (list) => `Tasks to speed up: ${list}.`,
  noProjects: 'The plan was loaded without major projects; they are not assessed.',
  noProjectReports: (n) => `No investment figures have been reported yet for the ${n} major projects.`,
  byCategory: 'By category',
  byArea: 'By area',
  projectList: 'Projects',
  projectGroupColumns: (unit) => [
    'Category / area',
    'Projects',
    `Planned investment (${unit})`,
    `Invested to date (${unit})`,
    'Completion',
  ],
  projectColumns: (unit) => [
    'Project',
    'Category',
    'Area',
    `Planned investment (${unit})`,
    `Invested to date (${unit})`,
    'Completion',
    'Stage',
  ],
  otherArea: 'Other areas',
  completionChart: 'Investment completion of major projects by category',
  completionSeries: 'completion',
  elapsedSeries: 'time elapsed',
  problemsLagging: (n) => `${n} indicators are lagging or making insufficient progress.`,
  problemIndicator: (p) =>
    `${p.name}: ${p.actual} in ${p.dataYear}${p.expected !== null ? ` against ${p.expected} on the target path` : ''}${p.progress !== null && p.elapsed !== null ? ` (progress ${p.progress}, time elapsed ${p.elapsed})` : ''}; verdict: ${p.verdict}.`,
  problemsTasks: (d, b) => `${d + b} key tasks are behind: ${d} delayed and ${b} blocked.`,
  problemTask: (title, status, percent) => `${title}: ${status}, ${percent} complete.`,
  problemsProjects: (n) => `${n} major projects have invested less than the elapsed share of their period.`,
  problemProject: (name, share, elapsed) =>
    `${name}: ${share} of the investment completed, ${elapsed} of the time elapsed.`,
  problemsData: (n) => `${n} indicators have no data or cannot be assessed.`,
  problemsNone: 'No indicator, task or project is markedly behind.',
  problemTitles: {
    lagging: 'Lagging indicators',
    tasks: 'Delayed key tasks',
    projects: 'Slow investment in major projects',
    data: 'Missing data',
  },
  suggestionIndicator: (p) => {
    const change =
      p.absolute !== null ? `an average ${p.increase ? 'increase' : 'decrease'} of ${p.absolute} a year` : '';
    const rel =
      p.relative !== null
        ? `${change !== '' ? ' (' : 'average growth of '}${p.relative} a year${change !== '' ? ')' : ''}`
        : '';
    if (change === '' && rel === '')
      return `${p.name}: progress must speed up over the remaining ${p.years} years to reach the target "${p.target}".`;
    return `${p.name}: ${change}${rel} is needed over the remaining ${p.years} years to reach the target "${p.target}".`;
  },
  suggestionFinal: (p) => `${p.name}: ${p.actual} at the end of the period; target "${p.target}".`,
  suggestionFinalIntro: (n) =>
    `For the ${n} indicators not achieved, analyse the causes and take them into account when setting the next plan's targets:`,
  suggestionTasks: (n) =>
    `For the ${n} delayed or blocked key tasks, the lead departments should set out measures and milestones and report progress regularly.`,
  suggestionProjects: (n) =>
    `For the ${n} major projects behind on investment, secure land, funding and approvals to speed up construction.`,
  suggestionData: (n) =>
    `For the ${n} indicators without data, name the data source and reporting department and improve statistical monitoring.`,
  suggestionNone: 'Keep up the present pace and continue monitoring.',
  suggestionTitles: {
    indicators: 'Focus on lagging indicators',
    tasks: 'Speed up key tasks and major projects',
    monitoring: 'Strengthen monitoring and evaluation',
  },
  methodTitle: 'Method',
  methodText: (m, delta) => {
    switch (m) {
      case 'time':
        return [
          'Main indicators are judged by time progress: time elapsed f = (year − baseline year) / (target year − baseline year); progress p = (current − baseline) / (target − baseline), measured in the direction of improvement; average growth rates compound.',
          `A target already met is "achieved early" ("achieved" at the end of the period); p ≥ f + δ is "ahead of schedule"; f − δ ≤ p < f + δ is "on track"; p < f − δ is "lagging"; a target missed at the end is "not achieved". Here δ = ${delta}.`,
          'Ceilings, floors, maintained levels, "about" targets, ranges, assigned and relational targets have no path and are judged on whether their condition holds in the data year; binding indicators and conditions that must hold every year are never declared met before the end of the period.',
        ];
      case 'trend':
        return [
          'Main indicators are judged by trend: the ratio R of the observed average annual growth since the baseline to the growth required to meet the target.',
          `A target already met is "achieved"; R ≥ 0.95 is "on track"; 0.6 ≤ R < 0.95 "acceleration needed"; 0 ≤ R < 0.6 "limited progress"; R < 0 "deterioration". Tolerance δ = ${delta}.`,
        ];
    }
  },
  verdictDefinitions: 'Verdicts',
  verdictDefinitionColumns: ['Verdict', 'Meaning'],
  notesTitle: 'Notes on the data',
  notesColumns: ['Indicator', 'Note'],
  sourceTitle: 'Source',
  sourceText: (p) =>
    `Every figure in this report comes from evaluation snapshot ${p.id} (engine ${p.engine}, created ${p.createdAt}, year ${p.year}, ${p.method}). Values are the approved reported values.`,
  rawSheet: 'Raw values',
  rawColumns: ['Code', 'Indicator', 'Unit', 'Year', 'Value', 'Text', 'Kind'],
};
