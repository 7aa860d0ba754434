import { describe, expect, it } from 'vitest';
import { isLantuError } from '../../src/domain/errors.ts';
import { importPlan } from '../../src/importers/import-plan.ts';
import { errorCodeOf } from './support.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const MD = `# 某区国民经济和社会发展第十四个五年规划纲要

## 序言

“十四五”时期（2021~2025年），是全区发展的关键时期。

## 第一篇 总体要求

### 第一章 发展目标

表1 主要指标

| 类别 | 序号 | 指标 | 2020年完成值 | 2025年目标值 | 指标属性 |
|---|---|---|---|---|---|
| 经济 | 1 | 一般公共预算收入（亿元） | 100 | 150以上 | 预期性 |
|  | 2 | 单位地区生产总值能源消耗降低（%） | — | 完成市下达任务 | 约束性 |

#### 第一节 创新发展

加快建设创新平台。到2025年，研发机构累计不少于30家[^1]。

专栏1 重点项目

科创中心：建成投用。

[^1]: 含省级以上研发机构。
`;

describe('.md import', () => {
  it('reads # headings, pipe tables, boxes and footnotes', () => {
    const doc = importPlan({ bytes: enc(MD), filename: 'plan.md' });
    expect(doc.meta).toMatchObject({
      title: '某区国民经济和社会发展第十四个五年规划纲要',
      titleSource: 'heading',
      period: { start: 2021, end: 2025 },
      sourceFormat: 'md',
    });
    expect(doc.preamble?.paragraphs).toHaveLength(1);
    expect(doc.parts[0]?.chapters[0]?.sections[0]?.tasks.map((t) => t.title)).toEqual(['加快建设创新平台']);
    expect(
      doc.tables[0]?.rows.map((r) => [
        r.category,
        r.name,
        r.unit,
        r.baseline?.comparator,
        r.target?.raw,
        r.inferred.kind,
      ]),
    ).toEqual([
      ['经济', '一般公共预算收入', '亿元', 'eq', '150以上', 'floor'],
      ['经济', '单位地区生产总值能源消耗降低', '%', 'none', '完成市下达任务', 'assigned'],
    ]);
    expect(doc.boxes).toMatchObject([
      { number: 1, title: '重点项目', items: [{ label: '科创中心', text: '建成投用。' }] },
    ]);
    expect(doc.footnotes).toMatchObject([{ number: 1, nodeId: 'C1.S1.T1' }]);
    expect(doc.targets.map((t) => [t.text, t.inferred.kind])).toEqual([
      ['研发机构累计不少于30家', 'cumulative'],
    ]);
  });
});

describe('.txt edge cases', () => {
  it('reads GB18030-encoded text', () => {
    const text = '第一章 总则\n“十四五”时期，推动发展。\n';
    // GB18030 bytes of the text above, produced with Python's gb18030 codec.
    const gb = Buffer.from(
      'b5dad2bbd5c220d7dcd4f20aa1b0caaecbc4cee5a1b1cab1c6daa3accdc6b6afb7a2d5b9a1a30a',
      'hex',
    );
    expect(new TextDecoder('gb18030').decode(gb)).toBe(text);
    const doc = importPlan({ bytes: gb, filename: 'plan.txt' });
    expect(doc.chapters.map((c) => c.title)).toEqual(['总则']);
    expect(doc.meta.period).toEqual({ start: 2021, end: 2025 });
  });

  it('refuses text without chapters, naming where it looked', () => {
    try {
      importPlan({ bytes: enc('你好\n世界\n'), filename: 'x.txt' });
      expect.unreachable();
    } catch (e) {
      expect(isLantuError(e) && e.code).toBe('not_a_plan');
      expect(String(e)).toMatch(/line 1/);
    }
  });

  it('refuses empty, binary and unsupported input with typed errors', () => {
    expect(errorCodeOf(() => importPlan({ bytes: new Uint8Array(0) }))).toBe('not_a_plan');
    expect(errorCodeOf(() => importPlan({ bytes: enc('第一章 总则\u0000x') }))).toBe('unsupported_input');
    expect(errorCodeOf(() => importPlan({ bytes: enc('%PDF-1.4'), filename: 'a.pdf' }))).toBe(
      'unsupported_input',
    );
  });

  it('refuses a plan whose period cannot be told', () => {
    expect(
      errorCodeOf(() => importPlan({ bytes: enc('第一章 总则\n推动发展。\n'), filename: 'x.txt' })),
    ).toBe('not_a_plan');
  });
});
