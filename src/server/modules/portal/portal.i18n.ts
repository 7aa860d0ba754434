export type Lang = 'zh' | 'en';

const WORDS = {
  site: { zh: '规划实施监督平台', en: 'Plan Implementation Monitor' },
  skip: { zh: '跳到正文', en: 'Skip to content' },
  overview: { zh: '规划总览', en: 'Overview' },
  indicators: { zh: '主要指标', en: 'Indicators' },
  projects: { zh: '重大项目', en: 'Major projects' },
  reports: { zh: '评估报告', en: 'Evaluation reports' },
  feedback: { zh: '监督意见', en: 'Public comments' },
  switchLang: { zh: 'English', en: '中文' },
  period: { zh: '规划期', en: 'Plan period' },
  vision: { zh: '远景目标年', en: 'Vision year' },
  structure: { zh: '规划结构', en: 'Structure' },
  parts: { zh: '篇', en: 'parts' },
  chapters: { zh: '章', en: 'chapters' },
  sections: { zh: '节', en: 'sections' },
  tasks: { zh: '项任务', en: 'tasks' },
  assessedYear: { zh: '评价年度', en: 'Year assessed' },
  verdictDistribution: { zh: '指标进展分布', en: 'Progress of the indicators' },
  category: { zh: '类别', en: 'Category' },
  indicator: { zh: '指标', en: 'Indicator' },
  unit: { zh: '单位', en: 'Unit' },
  baseline: { zh: '基期值', en: 'Baseline' },
  target: { zh: '目标值', en: 'Target' },
  latest: { zh: '最新值', en: 'Latest' },
  attribute: { zh: '属性', en: 'Attribute' },
  binding: { zh: '约束性', en: 'Binding' },
  expected: { zh: '预期性', en: 'Expected' },
  verdict: { zh: '评价', en: 'Verdict' },
  values: { zh: '已公布数据', en: 'Published values' },
  periodCol: { zh: '期间', en: 'Period' },
  source: { zh: '数据来源', en: 'Source' },
  released: { zh: '发布于', en: 'released' },
  revision: { zh: '修订第', en: 'revision' },
  value: { zh: '数值', en: 'Value' },
  download: { zh: '下载数据（CSV）', en: 'Download data (CSV)' },
  noValues: { zh: '暂无已审核数据。', en: 'No approved values yet.' },
  chartNote: {
    zh: '红线为实际值，蓝色虚线为从基期值到目标值的预期路径。',
    en: 'Red: actual values. Dashed blue: the expected path from baseline to target.',
  },
  comments: { zh: '公众意见', en: 'Comments' },
  contents: { zh: '下设内容', en: 'Contents' },
  noComments: { zh: '暂无公开意见。', en: 'No published comments yet.' },
  reply: { zh: '答复', en: 'Reply' },
  awaitingReply: { zh: '等待部门答复', en: 'Awaiting the department’s reply' },
  postComment: { zh: '发表意见', en: 'Post a comment' },
  commentBody: { zh: '意见内容', en: 'Your comment' },
  nameOptional: { zh: '称呼（可选，将公开）', en: 'Name (optional, published)' },
  contactOptional: { zh: '联系方式（可选，不公开）', en: 'Contact (optional, never published)' },
  honeypot: { zh: '请勿填写此项', en: 'Leave this empty' },
  send: { zh: '提交', en: 'Send' },
  moderationNote: {
    zh: '意见经审核后公开，并转责任部门答复。手机号、身份证号将被部分隐藏。',
    en: 'Comments are published after moderation and passed to the responsible department for a reply. Phone and ID numbers are partly hidden.',
  },
  sent: { zh: '已收到您的意见，审核后公开。', en: 'Thank you — your comment will appear after moderation.' },
  replyRates: { zh: '部门答复情况', en: 'Replies by department' },
  department: { zh: '部门', en: 'Department' },
  routed: { zh: '转办', en: 'Routed' },
  replied: { zh: '已答复', en: 'Replied' },
  replyRate: { zh: '答复率', en: 'Reply rate' },
  medianHours: { zh: '答复时间中位数（小时）', en: 'Median reply time (hours)' },
  project: { zh: '项目', en: 'Project' },
  area: { zh: '片区', en: 'Area' },
  investment: { zh: '总投资', en: 'Total investment' },
  years: { zh: '建设年限', en: 'Years' },
  stage: { zh: '阶段', en: 'Stage' },
  layoutMap: { zh: '园区空间布局与重大项目（示意）', en: 'Spatial layout and major projects (schematic)' },
  layoutMapNote: {
    zh: '示意图：四个功能片区按项目数量着色，红色方块为一核三心，虚线为两轴，黄点为已定位的重大项目。',
    en: 'Schematic: the four areas shaded by number of projects; red squares are the core and centres, dashed lines the two axes, yellow dots located projects.',
  },
  investmentByArea: { zh: '各片区项目总投资', en: 'Total investment by area' },
  reportKind: { zh: '报告', en: 'Report' },
  annual: { zh: '年度监测报告', en: 'Annual report' },
  midterm: { zh: '中期评估报告', en: 'Mid-term evaluation' },
  final: { zh: '总结评估报告', en: 'Final evaluation' },
  reportNote: {
    zh: '报告根据已审核数据生成，为评估工作底稿。',
    en: 'Reports are generated from approved data as working drafts of the evaluation.',
  },
  openData: { zh: '开放数据', en: 'Open data' },
  feeds: { zh: '订阅答复（Atom）', en: 'Replies feed (Atom)' },
  notFound: { zh: '未找到该页面。', en: 'Page not found.' },
  back: { zh: '返回总览', en: 'Back to the overview' },
} as const;

export type WordKey = keyof typeof WORDS;

export function t(lang: Lang, key: WordKey): string {
  return WORDS[key][lang];
}

/** Chinese unless the visitor chose English (?lang=en, remembered in a cookie). */
export function pickLang(query: string | undefined, cookie: string | undefined): Lang {
  if (query === 'en' || query === 'zh') return query;
  return cookie === 'en' ? 'en' : 'zh';
}
