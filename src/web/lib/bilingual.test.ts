import { describe, expect, it } from 'vitest';
import { pickHalf } from './bilingual.ts';

// Issue 17, bug 8: bilingual server messages ("English 中文", "中文 / English") appeared whole in the Chinese UI.
describe('the half of a bilingual server message for the UI language', () => {
  it('splits "English 中文" messages', () => {
    const m = 'Wrong email or password 邮箱或密码错误';
    expect(pickHalf(m, 'zh-CN')).toBe('邮箱或密码错误');
    expect(pickHalf(m, 'en')).toBe('Wrong email or password');
    const size = 'An evidence file may be at most 20 MB 佐证材料不超过20MB';
    expect(pickHalf(size, 'zh-CN')).toBe('佐证材料不超过20MB');
    expect(pickHalf(size, 'en')).toBe('An evidence file may be at most 20 MB');
    expect(pickHalf('Unknown department XZSP 部门不存在', 'zh-CN')).toBe('部门不存在');
  });

  it('keeps Chinese quoted inside the English half', () => {
    const m =
      'Correcting an approved value needs a reason: write it in this row’s column “说明/更正原因 note / reason” 更正已审核数据须在本行“说明/更正原因”列填写理由';
    expect(pickHalf(m, 'zh-CN')).toBe('更正已审核数据须在本行“说明/更正原因”列填写理由');
    expect(pickHalf(m, 'en')).toBe(
      'Correcting an approved value needs a reason: write it in this row’s column “说明/更正原因 note / reason”',
    );
  });

  it('splits "中文 / English" messages', () => {
    expect(pickHalf('无变化 / no changes', 'zh-CN')).toBe('无变化');
    expect(pickHalf('无变化 / no changes', 'en')).toBe('no changes');
    expect(pickHalf('no changes 无变化', 'en')).toBe('no changes');
  });

  it('leaves one-language texts alone', () => {
    expect(pickHalf('Invalid value: Expected number', 'zh-CN')).toBe('Invalid value: Expected number');
    expect(pickHalf('请先登录', 'en')).toBe('请先登录');
    expect(pickHalf('2025年 数据暂缺', 'en')).toBe('2025年 数据暂缺');
  });
});
