import { describe, expect, it } from 'vitest';
import { splitLead } from './build.ts';
import { inferMeta, periodOfPlanNumber, planNumberOf } from './meta.ts';
import { matchHeading } from './patterns.ts';

describe('splitLead', () => {
  it.each([
    ['聚力推动产业集群发展。做大做强集群。', '聚力推动产业集群发展', '做大做强集群。'],
    ['——开放引领。发挥中新合作优势。', '开放引领', '发挥中新合作优势。'],
    [
      '在改革创新、推动高质量发展上争当表率。全面强化。',
      '在改革创新、推动高质量发展上争当表率',
      '全面强化。',
    ],
  ])('%s', (text, title, rest) => {
    expect(splitLead(text)).toEqual({ title, text: rest });
  });
  it.each([
    '“十三五”时期，是园区综合实力提升的阶段。',
    '——“一核”：金鸡湖商务主核。',
    '这是一个非常非常非常非常非常非常非常长的第一句话没有逗号但是太长了。',
    '没有句号',
  ])('not a lead: %s', (text) => {
    expect(splitLead(text)).toBeNull();
  });
});

describe('matchHeading', () => {
  it.each([
    ['第一篇 率先开启社会主义现代化建设新征程', 'part', '第一篇', '率先开启社会主义现代化建设新征程'],
    ['第17章 打造长三角数字经济高地', 'chapter', '第17章', '打造长三角数字经济高地'],
    ['第二十一章  建设数字引领的智慧园区', 'chapter', '第二十一章', '建设数字引领的智慧园区'],
    ['第4节 健全基本公共服务体制', 'section', '第4节', '健全基本公共服务体制'],
    ['第三节 2035年远景目标', 'section', '第三节', '2035年远景目标'],
  ])('%s', (text, level, number, title) => {
    expect(matchHeading(text)).toMatchObject({ level, number, title });
  });
  it('refuses sentences', () => {
    expect(matchHeading('第一章所述的任务已经完成。')).toBeNull();
    expect(
      matchHeading(
        '第十三次会议提出新苏共建“国际化走廊”，双方将加强合作，强化政府服务，发挥各自优势，帮助企业共同拓展国际市场。',
      ),
    ).toBeNull();
  });
});

describe('meta', () => {
  it('maps plan numbers to periods', () => {
    expect(periodOfPlanNumber(14)).toEqual({ start: 2021, end: 2025 });
    expect(periodOfPlanNumber(13)).toEqual({ start: 2016, end: 2020 });
    expect(planNumberOf('苏州工业园区国民经济和社会发展第十四个五年规划')).toBe(14);
    expect(planNumberOf('园区“十三五”经济社会发展指标')).toBe(13);
  });
  it('falls back to the most-mentioned “十X五” and to the file name', () => {
    const meta = inferMeta({
      titleCandidates: [],
      leadParagraphs: [],
      allText: '“十四五”时期……“十四五”期间……“十三五”时期',
      filename: '/tmp/某县发展规划纲要.txt',
      sourceFormat: 'txt',
    });
    expect(meta).toMatchObject({
      title: '某县发展规划纲要',
      titleSource: 'filename',
      period: { start: 2021, end: 2025 },
      planNumber: 14,
    });
  });
  it('returns null when nothing tells the period', () => {
    expect(
      inferMeta({
        titleCandidates: [],
        leadParagraphs: [],
        allText: '',
        filename: null,
        sourceFormat: 'txt',
      }),
    ).toBeNull();
  });
});
