import { describe, expect, it } from 'vitest';
import { messageFor } from './bilingual.ts';

// Issue 17, bug 8: bilingual server messages ("English 中文", "中文 / English") appeared whole in the Chinese UI.
// The server now sends each language in its own field; the screen takes its language's, never a split.
describe('the text of a server message for the UI language', () => {
  it('takes the field of the UI language', () => {
    const m = {
      message: 'Wrong email or password 邮箱或密码错误',
      messages: { zh: '邮箱或密码错误', en: 'Wrong email or password' },
    };
    expect(messageFor(m, 'zh-CN')).toBe('邮箱或密码错误');
    expect(messageFor(m, 'en')).toBe('Wrong email or password');
    const size = { zh: '佐证材料不超过20MB', en: 'An evidence file may be at most 20 MB' };
    expect(messageFor({ message: 'x', messages: size }, 'zh-CN')).toBe('佐证材料不超过20MB');
    expect(messageFor({ message: 'x', messages: size }, 'en')).toBe('An evidence file may be at most 20 MB');
  });

  it('keeps Chinese quoted inside the English text', () => {
    const messages = {
      zh: '更正已审核数据须在本行“说明/更正原因”列填写理由',
      en: 'Correcting an approved value needs a reason: write it in this row’s column “说明/更正原因 note / reason”',
    };
    expect(messageFor({ messages }, 'zh-CN')).toBe('更正已审核数据须在本行“说明/更正原因”列填写理由');
    expect(messageFor({ messages }, 'en')).toBe(
      'Correcting an approved value needs a reason: write it in this row’s column “说明/更正原因 note / reason”',
    );
  });

  it('shows a message in one language as it is, whole, in either UI language', () => {
    expect(messageFor({ message: 'Invalid value: Expected number' }, 'zh-CN')).toBe(
      'Invalid value: Expected number',
    );
    expect(messageFor({ message: '请先登录' }, 'en')).toBe('请先登录');
    // a one-string message is never cut, even when it looks like two languages
    expect(messageFor({ message: '2025年 数据暂缺' }, 'en')).toBe('2025年 数据暂缺');
    expect(messageFor({ message: 'Unknown department XZSP 部门不存在' }, 'zh-CN')).toBe(
      'Unknown department XZSP 部门不存在',
    );
  });

  it('ignores a malformed `messages` field and falls back to the one string', () => {
    const odd = { message: 'No route', messages: { zh: 1 } } as unknown as { message: string };
    expect(messageFor(odd, 'zh-CN')).toBe('No route');
    expect(messageFor({}, 'en')).toBe('');
  });
});
