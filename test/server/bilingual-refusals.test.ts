import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackRepository } from '../../src/db/repositories/feedback.repository.ts';
import { isLantuError, type Bilingual } from '../../src/domain/errors.ts';
import { importPlan, MAX_INPUT_BYTES, MAX_LINES } from '../../src/importers/import-plan.ts';
import { intArg } from '../../src/cli/commands/cli-input.ts';
import { parseTrustedProxies } from '../../src/server/auth/client-identity.ts';
import { loadOidcSettings } from '../../src/server/auth/oidc.config.ts';
import { loadConfig } from '../../src/server/config.ts';
import { loadMailConfig } from '../../src/server/modules/notifications/mail.config.ts';
import { parseDataset } from '../../src/server/modules/datasets/dataset.service.ts';
import { seededSuite } from '../support/app.ts';
import { runCli } from '../support/cli.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

// Issue 17 bug 8 / the guide's "Chinese first with English": refusals that were written in English only
// (users, configuration, import limits, evaluation years, comment moderation, the CLI's own checks) reached
// the Chinese screen and terminal in English. Each now carries a Chinese and an English message.

const HAN = /\p{Script=Han}/u;

function expectBoth(m: Bilingual | null | undefined, en?: RegExp): void {
  expect(m, 'the refusal has messages: { zh, en }').toBeTruthy();
  expect(m!.zh).toMatch(HAN);
  expect(m!.en.trim()).not.toBe('');
  expect(m!.en).toMatch(/[A-Za-z]/);
  if (en) expect(m!.en).toMatch(en);
}

function refusal(fn: () => unknown): { code: string; messages: Bilingual | null } {
  try {
    fn();
  } catch (e) {
    if (isLantuError(e)) return { code: e.code, messages: e.messages };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('refusals without a database carry Chinese and English', () => {
  it('configuration: PORT, SMTP, the sender, trusted proxies, sign-on', () => {
    const port = refusal(() => loadConfig({ PORT: 'eighty' }));
    expect(port.code).toBe('config_invalid');
    expectBoth(port.messages, /^Invalid PORT: /);
    expect(port.messages!.zh).toMatch(/^环境变量 PORT 无效：/);
    expectBoth(refusal(() => loadMailConfig({ LANTU_SMTP_URL: 'ftp://mail.example' })).messages, /smtp/);
    expectBoth(
      refusal(() => loadMailConfig({ LANTU_SMTP_URL: 'smtp://mail.example:25' })).messages,
      /LANTU_MAIL_FROM is needed/,
    );
    expectBoth(refusal(() => parseTrustedProxies('not-an-ip')).messages, /LANTU_TRUSTED_PROXIES/);
    const oidc = refusal(() => loadOidcSettings({ LANTU_OIDC_ISSUER: 'https://id.example' }, null));
    expectBoth(oidc.messages, /^Invalid LANTU_OIDC_CLIENT_ID: required/);
    expect(oidc.messages!.zh).toContain('LANTU_OIDC_CLIENT_ID');
  });

  it('plan import limits name the cap with its value and unit', () => {
    const big = refusal(() => importPlan({ bytes: new Uint8Array(MAX_INPUT_BYTES + 1), filename: 'x.txt' }));
    expect(big.code).toBe('payload_too_large');
    expectBoth(big.messages, /50 MB/);
    expect(big.messages!.zh).toContain('50 MB');
    const lines = refusal(() =>
      importPlan({ bytes: new TextEncoder().encode('一\n'.repeat(MAX_LINES + 1)), filename: 'x.txt' }),
    );
    expect(lines.code).toBe('payload_too_large');
    expect(lines.messages!.zh).toContain(`${MAX_LINES} 行`);
    const xlsx = refusal(() => importPlan({ bytes: new Uint8Array([1, 2, 3]), filename: 'plan.xlsx' }));
    expect(xlsx.code).toBe('unsupported_input');
    expectBoth(xlsx.messages, /\.xlsx files are not supported/);
    expectBoth(refusal(() => importPlan({ bytes: new Uint8Array(), filename: 'x.txt' })).messages);
  });

  it('a dataset that does not validate', () => {
    const r = refusal(() => parseDataset({ plans: 'none' }, 'x.json'));
    expect(r.code).toBe('validation_failed');
    expectBoth(r.messages, /^x\.json is not a valid lantu dataset/);
    expect(r.messages!.zh).toMatch(/^x\.json 不是有效的 lantu 数据集：/);
  });

  it('the CLI’s own argument checks', () => {
    const r = refusal(() => intArg('--year')('2O24'));
    expect(r.code).toBe('bad_request');
    expect(r.messages).toEqual({
      zh: '--year 须为整数（收到“2O24”）',
      en: '--year must be an integer, got "2O24"',
    });
  });

  it('the lantu command prints a refusal as 中文 / English on one line', async () => {
    const r = await runCli(['evaluate', 'no-such-plan.json'], { LANTU_LANG: '' });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      'lantu: 找不到规划文件：no-such-plan.json / plan file not found: no-such-plan.json\n',
    );
  });
});

describe.each(testDatabases)('API refusals carry Chinese and English on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
  });

  it('users: e-mail, password length, department, duplicates', async () => {
    const user = { email: 'new.person@test.example', password: 'a long enough secret', role: 'assessor' };
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...user, email: 'not-an-email' }, 422, /^Not an email address/],
      [{ ...user, password: 'short' }, 422, /^Password must have at least 10 characters$/],
      [{ ...user, role: 'department' }, 422, /needs at least one department/],
      [{ ...user, role: 'department', departments: ['NOPE'] }, 422, /^Unknown department NOPE$/],
    ];
    for (const [body, status, en] of cases) {
      const r = await admin.request('POST', '/api/users', body);
      expect({ body, status: r.status }).toEqual({ body, status });
      expectBoth(r.body.error.messages, en);
    }
    expect(
      (await admin.request('POST', '/api/users', { ...user, role: 'department', departments: ['NOPE'] })).body
        .error.messages.zh,
    ).toBe('部门代码 NOPE 不存在');
    expect((await admin.request('POST', '/api/users', user)).status).toBe(201);
    const again = await admin.request('POST', '/api/users', user);
    expect(again.status).toBe(409);
    expectBoth(again.body.error.messages, /already exists/);
    expect(again.body.error.message).toBe(`${again.body.error.messages.en} ${again.body.error.messages.zh}`);
  });

  it('request validation names the field in each language', async () => {
    const r = await admin.request('POST', '/api/users', { email: 'x@y', role: 'assessor' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('validation_failed');
    expectBoth(r.body.error.messages, /^Invalid password: /);
    expect(r.body.error.messages.zh).toMatch(/^password 无效：缺少或类型不对，应为文本$/);
  });

  it('an evaluation year outside the plan period', async () => {
    const r = await admin.request('POST', '/api/evaluations', {
      planId: s.planId,
      year: 2100,
      kind: 'annual',
    });
    expect(r.status).toBe(422);
    expectBoth(r.body.error.messages, /^Year 2100 is outside the plan period 2021–2025/);
    expect(r.body.error.messages.zh).toMatch(/^2100年不在规划期 2021—2025年内/);
  });

  it('comment moderation: a comment already published, a reply to an unpublished one', async () => {
    const plan = await admin.request('GET', `/api/plans/${s.planId}/indicators`);
    const indicatorId = (plan.body.items as { id: string }[])[0]!.id;
    const id = await feedbackRepository.insert(s.db, {
      targetType: 'indicator',
      targetId: indicatorId,
      planId: s.planId,
      body: '这项指标何时更新？',
      name: '市民',
      contact: null,
      clientHash: 'bilingual-refusals',
      departmentId: null,
    });
    const kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    const early = await kjj.request('POST', `/api/feedback/${id}/reply`, { body: '正在更新' });
    expect(early.status).toBe(409);
    expectBoth(early.body.error.messages, /^Only published comments are answered$/);
    expect(
      (await admin.request('POST', `/api/feedback/${id}/publish`, { departmentCode: 'KJJ' })).status,
    ).toBe(200);
    const twice = await admin.request('POST', `/api/feedback/${id}/publish`, { departmentCode: 'KJJ' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.messages).toEqual({
      zh: '这条意见已发布，不能再次审核',
      en: 'This comment is already published',
    });
  });
});
