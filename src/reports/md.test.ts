import { describe, expect, it } from 'vitest';
import { writeMarkdown } from './md.ts';
import type { ReportModel } from './types.ts';

const HOSTILE =
  '<script>alert(1)</script> <img src=x onerror=alert(2)> [点此](javascript:alert(3)) **粗** `代码`';

function model(text: string): ReportModel {
  const m: Pick<ReportModel, 'cover' | 'blocks' | 'footer'> = {
    cover: {
      planTitle: text,
      reportTitle: '年度评估报告',
      period: '2021—2025',
      issuer: text,
      date: '2026-12-01',
      draftMark: '（征求意见稿）',
      dataNote: text,
    },
    footer: text,
    blocks: [
      { type: 'heading', level: 1, text },
      { type: 'paragraph', text },
      { type: 'paragraph', text: `# 标题\n> 引用\n- 列表 ${text}` },
      { type: 'paragraph', text: '1. 不是列表', style: 'body' },
      { type: 'paragraph', text, style: 'note' },
      { type: 'bullets', items: [text, '<b>加粗</b>'] },
      {
        type: 'table',
        id: 'tasks',
        caption: text,
        columns: [
          { title: '任务', width: 10 },
          { title: '进展', width: 10 },
        ],
        rows: [[{ text: 'A|B' }, { text }]] as never,
      },
    ],
  };
  return m as ReportModel;
}

describe('.md report (issue 12, break 13)', () => {
  const md = writeMarkdown(model(HOSTILE));

  it('carries user text as text: no tag, no link, no emphasis or code', () => {
    expect(md).not.toMatch(/<(script|img|b)\b/i);
    expect(md).not.toMatch(/[^\\]\]\(javascript:/); // only as \](…): no link
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('\\[点此\\](javascript:alert(3))');
    expect(md).toContain('\\*\\*粗\\*\\*');
    expect(md).toContain('\\`代码\\`');
  });

  it('a paragraph never turns into a heading, quote or list, and cells stay in their column', () => {
    const lines = md.split('\n');
    expect(lines.some((l) => l.startsWith('\\# 标题 &gt; 引用 - 列表 &lt;script&gt;'))).toBe(true);
    expect(lines).toContain('1\\. 不是列表');
    expect(lines.filter((l) => /^#{1,3} /.test(l))).toHaveLength(2); // the report title and the one heading
    const row = lines.find((l) => l.startsWith('| A'))!;
    expect(row.startsWith('| A\\|B | ')).toBe(true);
  });
});
