/**
 * A small synthetic outline (.md) with one of everything the import report lists: numbering gaps at every
 * level (第二篇, 第三章, 第二节 missing), a table column not understood (责任单位), a row without a target,
 * a target without a year, and a paragraph that looks like a heading but is not one.
 */
export const REPORT_OUTLINE_MD = `# 某区国民经济和社会发展第十五个五年规划纲要

## 第一篇 总体要求

### 第一章 发展基础

全区经济稳步增长。

### 第二章 主要目标

**表1 主要指标**

| 指标 | 2025年 | 2030年 | 责任单位 | 属性 |
|---|---|---|---|---|
| 地区生产总值（亿元） | 2000 | 3000 | 区发改委 | 预期性 |
| 研发经费投入强度（%） | 3 | — | 区科技局 | 预期性 |

#### 第一节 经济发展

到2030年，城镇调查失业率控制在5.5%以内。

#### 第三节 创新驱动

培育创新企业。

## 第三篇 保障措施

### 第四章 组织实施

加强组织领导，公共绿地率达到40%。

第五章所列任务，由各部门分工落实。
`;

/** The report the outline above gives (what the CLI, the API and the web preview show). */
export const REPORT_OUTLINE_EXPECTED = {
  script: 'simplified',
  contentsSkipped: null,
  headings: [
    { level: 'part', count: 2, gaps: ['第二篇 missing between 第一篇 and 第三篇'] },
    { level: 'chapter', count: 3, gaps: ['第三章 missing between 第二章 and 第四章'] },
    { level: 'section', count: 2, gaps: ['第二章: 第二节 missing between 第一节 and 第三节'] },
  ],
  tablesNotUnderstood: [
    { table: 1, caption: '主要指标', problem: 'columns not understood: 责任单位', source: 'line 11' },
  ],
  rowsWithoutTarget: [{ table: 1, name: '研发经费投入强度', source: 'line 16' }],
  // A paragraph's target is located at its heading (paragraphs carry no line of their own).
  targetsWithoutYear: [{ text: '公共绿地率达到40%', source: 'line 28' }],
  headingLike: [{ text: '第五章所列任务，由各部门分工落实。', source: 'line 32' }],
} as const;
