import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zh from '../../locales/zh-CN.json';
import type { Translate } from '../../lib/i18n.tsx';
import type { VersionChange } from '../../lib/types.ts';
import { changeText } from './changeText.ts';

const translator =
  (dict: Record<string, string>): Translate =>
  (key, vars) =>
    (dict[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));

// Issue 17, bug 8: the import preview listed changes as `~ indicator T2-11 …: target 5000 → 6000; kind ceiling → share`.
describe('plan version changes in words', () => {
  const change: VersionChange = {
    subject: 'indicator',
    op: 'changed',
    code: 'T2-11',
    name: '国家高新技术企业数',
    fields: [
      { field: 'target', before: '5000', after: '6000' },
      { field: 'kind', before: 'ceiling', after: 'share' },
      { field: 'attribute', before: 'expected', after: 'binding' },
    ],
  };

  it('reads Chinese in the Chinese UI', () => {
    expect(changeText(translator(zh), change)).toBe(
      '修改指标 T2-11 国家高新技术企业数：目标值：5000 → 6000；目标类型：上限 → 比重；属性：预期性 → 约束性',
    );
    expect(
      changeText(translator(zh), { subject: 'node', op: 'added', kind: 'part', label: '第二篇 保障措施' }),
    ).toBe('新增篇：第二篇 保障措施');
    expect(
      changeText(translator(zh), { subject: 'indicator', op: 'removed', code: 'B', name: '指标B' }),
    ).toBe('删除指标 B 指标B');
  });

  it('reads English in the English UI, without internal names', () => {
    const s = changeText(translator(en), change);
    expect(s).toBe(
      'Indicator T2-11 国家高新技术企业数 changed: target: 5000 → 6000; target type: ceiling → share; attribute: expected → binding'
        .replace('ceiling → share', `${en['kind.ceiling']} → ${en['kind.share']}`)
        .replace('expected → binding', `${en['attribute.expected']} → ${en['attribute.binding']}`),
    );
    expect(s).not.toMatch(/\bkind\b/);
  });
});
