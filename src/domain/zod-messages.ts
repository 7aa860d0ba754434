import type { z } from 'zod';
import type { Bilingual } from './evaluation/types.ts';

type Issue = z.core.$ZodIssue;

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
  file: '文件',
};

const FORMAT_ZH: Record<string, string> = {
  url: '网址',
  email: '邮箱地址',
  uuid: 'UUID',
  date: '日期 YYYY-MM-DD',
  datetime: '日期时间',
  regex: '规定的格式',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
};

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const n = String(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return `${small ? '至少' : '最多'} ${n} 个字符`;
    case 'array':
    case 'set':
      return `${small ? '至少' : '最多'} ${n} 项`;
    case 'file':
      return `${small ? '至少' : '最多'} ${n} 字节`;
    case 'number':
    case 'int':
    case 'bigint':
    case 'date':
    default:
      return small
        ? inclusive
          ? `不能小于 ${n}`
          : `须大于 ${n}`
        : inclusive
          ? `不能大于 ${n}`
          : `须小于 ${n}`;
  }
}

/** Why a value was refused, in Chinese, from a zod issue (whose `message` is zod's English, or ours). */
export function zodIssueZh(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return bound(issue);
    case 'invalid_type':
      return `缺少或类型不对，应为${TYPE_ZH[issue.expected] ?? ` ${issue.expected}`}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((v) => String(v)).join('、')}`;
    case 'invalid_format':
      return `格式不对，应为${FORMAT_ZH[issue.format] ?? ` ${issue.format}`}`;
    case 'not_multiple_of':
      return `须为 ${String(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.join('、')}`;
    case 'custom':
      // A refinement may carry its Chinese in params: { zh }.
      return typeof issue.params?.zh === 'string' ? issue.params.zh : '取值无效';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '取值无效';
  }
}

/** The first issue as one message: `<what> 无效：<why>` / `Invalid <what>: <zod's message>`. */
export function zodIssueMessage(
  issues: readonly Issue[],
  whole: Bilingual = { zh: '输入', en: 'input' },
): Bilingual {
  const first = issues[0];
  const path = first && first.path.length > 0 ? first.path.map(String).join('.') : null;
  const what = path === null ? whole : { zh: path, en: path };
  if (!first) return { zh: `${what.zh}无效`, en: `Invalid ${what.en}` };
  // An English field name stands apart from the Chinese around it; a Chinese one does not.
  const zh = path === null ? `${what.zh}无效` : `${path} 无效`;
  return { zh: `${zh}：${zodIssueZh(first)}`, en: `Invalid ${what.en}: ${first.message}` };
}
