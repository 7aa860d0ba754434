import { describe, expect, it } from 'vitest';
import { findInFields, findInText, normaliseQuery } from './search.ts';

const hit = (q: string, text: string) => {
  const m = findInText(normaliseQuery(q), text);
  return m && m.snippet.slice(m.highlight.start, m.highlight.end);
};

describe('findInText', () => {
  it('finds a Chinese phrase anywhere in a run of characters', () => {
    expect(hit('生物医药', '加快建设世界级生物医药产业地标')).toBe('生物医药');
  });

  it('treats full-width digits, case and stray spaces as the same text', () => {
    expect(hit('2025年', '到 ２０２５ 年，研发投入强度')).toBe('２０２５ 年');
    expect(hit('ai', '发展AI芯片')).toBe('AI');
    expect(hit('十 四 五', '“十四五”时期')).toBe('十四五');
  });

  it('cuts a long text around the match and marks the cut with an ellipsis', () => {
    const text = `${'前'.repeat(100)}目标${'后'.repeat(100)}`;
    const m = findInText(normaliseQuery('目标'), text)!;
    expect(m.snippet.startsWith('…')).toBe(true);
    expect(m.snippet.endsWith('…')).toBe(true);
    expect(m.snippet.length).toBe(2 + 40 + 2 + 40);
    expect(m.snippet.slice(m.highlight.start, m.highlight.end)).toBe('目标');
  });

  it('collapses line breaks in the snippet without losing the highlight', () => {
    expect(hit('创新', '第一段\n\n  科技创新\n引领')).toBe('创新');
  });

  it('finds nothing for an empty query, an empty text or an absent phrase', () => {
    expect(findInText('', 'abc')).toBeNull();
    expect(findInText('a', null)).toBeNull();
    expect(findInText(normaliseQuery('碳中和'), '碳达峰')).toBeNull();
  });

  it('keeps a character outside the basic plane whole', () => {
    expect(hit('𠀋村', '前𠀋村后')).toBe('𠀋村');
  });
});

describe('findInFields', () => {
  it('reports the first field that matches', () => {
    expect(findInFields(normaliseQuery('园区'), ['标题', '园区正文'])?.field).toBe(1);
    expect(findInFields(normaliseQuery('园区'), ['园区', '园区正文'])?.field).toBe(0);
    expect(findInFields(normaliseQuery('无'), [null, '有'])).toBeNull();
  });
});
