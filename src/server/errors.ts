import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';
import {
  ERROR_CODES,
  isLantuError,
  joinBilingual,
  LantuError,
  type Bilingual,
  type ErrorCode,
} from '../domain/errors.ts';
import { zodIssueMessage } from '../domain/zod-messages.ts';

/** The one shape every error response has. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string().openapi({
        description:
          'One string for clients that read one field: "English 中文" when the message exists in both languages',
        example: 'Wrong email or password 邮箱或密码错误',
      }),
      messages: z
        .object({ zh: z.string(), en: z.string() })
        .optional()
        .openapi({
          description:
            'The same message in each language, present whenever it was written in both (every refusal of lantu’s own; request ' +
            'validation names the field and the rule in each); a screen shows the one for its language instead of ' +
            'splitting `message`. Absent only for texts in one language (e.g. an unknown route)',
          example: { zh: '邮箱或密码错误', en: 'Wrong email or password' },
        }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export function errorBody(code: ErrorCode, message: string | Bilingual, details?: unknown) {
  const text = typeof message === 'string' ? message : joinBilingual(message);
  const messages = typeof message === 'string' ? {} : { messages: { zh: message.zh, en: message.en } };
  return { error: { code, message: text, ...messages, ...(details === undefined ? {} : { details }) } };
}

/** The single place where domain errors become HTTP responses. */
export function toErrorResponse(err: unknown, c: Context): Response {
  if (isLantuError(err)) {
    const status = ERROR_CODES[err.code].http as ContentfulStatusCode;
    if (err.code === 'db_unavailable') c.header('Retry-After', '5');
    return c.json(errorBody(err.code, err.messages ?? err.message, err.details), status);
  }
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 413 ? 'payload_too_large' : err.status === 403 ? 'forbidden' : 'bad_request';
    const zh = code === 'payload_too_large' ? '请求体过大' : code === 'forbidden' ? '无此权限' : '请求无效';
    return c.json(errorBody(code, { zh, en: err.message || code }), err.status);
  }
  if (isUnstorableText(err)) {
    // A NUL byte or a character the database encoding cannot hold, e.g. `?q=%00`: the client's input, not our fault.
    const message = {
      zh: '请求中含有无法保存的字符（如 NUL）',
      en: 'The request contains characters that cannot be stored (such as NUL)',
    };
    return c.json(errorBody('bad_request', message), 400);
  }
  if (looksLikeConnectionFailure(err)) {
    c.header('Retry-After', '5');
    const message = {
      zh: '数据库暂不可用，请稍后再试',
      en: 'The database is unavailable; try again shortly',
    };
    return c.json(errorBody('db_unavailable', message), 503);
  }
  return c.json(errorBody('internal', { zh: '内部错误', en: 'Internal error' }), 500);
}

function isUnstorableText(err: unknown): boolean {
  return err instanceof Error && 'code' in err && ['22021', '22P05'].includes(String(err.code));
}

function looksLikeConnectionFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = 'code' in err ? String(err.code) : '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      '57P01',
      '57P02',
      '57P03',
      '53300',
      '08000',
      '08003',
      '08006',
      '08001',
    ].includes(code) ||
    /Connection terminated|connect ECONNREFUSED|not queryable|timeout exceeded when trying to connect|Client was closed/.test(
      err.message,
    )
  );
}

/** zod validation failures from route definitions. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return c.json(errorBody('validation_failed', zodIssueMessage(result.error.issues), issues), 422);
}

/** The Chinese name of each kind of thing a request can name that may not exist. */
const THING_ZH: Record<string, string> = {
  Plan: '规划',
  'Plan node': '规划条目',
  Indicator: '指标',
  Comment: '意见',
  'Supervision order': '督办单',
  Observation: '数据',
  Department: '部门',
  Warning: '预警',
  User: '用户',
  'Task report': '任务进展报告',
  'Sign-on': '统一身份认证登录',
  'Reply template': '答复模板',
  Project: '项目',
  'Pending sign-on account': '待开通账号',
  Notification: '通知',
  Milestone: '里程碑',
  Item: '事项',
  'Evidence file': '佐证材料',
  'Evaluation snapshot': '评估快照',
  'Annual target': '年度目标',
  indicator: '指标',
  task: '任务',
  project: '项目',
  node: '规划条目',
  plan: '规划',
};

export function notFound(what: string, id: string): LantuError {
  return new LantuError('not_found', {
    zh: `${THING_ZH[what] ?? what} ${id} 不存在`,
    en: `${what} ${id} not found`,
  });
}
