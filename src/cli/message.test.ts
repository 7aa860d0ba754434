import { describe, expect, it } from 'vitest';
import { LantuError } from '../domain/errors.ts';
import { cliMessage } from './message.ts';

describe('cliMessage', () => {
  const both = new LantuError('forbidden', { zh: '无此权限', en: 'This needs the role admin' });

  it('writes a message in both languages on one line, Chinese then English', () => {
    expect(cliMessage(both, {})).toBe('lantu: 无此权限 / This needs the role admin\n');
  });

  it('keeps one language when LANTU_LANG names it, whatever LANG says', () => {
    expect(cliMessage(both, { LANTU_LANG: 'en', LANG: 'zh_CN.UTF-8' })).toBe(
      'lantu: This needs the role admin\n',
    );
    expect(cliMessage(both, { LANTU_LANG: 'zh-CN' })).toBe('lantu: 无此权限\n');
    expect(cliMessage(both, { LANG: 'en_US.UTF-8' })).toBe('lantu: 无此权限 / This needs the role admin\n');
  });

  it('writes a message in one language as it is', () => {
    const one = new LantuError('config_invalid', 'Invalid PORT abc');
    expect(cliMessage(one, { LANTU_LANG: 'zh' })).toBe('lantu: Invalid PORT abc\n');
  });
});
