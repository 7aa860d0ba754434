import { LantuError } from '../../domain/errors.ts';
import { ROLES, type Role } from '../../domain/user.ts';

/**
 * Government sign-on (统一身份认证): OpenID Connect settings read from the environment. Unset LANTU_OIDC_ISSUER
 * means no SSO; everything else is checked only when it is set, and every mistake names the variable.
 */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Absent: a public client (PKCE only, no client authentication at the token endpoint). */
  clientSecret: string | null;
  redirectUrl: URL;
  /** Where the identity service sends the browser after RP-initiated logout. */
  postLogoutUrl: URL;
  scopes: string;
  /** The claim that identifies the person at the identity service (stored as users.oidc_subject). */
  subjectClaim: string;
  /** Match an account by the e-mail the identity service says it verified (email_verified = true). */
  matchEmail: boolean;
  /** Claim whose value(s) map to a role; null: roles are managed in lantu only. */
  roleClaim: string | null;
  /** Claim value → role, in priority order (the first listed value the person has wins). */
  roleMap: [string, Role][];
  departmentClaim: string | null;
  /** Claim value → department code; empty: the claim's values are department codes. */
  departmentMap: Map<string, string>;
  /** Unknown people get a pending account with no role instead of a refusal. */
  autoProvision: boolean;
  /** Local passwords refused except for the break-glass accounts. */
  ssoOnly: boolean;
  breakGlass: Set<string>;
}

const invalid = (key: string, why: string, zh: string) =>
  new LantuError('config_invalid', { zh: `环境变量 ${key} 无效：${zh}`, en: `Invalid ${key}: ${why}` });

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function url(env: NodeJS.ProcessEnv, key: string, { loopbackHttp = false } = {}): URL | null {
  const raw = env[key]?.trim();
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw invalid(key, `"${raw}" is not a URL`, `“${raw}”不是网址`);
  }
  const httpAllowed = loopbackHttp ? LOOPBACK.has(parsed.hostname) : true;
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && httpAllowed)) {
    throw invalid(
      key,
      loopbackHttp
        ? 'must be an https:// URL (http:// only on localhost)'
        : 'must be an http:// or https:// URL',
      loopbackHttp ? '须为 https:// 网址（http:// 仅限本机）' : '须为 http:// 或 https:// 网址',
    );
  }
  return parsed;
}

function flag(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw invalid(key, `"${env[key]}" is not true or false`, `“${env[key]}”应为 true 或 false`);
}

/** `a=b, c=d` (also `;`-separated; values may be Chinese). */
function pairs(env: NodeJS.ProcessEnv, key: string): [string, string][] {
  const raw = env[key]?.trim();
  if (!raw) return [];
  return raw
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const at = p.lastIndexOf('=');
      const from = p.slice(0, at).trim();
      const to = p.slice(at + 1).trim();
      if (at < 0 || !from || !to)
        throw invalid(key, `"${p}" is not claim-value=target`, `“${p}”应写作 声明值=目标`);
      return [from, to];
    });
}

const text = (env: NodeJS.ProcessEnv, key: string): string | null => env[key]?.trim() || null;

export function loadOidcSettings(env: NodeJS.ProcessEnv, publicUrl: URL | null): OidcSettings | null {
  const issuer = url(env, 'LANTU_OIDC_ISSUER', { loopbackHttp: true });
  if (!issuer) {
    const stray = Object.keys(env).find((k) => k.startsWith('LANTU_OIDC_') && env[k]?.trim());
    if (stray)
      throw invalid(
        stray,
        'set LANTU_OIDC_ISSUER too, or SSO stays off',
        '还需设置 LANTU_OIDC_ISSUER，否则统一身份认证不会启用',
      );
    return null;
  }
  const clientId = text(env, 'LANTU_OIDC_CLIENT_ID');
  if (!clientId)
    throw invalid(
      'LANTU_OIDC_CLIENT_ID',
      'required when LANTU_OIDC_ISSUER is set',
      '设置了 LANTU_OIDC_ISSUER 时必填',
    );
  const redirectUrl =
    url(env, 'LANTU_OIDC_REDIRECT_URL') ?? (publicUrl ? new URL('api/auth/oidc/callback', publicUrl) : null);
  if (!redirectUrl)
    throw invalid(
      'LANTU_OIDC_REDIRECT_URL',
      'set it, or LANTU_PUBLIC_URL to derive …/api/auth/oidc/callback',
      '请设置它，或设置 LANTU_PUBLIC_URL 以推出 …/api/auth/oidc/callback',
    );
  const postLogoutUrl =
    url(env, 'LANTU_OIDC_POST_LOGOUT_URL') ?? new URL('/login', publicUrl ?? redirectUrl.origin);
  const scopes = text(env, 'LANTU_OIDC_SCOPES') ?? 'openid email profile';
  if (!scopes.split(/\s+/).includes('openid'))
    throw invalid('LANTU_OIDC_SCOPES', 'must include openid', '须包含 openid');

  const roleMap = pairs(env, 'LANTU_OIDC_ROLE_MAP').map(([value, role]): [string, Role] => {
    if (!(ROLES as readonly string[]).includes(role))
      throw invalid(
        'LANTU_OIDC_ROLE_MAP',
        `"${role}" is not a role (${ROLES.join(', ')})`,
        `“${role}”不是角色（可用：${ROLES.join('、')}）`,
      );
    return [value, role as Role];
  });
  const roleClaim = text(env, 'LANTU_OIDC_ROLE_CLAIM');
  if (roleMap.length > 0 && !roleClaim)
    throw invalid(
      'LANTU_OIDC_ROLE_CLAIM',
      'required when LANTU_OIDC_ROLE_MAP is set',
      '设置了 LANTU_OIDC_ROLE_MAP 时必填',
    );
  if (roleClaim && roleMap.length === 0)
    throw invalid(
      'LANTU_OIDC_ROLE_MAP',
      'required when LANTU_OIDC_ROLE_CLAIM is set (e.g. 规划处=admin)',
      '设置了 LANTU_OIDC_ROLE_CLAIM 时必填（如 规划处=admin）',
    );
  const departmentMap = new Map(pairs(env, 'LANTU_OIDC_DEPARTMENT_MAP'));
  const departmentClaim = text(env, 'LANTU_OIDC_DEPARTMENT_CLAIM');
  if (departmentMap.size > 0 && !departmentClaim)
    throw invalid(
      'LANTU_OIDC_DEPARTMENT_CLAIM',
      'required when LANTU_OIDC_DEPARTMENT_MAP is set',
      '设置了 LANTU_OIDC_DEPARTMENT_MAP 时必填',
    );

  const ssoOnly = flag(env, 'LANTU_OIDC_SSO_ONLY', false);
  const breakGlass = new Set(
    (env.LANTU_OIDC_BREAK_GLASS ?? '')
      .split(/[\s,]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const e of breakGlass)
    if (!/^[^\s@]+@[^\s@]+$/.test(e))
      throw invalid('LANTU_OIDC_BREAK_GLASS', `"${e}" is not an e-mail`, `“${e}”不是邮箱地址`);
  if (ssoOnly && breakGlass.size === 0)
    throw invalid(
      'LANTU_OIDC_BREAK_GLASS',
      'name at least one admin e-mail that may still use a password when LANTU_OIDC_SSO_ONLY=true',
      'LANTU_OIDC_SSO_ONLY=true 时须列出至少一个仍可用密码登录的管理员邮箱',
    );

  return {
    issuer,
    clientId,
    clientSecret: text(env, 'LANTU_OIDC_CLIENT_SECRET'),
    redirectUrl,
    postLogoutUrl,
    scopes,
    subjectClaim: text(env, 'LANTU_OIDC_SUBJECT_CLAIM') ?? 'sub',
    matchEmail: flag(env, 'LANTU_OIDC_MATCH_EMAIL', true),
    roleClaim,
    roleMap,
    departmentClaim,
    departmentMap,
    autoProvision: flag(env, 'LANTU_OIDC_AUTO_PROVISION', false),
    ssoOnly,
    breakGlass,
  };
}
