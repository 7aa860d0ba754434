import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssueMessage } from './zod-messages.ts';

const issues = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues;

describe('zodIssueMessage', () => {
  it('names the field and the rule in Chinese beside zod’s English', () => {
    const s = z.object({ code: z.string().min(2), n: z.number().max(10), kind: z.enum(['a', 'b']) });
    expect(zodIssueMessage(issues(s, { code: 'x', n: 1, kind: 'a' }))).toEqual({
      zh: 'code 无效：至少 2 个字符',
      en: 'Invalid code: Too small: expected string to have >=2 characters',
    });
    expect(zodIssueMessage(issues(s, { code: 'xy', n: 11, kind: 'a' })).zh).toBe('n 无效：不能大于 10');
    expect(zodIssueMessage(issues(s, { code: 'xy', n: 1, kind: 'c' })).zh).toBe(
      'kind 无效：应为以下之一：a、b',
    );
    expect(zodIssueMessage(issues(s, { n: 1, kind: 'a' })).zh).toBe('code 无效：缺少或类型不对，应为文本');
  });

  it('takes a refinement’s Chinese from params, and names the whole input when there is no path', () => {
    const s = z.string().refine(() => false, { message: 'Give one', params: { zh: '请只给一个' } });
    expect(zodIssueMessage(issues(s, 'x'), { zh: '数据集', en: 'dataset' })).toEqual({
      zh: '数据集无效：请只给一个',
      en: 'Invalid dataset: Give one',
    });
  });
});
