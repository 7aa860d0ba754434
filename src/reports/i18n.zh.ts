/** The words of a report in Chinese, in the customary structure of a planning evaluation report. */
import { zhNumeral } from './format.ts';
import type { Strings } from './i18n.ts';

export const zh: Strings = {
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
  assessmentTitle: '部门考核情况',
  assessmentIntro: (n, year, asOf) =>
    `按考核细则，对承担本规划任务的${n}个部门${year}年度工作进行考核（数据截至${asOf}），得分含联合考核组调整，见下表。`,
  assessmentCaption: (year) => `${year}年度部门考核得分`,
  assessmentColumns: ['名次', '部门', '计算得分', '考核组调整', '总分'],
  annualPlanTitle: '年度计划执行情况',
  annualPlanIntro: (n, year) =>
    `${year}年度计划为${n}项主要指标设定了全年预期目标。下表列出各项指标的全年预期目标、全年完成情况和完成率（按指标方向计算）。`,
  annualPlanCaption: (year) => `${year}年主要指标全年预期目标完成情况`,
  annualPlanColumns: ['指标', '属性', '全年预期目标', '全年完成情况', '完成率', '完成情况'],
  annualVerdicts: {
    achieved: '完成',
    nearly: '基本完成',
    missed: '未完成',
    no_data: '数据暂缺',
    no_target: '未设目标',
  },
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
  highlights: (part) => `${part}工作亮点：`,
  nameList: (names) => (names.length === 1 ? (names[0] ?? '') : `${names.join('、')}（${names.length}项）`),
  unjudgedGroup: '暂无数据的指标',
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
    if (change === '' && rel === '')
      return `${p.name}：剩余${p.years}年需加快推进，方能实现“${p.target}”的目标。`;
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
