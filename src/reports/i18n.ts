/** The words of a report in Chinese (the customary structure) and English. */
import type { ReportKind, ReportLang } from './types.ts';
import { zhNumeral } from './format.ts';

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
  highlights: string;
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

const zh: Strings = {
  reportTitle: (kind, planName, year) => {
    switch (kind) {
      case 'annual':
        return `${planName}${year}年度实施情况报告`;
      case 'midterm':
        return `${planName}实施情况中期评估报告`;
      case 'final':
        return `${planName}实施情况总结评估报告`;
    }
  },
  kindName: (kind) => {
    switch (kind) {
      case 'annual':
        return '年度监测报告';
      case 'midterm':
        return '中期评估报告';
      case 'final':
        return '总结评估报告';
    }
  },
  period: (kind, start, end, year, dataYear) => {
    const data = dataYear !== null && dataYear !== year ? `（数据截至${dataYear}年）` : '';
    switch (kind) {
      case 'annual':
        return `报告年度：${year}年${data}`;
      case 'midterm':
      case 'final':
        return `评估期：${start}—${Math.min(year, end)}年${data}`;
    }
  },
  draftMark: '（草稿）',
  toc: '目录',
  h1: (n, title) => `${zhNumeral(n)}、${title}`,
  h2: (n, title) => `（${zhNumeral(n)}）${title}`,
  sections: {
    overall: '总体评价',
    indicators: '主要指标完成情况',
    tasks: '重点任务推进情况',
    projects: '重大项目进展',
    problems: '存在的主要问题',
    suggestions: '下一步工作建议',
    appendix: '评估方法与数据说明',
  },
  appendixHeading: '附录　评估方法与数据说明',
  snapshotFooter: (id, engine) => `评估快照 ${id} · 评估引擎 ${engine}`,
  page: '第',
  of: '共',
  chartFailed: '（图表未能生成）',
  intro: (kind, p) => {
    const scope = `《${p.title}》确定的${p.indicators}项主要指标${p.tasks > 0 ? `、${p.tasks}项重点任务` : ''}${p.projects > 0 ? `和${p.projects}项重大项目` : ''}`;
    const data = p.dataYear !== null ? `以${p.dataYear}年数据为基础，` : '';
    switch (kind) {
      case 'annual':
        return `${p.year}年是规划实施的第${p.nth}年。${data}采用${p.method}，对${scope}的年度实施情况进行了监测。`;
      case 'midterm':
        return `按照规划中期评估的要求，${data}采用${p.method}，对${scope}的实施情况进行了评估。`;
      case 'final':
        return `规划期已经结束。${data}对${scope}的完成情况进行了总结评估。`;
    }
  },
  elapsed: (year, f) => `截至${year}年底，规划时间进度为${f}。`,
  projection: (end, meets, risk) =>
    `按规划实施以来的平均变化推算，到${end}年预计${meets}项指标可以实现目标，${risk}项存在不能按期实现的风险。`,
  taskOverall: (p) =>
    `${p.total}项重点任务中，${p.reported}项已报送进展，平均完成进度${p.percent}；其中已完成${p.completed}项，推进中${p.inProgress}项，滞后${p.delayed}项，受阻${p.blocked}项，未开始${p.notStarted}项。`,
  projectOverall: (p) =>
    `${p.n}项重大项目截至${p.year}年累计完成投资${p.invested}，占计划总投资${p.total}的${p.share}。`,
  methodName: (m) => {
    switch (m) {
      case 'time':
        return '时间进度法（时间过半、任务过半）';
      case 'trend':
        return '趋势法（实际增速与所需增速之比）';
    }
  },
  verdictTableCaption: '主要指标评估结果汇总',
  projectCaptions: {
    byCategory: '重大项目投资完成情况（按类别）',
    byArea: '重大项目投资完成情况（按区域）',
    list: '重大项目进展',
  },
  verdictColumns: ['判断', '指标数', '其中约束性', '占比'],
  total: '合计',
  verdictChart: '主要指标评估结果分布',
  indicatorsIntro: (n, binding, m) =>
    `规划确定的${n}项主要指标中，约束性指标${binding}项，预期性指标${n - binding}项。下表按约束性指标在前列出各项指标的基期值、目标值、当前值和判断；${m === 'time' ? '“时间进度”为已过去的规划期占比，“实际进度”为从基期值到目标值已完成的比例。' : '“增速比”为实际增速与实现目标所需增速之比。'}`,
  indicatorTableCaption: (year) => `主要指标完成情况（${year}年）`,
  indicatorColumns: ['类别', '指标', '属性', '基期值', '目标值', '当前值', '时间进度', '实际进度', '判断'],
  indicatorColumnsTrend: ['时间进度', '增速比'],
  binding: '约束性',
  expected: '预期性',
  uncategorised: '其他指标',
  explanations: '各项指标评估说明',
  laggingTrends: '需关注指标走势',
  trendCaption: (name, unit) =>
    `${name}：实际值（红色实线）与目标路径（蓝色虚线）${unit !== null && unit !== '' ? `，单位：${unit}` : ''}`,
  trendLabels: { actual: '实际值', path: '目标路径', target: '目标值' },
  noLagging: '本期没有滞后或进展不足的指标。',
  noTasks: '本规划未载入重点任务结构，本部分暂不评估。',
  noTaskReports: (n) => `规划确定的${n}项重点任务本期尚未报送进展。`,
  taskTableCaption: '重点任务推进情况（按篇、章）',
  taskColumns: ['篇/章', '任务数', '已完成', '推进中', '滞后', '受阻', '未开始', '未报送', '平均进度'],
  partSummary: (p) =>
    `本篇${p.n}项任务平均完成进度${p.percent}，已完成${p.completed}项${p.delayed > 0 ? `，滞后${p.delayed}项` : ''}${p.blocked > 0 ? `，受阻${p.blocked}项` : ''}${p.unreported > 0 ? `，${p.unreported}项未报送` : ''}。`,
  highlights: '工作亮点：',
  delayedTasks: (list) => `需要加快推进的任务：${list}。`,
  noProjects: '本规划未载入重大项目，本部分暂不评估。',
  noProjectReports: (n) => `规划确定的${n}项重大项目本期尚未报送投资完成情况。`,
  byCategory: '按类别',
  byArea: '按区域',
  projectList: '项目清单',
  projectGroupColumns: (unit) => [
    '类别/区域',
    '项目数',
    `计划总投资（${unit}）`,
    `累计完成投资（${unit}）`,
    '完成率',
  ],
  projectColumns: (unit) => [
    '项目',
    '类别',
    '区域',
    `计划总投资（${unit}）`,
    `累计完成投资（${unit}）`,
    '完成率',
    '进展阶段',
  ],
  otherArea: '其他区域',
  completionChart: '重大项目投资完成率（按类别）',
  completionSeries: '投资完成率',
  elapsedSeries: '时间进度',
  problemsLagging: (n) => `${n}项指标进度滞后或进展不足。`,
  problemIndicator: (p) =>
    `${p.name}：${p.dataYear}年为${p.actual}${p.expected !== null ? `，按时间进度应达到${p.expected}` : ''}${p.progress !== null && p.elapsed !== null ? `，实际进度${p.progress}，时间进度${p.elapsed}` : ''}，判断为“${p.verdict}”。`,
  problemsTasks: (d, b) => `${d + b}项重点任务推进迟缓，其中滞后${d}项、受阻${b}项。`,
  problemTask: (title, status, percent) => `${title}：${status}，完成进度${percent}。`,
  problemsProjects: (n) => `${n}项重大项目投资完成率低于时间进度。`,
  problemProject: (name, share, elapsed) => `${name}：投资完成率${share}，时间进度${elapsed}。`,
  problemsData: (n) => `${n}项指标数据暂缺或无法评估，监测基础有待加强。`,
  problemsNone: '本期未发现明显滞后的指标、任务和项目。',
  problemTitles: {
    lagging: '部分指标进度滞后',
    tasks: '部分重点任务推进迟缓',
    projects: '部分重大项目投资进度偏慢',
    data: '部分指标数据暂缺',
  },
  suggestionIndicator: (p) => {
    const change = p.absolute !== null ? `年均${p.increase ? '提高' : '降低'}${p.absolute}` : '';
    const rel =
      p.relative !== null
        ? `${change !== '' ? '（' : ''}年均${p.increase ? '增长' : '下降'}${p.relative}${change !== '' ? '）' : ''}`
        : '';
    return `${p.name}：剩余${p.years}年需${change}${rel}，方能实现“${p.target}”的目标。`;
  },
  suggestionFinal: (p) => `${p.name}：期末为${p.actual}，目标为“${p.target}”。`,
  suggestionFinalIntro: (n) =>
    `对未完成的${n}项指标，建议深入分析原因，在下一个五年规划编制中统筹考虑、合理确定目标：`,
  suggestionTasks: (n) =>
    `对滞后或受阻的${n}项重点任务，建议牵头部门逐项明确推进措施和时间节点，定期报送进展。`,
  suggestionProjects: (n) => `对投资完成率低于时间进度的${n}项重大项目，建议加强要素保障，加快建设进度。`,
  suggestionData: (n) => `对数据暂缺或无法评估的${n}项指标，建议明确数据来源和报送部门，完善统计监测。`,
  suggestionNone: '继续保持各项指标和任务的良好推进态势，加强动态监测。',
  suggestionTitles: {
    indicators: '聚焦滞后指标精准发力',
    tasks: '加快推进重点任务和重大项目',
    monitoring: '健全规划实施监测评估机制',
  },
  methodTitle: '评估方法',
  methodText: (m, delta) => {
    switch (m) {
      case 'time':
        return [
          `本报告采用时间进度法评估主要指标：时间进度 f =（评估年份 − 基期年份）/（目标年份 − 基期年份），实际进度 p =（当前值 − 基期值）/（目标值 − 基期值），按指标的改善方向计算；年均增速类指标按复合增长计算。`,
          `已达到目标的判为“提前实现”（期末为“已完成”）；p ≥ f + δ 判为“快于预期”；f − δ ≤ p < f + δ 判为“基本符合预期”；p < f − δ 判为“滞后”；期末未达到目标的判为“未完成”。本报告 δ = ${delta}。`,
          '上限、下限、保持、左右、区间、下达任务和相对目标等没有路径的指标，按当年是否满足目标条件判断；约束性指标和每年都须满足的指标在期末前不判为提前实现。',
        ];
      case 'trend':
        return [
          '本报告采用趋势法评估主要指标：以基期以来的实际年均增速与实现目标所需的年均增速之比 R 判断。',
          `已达到目标的判为“已实现目标”；R ≥ 0.95 判为“基本符合预期”；0.6 ≤ R < 0.95 判为“需加快进度”；0 ≤ R < 0.6 判为“进展有限”；R < 0 判为“出现倒退”。时间进度法的容差 δ = ${delta}。`,
        ];
    }
  },
  verdictDefinitions: '判断标准',
  verdictDefinitionColumns: ['判断', '含义'],
  notesTitle: '数据说明',
  notesColumns: ['指标', '说明'],
  sourceTitle: '数据来源',
  sourceText: (p) =>
    `本报告全部数字取自评估快照 ${p.id}（评估引擎 ${p.engine}，生成于 ${p.createdAt}，评估年份 ${p.year}，${p.method}）。指标数值以经审核的报送数据为准。`,
  rawSheet: '原始数据',
  rawColumns: ['代码', '指标', '单位', '年份', '数值', '文字', '类型'],
};

const en: Strings = {
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
  highlights: 'Highlights:',
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

export function strings(lang: ReportLang): Strings {
  switch (lang) {
    case 'zh':
      return zh;
    case 'en':
      return en;
  }
}
