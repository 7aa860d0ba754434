import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import type { PlanDocument } from '../../src/importers/plan-document.ts';

/** Synthetic outlines shaped like text copied out of PDF viewers (no real document's sentences). */
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const load = (text: string, filename = 'plan.txt'): PlanDocument =>
  importPlan({ bytes: enc(text), filename });
const tree = (doc: PlanDocument): string[] =>
  [...doc.parts.map((p) => ({ p, cs: p.chapters })), { p: null, cs: doc.chapters }].flatMap(({ p, cs }) => [
    ...(p ? [`${p.number} ${p.title}`] : []),
    ...cs.flatMap((c) => [
      `  ${c.number} ${c.title}`,
      ...c.sections.map((s) => `    ${s.number} ${s.title}`),
    ]),
  ]);

describe('text copied from a PDF viewer', () => {
  const RUN_TOGETHER = [
    '某市日报　２０２６年３月２日　第０１版',
    '　　某市国民经济和社会发展第十五个五年（２０２６—２０３０年）规划纲要，根据市委建议编制，是今后五年全市发展的行动纲领',
    '目录 第一篇 总体要求 第一章 发展环境 第二章 主要目标 第二篇 创新发展 第三章 建设创新高地',
    '　　第一篇　总体要求　　今后五年是全市发展的关键时期',
    '　　第一章 发展环境 “十四五”时期全市经济稳步增长，城乡面貌显著改善',
    '某市国民经济和社会发展第十五个五年规划纲要',
    '　　第二章　主要目标　　今后五年全市经济社会发展的主要目标是：　　——经济实力明显增强',
    '地区生产总值年均增长 ５ ％左右，城镇调查失业率控制在 ５．５％以内',
    '单位地区生产总值能源消耗降低 １３ ％，研发经费投入强度提高到 ３．５ ％',
    '人均预期寿命再提高 １ 岁，居民人均可支配收入比 2020 年翻一番',
    '某市国民经济和社会发展第十五个五年规划纲要',
    '第二篇 创新发展 第三章 建设创新高地 第一节 集聚创新资源 到 2030 年，新型研发机构达到 ６０ 家',
    '第二节',
    '培育创新企业',
    '— 3 —',
    '高新技术企业数量突破 ２０００ 家',
    '某市国民经济和社会发展第十五个五年规划纲要',
  ].join('\n');

  it('cuts headings out of body lines, several on a line, and skips masthead, contents and running titles', () => {
    const doc = load(RUN_TOGETHER);
    expect(tree(doc)).toEqual([
      '第一篇 总体要求',
      '  第一章 发展环境',
      '  第二章 主要目标',
      '第二篇 创新发展',
      '  第三章 建设创新高地',
      '    第一节 集聚创新资源',
      '    第二节 培育创新企业',
    ]);
    expect(doc.meta).toMatchObject({
      title: '某市国民经济和社会发展第十五个五年规划纲要',
      issuer: '某市',
      period: { start: 2026, end: 2030 },
      planNumber: 15,
    });
    expect(doc.parts[0]?.chapters[0]?.paragraphs).toEqual(['“十四五”时期全市经济稳步增长，城乡面貌显著改善']);
    const all = JSON.stringify(doc);
    expect(all).not.toContain('某市日报');
    expect(all.match(/某市国民经济和社会发展第十五个五年规划纲要/g)).toHaveLength(1);
  });

  it('reads the 主要目标 list: spaces inside numbers, full-width digits, dated by the lead-in', () => {
    const doc = load(RUN_TOGETHER);
    const got = doc.targets.map((t) => [
      t.text,
      t.year,
      t.value.comparator,
      t.value.value,
      t.inferred.kind,
      t.change,
    ]);
    expect(got).toEqual([
      ['地区生产总值年均增长5%左右', 2030, 'about', 5, 'about', null],
      ['城镇调查失业率控制在5.5%以内', 2030, 'lte', 5.5, 'ceiling', null],
      ['单位地区生产总值能源消耗降低13%', 2030, 'eq', 13, 'reduction', null],
      ['研发经费投入强度提高到3.5%', 2030, 'eq', 3.5, 'level', null],
      ['人均预期寿命再提高1岁', 2030, 'eq', 1, 'level', { by: 'add', amount: 1 }],
      ['居民人均可支配收入比2020年翻一番', 2030, 'eq', 2, 'level', { by: 'multiply', amount: 2 }],
      ['新型研发机构达到60家', 2030, 'eq', 60, 'level', null],
    ]);
  });

  it('rejoins hard-wrapped lines without punctuation by the wrap width, not by 。', () => {
    // Distinct 40-character lines (a running line repeated on every page would be dropped).
    const chars = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星';
    const line = (k: number): string =>
      Array.from({ length: 40 }, (_, i) => chars[(i * 7 + k * 13) % chars.length]).join('');
    const text = [
      '某县“十五”计划纲要',
      '第一章 发展基础',
      `\u3000\u3000${line(1)}`,
      line(2),
      '子丑寅卯辰巳午未',
      `\u3000\u3000${line(3)}`,
      '短行结束',
      ...Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? `收尾${i}` : line(i + 4))),
    ].join('\n');
    const doc = load(text);
    const paras = doc.chapters[0]?.paragraphs ?? [];
    expect(paras[0]).toBe(`${line(1)}${line(2)}子丑寅卯辰巳午未`);
    expect(paras[1]).toBe(`${line(3)}短行结束`);
    expect(paras).toHaveLength(12);
    expect(doc.meta).toMatchObject({ period: { start: 2001, end: 2005 }, planNumber: 10 });
  });

  it('reads 计划 titles and periods in every spelling', () => {
    const cases: [string, { start: number; end: number }, number | null][] = [
      ['某省国民经济和社会发展第十个五年计划纲要\n第一章 总则\n推动发展。', { start: 2001, end: 2005 }, 10],
      [
        '某省国民经济和社会发展“九五”计划和2010年远景目标纲要\n第一章 总则\n推动发展。',
        { start: 1996, end: 2000 },
        9,
      ],
      ['某区环境保护规划（2001年至2005年）\n第一章 总则\n推动发展。', { start: 2001, end: 2005 }, 10],
      ['某区产业发展专项规划\n第一章 总则\n规划期为2026—2030年。', { start: 2026, end: 2030 }, 15],
      [
        '长三角某区域一体化发展规划纲要（2019—2025年）\n第一章 总则\n推动发展。',
        { start: 2019, end: 2025 },
        null,
      ],
    ];
    for (const [text, period, planNumber] of cases) {
      expect(load(text).meta, text).toMatchObject({ period, planNumber });
    }
  });

  it('reads a 计划 outline’s structure: 篇, 章 and 节 under it, the period from （2001年至2005年）', () => {
    const doc = load(
      [
        '某省国民经济和社会发展第十个五年计划纲要（2001年至2005年）',
        '第一篇 指导方针和发展目标',
        '第一章 发展环境 全省经济保持较快增长。',
        '第二章 主要目标',
        '“十五”期间，全省生产总值年均增长9%左右。',
        '第二篇 经济结构 第三章 农业 第一节 稳定粮食生产',
        '提高粮食综合生产能力。',
        '第二节 发展特色农业',
        '建设优势农产品基地。',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({
      title: '某省国民经济和社会发展第十个五年计划纲要',
      period: { start: 2001, end: 2005 },
      planNumber: 10,
    });
    expect(tree(doc)).toEqual([
      '第一篇 指导方针和发展目标',
      '  第一章 发展环境',
      '  第二章 主要目标',
      '第二篇 经济结构',
      '  第三章 农业',
      '    第一节 稳定粮食生产',
      '    第二节 发展特色农业',
    ]);
    expect(doc.targets.map((t) => [t.text, t.year, t.inferred.kind])).toEqual([
      ['全省生产总值年均增长9%左右', 2005, 'about'],
    ]);
  });

  it('takes 一、二、… as chapters and （一）… as sections when the plan has no 章', () => {
    const doc = load(
      [
        '某区“十五五”养老服务专项规划',
        '一、发展基础',
        '全区养老服务体系初步建成。',
        '二、总体要求',
        '（一）指导思想',
        '坚持以人民为中心。',
        '（二）主要目标　　到2030年，养老机构护理型床位占比达到65%。',
        '三、主要任务',
        '（一）完善服务网络',
        '建设街道综合为老服务中心。',
      ].join('\n'),
    );
    expect(tree(doc)).toEqual([
      '  一、 发展基础',
      '  二、 总体要求',
      '    （一） 指导思想',
      '    （二） 主要目标',
      '  三、 主要任务',
      '    （一） 完善服务网络',
    ]);
    expect(doc.meta.period).toEqual({ start: 2026, end: 2030 });
    expect(doc.targets.map((t) => [t.text, t.year])).toEqual([['养老机构护理型床位占比达到65%', 2030]]);
  });

  it('dates a 2035 vision target to 2035 in any spelling of the year, never to the plan’s end', () => {
    const body = (y: string) => [
      '第一章 远景目标和主要目标',
      `到${y}年，常住人口城镇化率达到80%。`,
      `展望${y}年，人均预期寿命达到81岁。`,
      '到2030年，研发经费投入强度达到3.5%。',
    ];
    for (const y of ['2035', '二〇三五', '二○三五']) {
      const vision = load(
        ['某省国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要', ...body(y)].join('\n'),
      );
      expect(vision.meta, y).toMatchObject({
        period: { start: 2026, end: 2030 },
        planNumber: 15,
        visionYear: 2035,
      });
      expect(
        vision.targets.map((t) => [t.text, t.year]),
        y,
      ).toEqual([
        ['常住人口城镇化率达到80%', 2035],
        ['人均预期寿命达到81岁', 2035],
        ['研发经费投入强度达到3.5%', 2030],
      ]);
      // Without a vision in the title a 2035 target is outside the plan: left out, not dated 2030.
      const plain = load(
        ['某省国民经济和社会发展第十五个五年规划纲要（2026—2030年）', ...body(y)].join('\n'),
      );
      expect(
        plain.targets.map((t) => [t.text, t.year]),
        y,
      ).toEqual([['研发经费投入强度达到3.5%', 2030]]);
    }
  });
});
