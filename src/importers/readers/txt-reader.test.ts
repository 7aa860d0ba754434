import { describe, expect, it } from 'vitest';
import type { Block, ParaBlock } from '../blocks.ts';
import { readTxt } from './txt-reader.ts';

const paras = (blocks: Block[]): string[] =>
  blocks.filter((b): b is ParaBlock => b.type === 'para').map((b) => b.text);

describe('readTxt', () => {
  it('removes bookmarks and keeps the level hint', () => {
    const r = readTxt('[bookmark: _Toc1][bookmark: _Toc2_WPSOffice_Level2]第一章 发展基础\n');
    expect(r.blocks[0]).toMatchObject({
      type: 'para',
      text: '第一章 发展基础',
      levelHint: 2,
      source: 'line 1',
    });
  });

  it('joins lines broken mid-sentence, across page numbers and blank lines', () => {
    const r = readTxt(
      '科技创新实现新突破。2020年研发经费支出占地区生产\n\n 15 \n[bookmark: _Toc9]总值比重达4.5%。\n下一段。\n',
    );
    expect(paras(r.blocks)).toEqual([
      '科技创新实现新突破。2020年研发经费支出占地区生产总值比重达4.5%。',
      '下一段。',
    ]);
  });

  it('lifts footnote bodies out of the text, also when they span lines and sit mid-sentence', () => {
    const r = readTxt(
      '探索XOD[footnoteRef:6]复合开发。完善正向激 [6:  是TOD等开发模式\n的统称。\n] \n\n励和反向倒逼机制。\n',
    );
    expect(paras(r.blocks)).toEqual(['探索XOD复合开发。完善正向激励和反向倒逼机制。']);
    expect(r.footnotes).toEqual([{ number: 6, text: '是TOD等开发模式的统称。', source: 'line 1' }]);
    expect(r.blocks[0]).toMatchObject({ footnoteRefs: [6] });
  });

  it('drops image alt text spanning lines and stray 描述已自动生成] lines', () => {
    const r = readTxt(
      '第一句。\n[image: 图片包含 地图\n\n描述已自动生成]\n 描述已自动生成]\n图1 园区城市空间布局\n',
    );
    expect(paras(r.blocks)).toEqual(['第一句。', '图1 园区城市空间布局']);
  });

  it('reads tab-indented tables: wrapped cells, empty cells, rows separated by blank lines', () => {
    const text = [
      '表1 指标',
      '\t类别',
      '\t2020年',
      '目标值',
      '',
      '\t经济',
      '\t完成市下',
      '达任务',
      '',
      '\t',
      '\t6.5',
      '',
      '',
      '后文。',
    ].join('\n');
    const r = readTxt(text);
    expect(r.blocks[1]).toEqual({
      type: 'table',
      rows: [
        ['类别', '2020年目标值'],
        ['经济', '完成市下达任务'],
        ['', '6.5'],
      ],
      rowSources: ['line 2', 'line 6', 'line 10'],
      source: 'line 2',
    });
    expect(paras(r.blocks)).toEqual(['表1 指标', '后文。']);
  });

  it('keeps headings that start with a tab or carry bookmarks mid-line', () => {
    const r = readTxt(
      '[bookmark: a] \t第二十四章 建设协同治理的平安园区\n第4节 [bookmark: b]健全基本公共服务体制\n',
    );
    expect(paras(r.blocks)).toEqual(['第二十四章 建设协同治理的平安园区', '第4节 健全基本公共服务体制']);
  });

  it('warns about a footnote that is never closed', () => {
    const r = readTxt('正文。[1: 未闭合的脚注\n');
    expect(r.warnings).toHaveLength(1);
    expect(r.footnotes[0]?.text).toBe('未闭合的脚注');
  });
});
