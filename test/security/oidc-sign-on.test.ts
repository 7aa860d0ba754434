import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.types.ts';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { departmentsRepository } from '../../src/db/repositories/departments.repository.ts';
import { createApp } from '../../src/server/app.ts';
import { loadOidcSettings } from '../../src/server/auth/oidc.config.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { testDatabases } from '../support/databases.ts';
import {
  signInAtProvider,
  startTestIdentityService,
  type TestIdentityService,
} from '../support/oidc-provider.ts';
import { TEST_PASSWORD } from '../support/session.ts';
import { appSuite, type TestApp } from '../support/app.ts';

/**
 * Government sign-on against a real OpenID provider (oidc-provider on an ephemeral port): the browser's side is
 * driven with fetch, redirects followed by hand; lantu is called through app.request at http://lantu.test.
 */
const LANTU = 'http://lantu.test';
const PUBLIC_URL = new URL(`${LANTU}/`);

let idp: TestIdentityService;
beforeAll(async () => {
  idp = await startTestIdentityService({
    redirectUri: `${LANTU}/api/auth/oidc/callback`,
    postLogoutRedirectUri: `${LANTU}/login`,
  });
  idp.people.set('gov-0001', { email: 'office@sip.example', email_verified: true, name: '规划处张三' });
  idp.people.set('gov-0002', {
    email: 'kjj@sip.example',
    email_verified: true,
    lantu_role: ['部门'],
    lantu_departments: ['ORG-KJJ'],
  });
  idp.people.set('gov-0003', { email: 'chief@sip.example', email_verified: true, lantu_role: '规划处' });
  idp.people.set('gov-0004', { email: 'stranger@sip.example', email_verified: true, name: '新同事' });
  idp.people.set('gov-0005', { email: 'unverified@sip.example', email_verified: false });
  idp.people.set('gov-0006', { email: 'newcomer@sip.example', email_verified: true, name: '李四' });
});
afterAll(async () => idp?.close());

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    LANTU_OIDC_ISSUER: idp.issuer,
    LANTU_OIDC_CLIENT_ID: idp.clientId,
    LANTU_OIDC_CLIENT_SECRET: idp.clientSecret,
    LANTU_OIDC_ROLE_CLAIM: 'lantu_role',
    LANTU_OIDC_ROLE_MAP: '规划处=admin, 考核组=assessor, 部门=department',
    LANTU_OIDC_DEPARTMENT_CLAIM: 'lantu_departments',
    LANTU_OIDC_DEPARTMENT_MAP: 'ORG-KJJ=KJJ, ORG-SWJ=SWJ',
    ...extra,
  };
}

const appWith = (db: Db, extra: Record<string, string> = {}): TestApp =>
  createApp({
    db,
    logger: pino({ level: 'silent' }),
    version: 'test',
    oidc: loadOidcSettings(env(extra), PUBLIC_URL),
  });

const cookieOf = (res: Response, name: string): string | null => {
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`) && !l.startsWith(`${name}=;`));
  return line ? line.split(';')[0]! : null;
};

interface Started {
  authorisation: URL;
  stateCookie: string;
}

async function startLogin(app: TestApp, returnTo?: string): Promise<Started> {
  const q = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  const res = await app.request(`${LANTU}/api/auth/oidc/login${q}`);
  expect(res.status).toBe(302);
  const authorisation = new URL(res.headers.get('location')!);
  expect(authorisation.origin).toBe(idp.issuer);
  expect(authorisation.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorisation.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  return { authorisation, stateCookie: cookieOf(res, 'lantu_oidc_state')! };
}

const callback = (app: TestApp, url: URL, stateCookie: string | null) =>
  app.request(url.href, { headers: stateCookie ? { cookie: stateCookie } : {} });

/** The whole flow for one person; `tamper` may edit the authorisation request or the callback. */
async function signOn(
  app: TestApp,
  accountId: string,
  tamper: { authorisation?: (u: URL) => void; callback?: (u: URL) => void } = {},
): Promise<{ res: Response; location: string; session: string | null }> {
  const started = await startLogin(app, '/plans');
  tamper.authorisation?.(started.authorisation);
  const back = await signInAtProvider(started.authorisation.href, accountId, LANTU);
  tamper.callback?.(back);
  const res = await callback(app, back, started.stateCookie);
  expect(res.status).toBe(302);
  return { res, location: res.headers.get('location')!, session: cookieOf(res, 'lantu_session') };
}

async function me(app: TestApp, session: string) {
  const res = await app.request('/api/auth/me', { headers: { cookie: session } });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
}

const refusals = async (db: Db) =>
  (await auditRepository.list(db, { entity: 'session', limit: 200 }))
    .filter((a) => a.action === 'login_refused')
    .map((a) => (a.after as { reason: string }).reason);

describe.each(testDatabases)('government sign-on (OpenID Connect) on $kind', ({ create }) => {
  const s = appSuite(create, { app: appWith });

  beforeAll(async () => {
    for (const [code, name] of [
      ['KJJ', '科技局'],
      ['SWJ', '商务局'],
    ])
      await departmentsRepository.insert(s.db, { code: code!, name: name!, nameEn: null });
    await createUser(
      s.db,
      { email: 'office@sip.example', password: TEST_PASSWORD, role: 'assessor' },
      { id: null, label: 'test' },
    );
    await createUser(
      s.db,
      { email: 'kjj@sip.example', password: TEST_PASSWORD, role: 'department', departments: ['SWJ'] },
      { id: null, label: 'test' },
    );
    await createUser(
      s.db,
      { email: 'chief@sip.example', password: TEST_PASSWORD, role: 'assessor' },
      { id: null, label: 'test' },
    );
    await createUser(
      s.db,
      { email: 'unverified@sip.example', password: TEST_PASSWORD, role: 'assessor' },
      { id: null, label: 'test' },
    );
    await createUser(
      s.db,
      { email: 'breakglass@sip.example', password: TEST_PASSWORD, role: 'admin' },
      { id: null, label: 'test' },
    );
  });

  it('signs in by verified e-mail, links the subject, and then matches by subject alone', async () => {
    const first = await signOn(s.app, 'gov-0001');
    expect(first.location).toBe('/plans');
    expect(first.session).toMatch(/^lantu_session=/);
    const session = first.res.headers.getSetCookie().find((l) => l.startsWith('lantu_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const who = await me(s.app, first.session!);
    expect(who.status).toBe(200);
    expect(who.body.user).toMatchObject({ email: 'office@sip.example', role: 'assessor' });
    expect(who.body.csrfToken).toMatch(/\w{20,}/);
    // the session works as a password session: a write needs its CSRF token
    const noCsrf = await s.app.request('/api/auth/me', {
      method: 'PATCH',
      headers: { cookie: first.session!, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    });
    expect(noCsrf.status).toBe(403);
    const login = (await auditRepository.list(s.db, { entity: 'session', limit: 50 })).find(
      (a) => a.action === 'login' && a.actor === 'office@sip.example',
    );
    expect(login?.after).toMatchObject({ method: 'oidc', subject: 'gov-0001', linked: true });

    // the identity service now gives another address: the subject still finds the account
    const before = idp.people.get('gov-0001')!;
    idp.people.set('gov-0001', { email: 'renamed@sip.example', email_verified: true });
    try {
      const again = await signOn(s.app, 'gov-0001');
      expect((await me(s.app, again.session!)).body.user.email).toBe('office@sip.example');
    } finally {
      idp.people.set('gov-0001', before);
    }
  });

  it('maps the role and department claims onto the account at each sign-in', async () => {
    const dept = await signOn(s.app, 'gov-0002');
    const d = (await me(s.app, dept.session!)).body.user;
    expect(d.role).toBe('department');
    expect(d.departments.map((x: { code: string }) => x.code)).toEqual(['KJJ']); // was SWJ locally

    const chief = await signOn(s.app, 'gov-0003');
    expect((await me(s.app, chief.session!)).body.user.role).toBe('admin'); // was assessor locally
    const audit = (await auditRepository.list(s.db, { entity: 'session', limit: 50 })).find(
      (a) => a.action === 'login' && a.actor === 'chief@sip.example',
    );
    expect(audit?.before).toEqual({ role: 'assessor' });
    expect(audit?.after).toMatchObject({ role: 'admin' });

    // a department user whose claims name no known department gets no session
    const before = idp.people.get('gov-0002')!;
    idp.people.set('gov-0002', {
      email: 'kjj@sip.example',
      email_verified: true,
      lantu_departments: ['ORG-X'],
    });
    try {
      const none = await signOn(s.app, 'gov-0002');
      expect(none.location).toBe('/login?sso_error=no_department');
      expect(none.session).toBeNull();
    } finally {
      idp.people.set('gov-0002', before);
    }
  });

  it('signs in by a subject given to the account beforehand (no e-mail from the provider)', async () => {
    idp.people.set('emp-7', { name: '王五' });
    try {
      const before = await signOn(s.app, 'emp-7');
      expect(before.location).toBe('/login?sso_error=unknown_user');
      await createUser(
        s.db,
        { email: 'wang@sip.example', password: TEST_PASSWORD, role: 'assessor', oidcSubject: 'emp-7' },
        { id: null, label: 'test' },
      );
      const linked = await signOn(s.app, 'emp-7');
      expect((await me(s.app, linked.session!)).body.user.email).toBe('wang@sip.example');
      await expect(
        createUser(
          s.db,
          { email: 'other@sip.example', password: TEST_PASSWORD, role: 'assessor', oidcSubject: 'emp-7' },
          { id: null, label: 'test' },
        ),
      ).rejects.toThrow(/linked to the sign-on subject emp-7/);
    } finally {
      idp.people.delete('emp-7');
    }
  });

  it('refuses an unknown person and an unverified e-mail, and records why', async () => {
    const unknown = await signOn(s.app, 'gov-0004');
    expect(unknown.location).toBe('/login?sso_error=unknown_user');
    expect(unknown.session).toBeNull();
    const unverified = await signOn(s.app, 'gov-0005');
    expect(unverified.location).toBe('/login?sso_error=unknown_user');
    const audit = (await auditRepository.list(s.db, { entity: 'session', limit: 50 })).find(
      (a) => a.action === 'login_refused' && a.actor === 'stranger@sip.example',
    );
    expect(audit?.after).toMatchObject({ method: 'oidc', reason: 'unknown_user' });
  });

  it('auto-provisions an unknown person with no role until an admin grants one', async () => {
    const provisioning = appWith(s.db, { LANTU_OIDC_AUTO_PROVISION: 'true' });
    const first = await signOn(provisioning, 'gov-0006');
    expect(first.location).toBe('/login?sso_error=awaiting_role');
    expect(first.session).toBeNull();
    const again = await signOn(provisioning, 'gov-0006');
    expect(again.location).toBe('/login?sso_error=awaiting_role'); // still no role, still no session

    const admin = await signOn(provisioning, 'gov-0003');
    const { csrfToken } = (await me(provisioning, admin.session!)).body;
    const listed = await provisioning.request('/api/users/sso-pending', {
      headers: { cookie: admin.session! },
    });
    const { items } = (await listed.json()) as { items: { id: string; subject: string; email: string }[] };
    const pending = items.find((p) => p.subject === 'gov-0006')!;
    expect(pending).toMatchObject({ email: 'newcomer@sip.example' });
    expect(items.filter((p) => p.subject === 'gov-0006')).toHaveLength(1);

    const grant = await provisioning.request(`/api/users/sso-pending/${pending.id}/grant`, {
      method: 'POST',
      headers: { cookie: admin.session!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'assessor' }),
    });
    expect(grant.status).toBe(201);
    const granted = await signOn(provisioning, 'gov-0006');
    expect(granted.location).toBe('/plans');
    expect((await me(provisioning, granted.session!)).body.user).toMatchObject({
      email: 'newcomer@sip.example',
      role: 'assessor',
    });
    // the provisioned account has no password that works
    const pw = await provisioning.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'newcomer@sip.example', password: '!sso' }),
    });
    expect(pw.status).toBe(401);
    const provisioned = await auditRepository.list(s.db, { entity: 'oidc_pending_account', limit: 10 });
    expect(provisioned.filter((a) => a.action === 'oidc_provisioned')).toHaveLength(1);
  });

  it('refuses a tampered state, a callback in another browser, and a reused code', async () => {
    const tampered = await signOn(s.app, 'gov-0001', {
      // change the first character to one it is not (a state may itself start with 'x')
      callback: (u) => {
        const state = u.searchParams.get('state')!;
        u.searchParams.set('state', (state.startsWith('x') ? 'y' : 'x') + state.slice(1));
      },
    });
    expect(tampered.location).toBe('/login?sso_error=state_mismatch');
    expect(tampered.session).toBeNull();

    const started = await startLogin(s.app);
    const back = await signInAtProvider(started.authorisation.href, 'gov-0001', LANTU);
    const elsewhere = await callback(s.app, back, null); // no state cookie: not the browser that started it
    expect(elsewhere.headers.get('location')).toBe('/login?sso_error=state_mismatch');

    const fresh = await startLogin(s.app);
    const ok = await signInAtProvider(fresh.authorisation.href, 'gov-0001', LANTU);
    const signedIn = await callback(s.app, ok, fresh.stateCookie);
    expect(cookieOf(signedIn, 'lantu_session')).not.toBeNull();
    expect(signedIn.headers.get('location')).toBe('/inbox'); // no page asked for: an assessor's start
    const replay = await callback(s.app, ok, fresh.stateCookie); // same code, same state, same browser
    expect(replay.headers.get('location')).toBe('/login?sso_error=state_mismatch');
    expect(cookieOf(replay, 'lantu_session')).toBeNull();
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const res = await signOn(s.app, 'gov-0001', {
      authorisation: (u) => u.searchParams.set('nonce', 'a-nonce-the-attacker-chose-0123456789'),
    });
    expect(res.location).toBe('/login?sso_error=invalid_response');
    expect(res.session).toBeNull();
    expect(await refusals(s.db)).toContain('invalid_response');
  });

  it('refuses an expired code', async () => {
    idp.codeTtl = 1;
    try {
      const started = await startLogin(s.app);
      const back = await signInAtProvider(started.authorisation.href, 'gov-0001', LANTU);
      await new Promise((r) => setTimeout(r, 2100));
      const res = await callback(s.app, back, started.stateCookie);
      expect(res.headers.get('location')).toBe('/login?sso_error=provider_error');
      expect(cookieOf(res, 'lantu_session')).toBeNull();
    } finally {
      idp.codeTtl = 60;
    }
  });

  it('logs out locally always, and at the identity service for a sign-on session', async () => {
    const { session } = await signOn(s.app, 'gov-0001');
    const { csrfToken } = (await me(s.app, session!)).body;
    const res = await s.app.request('/api/auth/oidc/logout', {
      method: 'POST',
      headers: { cookie: session!, 'x-csrf-token': csrfToken },
    });
    expect(res.status).toBe(200);
    const { redirectTo } = (await res.json()) as { redirectTo: string };
    const end = new URL(redirectTo);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${LANTU}/login`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await me(s.app, session!)).status).toBe(401);
    // the identity service accepts the request (its logout confirmation page)
    const atProvider = await fetch(end, { redirect: 'manual' });
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toMatch(/logout/i);

    // a password session: local logout, nothing to do at the provider
    const pw = await s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'breakglass@sip.example', password: TEST_PASSWORD }),
    });
    const pwSession = cookieOf(pw, 'lantu_session')!;
    const pwCsrf = ((await pw.json()) as { csrfToken: string }).csrfToken;
    const out = await s.app.request('/api/auth/oidc/logout', {
      method: 'POST',
      headers: { cookie: pwSession, 'x-csrf-token': pwCsrf },
    });
    expect(await out.json()).toEqual({ redirectTo: null });
    expect((await me(s.app, pwSession)).status).toBe(401);
  });

  it('in SSO-only mode refuses local passwords except the break-glass admin', async () => {
    const only = appWith(s.db, {
      LANTU_OIDC_SSO_ONLY: 'true',
      LANTU_OIDC_BREAK_GLASS: 'breakglass@sip.example',
    });
    const password = (email: string) =>
      only.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
    const refused = await password('chief@sip.example');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/统一身份认证/);
    expect(cookieOf(refused, 'lantu_session')).toBeNull();
    // the same answer for an address with no account: nothing learned about which accounts exist
    expect((await password('nobody@sip.example')).status).toBe(403);
    const glass = await password('BreakGlass@sip.example');
    expect(glass.status).toBe(200);
    expect(cookieOf(glass, 'lantu_session')).not.toBeNull();
    const options = await only.request('/api/auth/sign-on');
    expect(await options.json()).toEqual({ sso: true, ssoOnly: true });
    // sign-on still works
    expect((await signOn(only, 'gov-0001')).session).not.toBeNull();
  });

  it('in SSO-only mode no password can be set again, except for the break-glass admin', async () => {
    const only = appWith(s.db, {
      LANTU_OIDC_SSO_ONLY: 'true',
      LANTU_OIDC_BREAK_GLASS: 'breakglass@sip.example',
    });
    const post = (session: string, csrf: string, path: string, body?: unknown) =>
      only.request(path, {
        method: 'POST',
        headers: { cookie: session, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // someone signed on through the identity service cannot give the account a local password
    const { session } = await signOn(only, 'gov-0001');
    const who = (await me(only, session!)).body as { csrfToken: string; user: { id: string } };
    const { csrfToken } = who;
    const signedOnId = who.user.id;
    const change = await post(session!, csrfToken, '/api/auth/password', {
      current: TEST_PASSWORD,
      next: 'a-new-password-123',
    });
    expect(change.status).toBe(403);
    expect(((await change.json()) as { error: { message: string } }).error.message).toMatch(/统一身份认证/);
    // nor can the break-glass admin issue them a reset link
    const glass = await only.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'breakglass@sip.example', password: TEST_PASSWORD }),
    });
    const glassSession = cookieOf(glass, 'lantu_session')!;
    const glassCsrf = ((await glass.json()) as { csrfToken: string }).csrfToken;
    const reset = await post(glassSession, glassCsrf, `/api/users/${signedOnId}/password-reset`);
    expect(reset.status).toBe(403);
    // a link issued before SSO-only was switched on no longer sets a password, and stays unused
    const before = await s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'breakglass@sip.example', password: TEST_PASSWORD }),
    });
    const beforeSession = cookieOf(before, 'lantu_session')!;
    const beforeCsrf = ((await before.json()) as { csrfToken: string }).csrfToken;
    const issued = await s.app.request(`/api/users/${signedOnId}/password-reset`, {
      method: 'POST',
      headers: { cookie: beforeSession, 'x-csrf-token': beforeCsrf },
    });
    expect(issued.status).toBe(201);
    const token = new URL(((await issued.json()) as { link: string }).link).searchParams.get('token')!;
    const use = await only.request('/api/auth/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'a-new-password-123' }),
    });
    expect(use.status).toBe(403);
    const valid = await only.request(`/api/auth/reset-password?token=${token}`);
    expect(await valid.json()).toEqual({ valid: true });
  });

  it('answers 404 on the sign-on routes when it is not configured', async () => {
    const plain = createApp({ db: s.db, logger: pino({ level: 'silent' }), version: 'test' });
    expect((await plain.request('/api/auth/oidc/login')).status).toBe(404);
    expect((await plain.request('/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
    expect(await (await plain.request('/api/auth/sign-on')).json()).toEqual({ sso: false, ssoOnly: false });
    const doc = (await (await plain.request('/api/openapi.json')).json()) as {
      paths: Record<string, object>;
    };
    for (const path of [
      '/api/auth/sign-on',
      '/api/auth/oidc/login',
      '/api/auth/oidc/callback',
      '/api/auth/oidc/logout',
      '/api/users/sso-pending',
      '/api/users/sso-pending/{id}/grant',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
  });
});

describe('sign-on settings', () => {
  const base = { LANTU_OIDC_ISSUER: 'https://id.example.gov.cn', LANTU_OIDC_CLIENT_ID: 'lantu' };
  it('names the variable that is wrong', () => {
    expect(() => loadOidcSettings({ LANTU_OIDC_ISSUER: 'https://id.example.gov.cn' }, PUBLIC_URL)).toThrow(
      /LANTU_OIDC_CLIENT_ID: required/,
    );
    expect(() =>
      loadOidcSettings({ ...base, LANTU_OIDC_ISSUER: 'http://id.example.gov.cn' }, PUBLIC_URL),
    ).toThrow(/LANTU_OIDC_ISSUER: must be an https:\/\/ URL/);
    expect(() => loadOidcSettings(base, null)).toThrow(
      /LANTU_OIDC_REDIRECT_URL: set it, or LANTU_PUBLIC_URL/,
    );
    expect(() => loadOidcSettings({ ...base, LANTU_OIDC_SSO_ONLY: 'true' }, PUBLIC_URL)).toThrow(
      /LANTU_OIDC_BREAK_GLASS/,
    );
    expect(() =>
      loadOidcSettings({ ...base, LANTU_OIDC_ROLE_CLAIM: 'r', LANTU_OIDC_ROLE_MAP: 'x=boss' }, PUBLIC_URL),
    ).toThrow(/LANTU_OIDC_ROLE_MAP: "boss" is not a role/);
    expect(() => loadOidcSettings({ ...base, LANTU_OIDC_AUTO_PROVISION: 'maybe' }, PUBLIC_URL)).toThrow(
      /LANTU_OIDC_AUTO_PROVISION: "maybe" is not true or false/,
    );
    expect(() => loadOidcSettings({ LANTU_OIDC_CLIENT_ID: 'lantu' }, PUBLIC_URL)).toThrow(
      /LANTU_OIDC_CLIENT_ID: set LANTU_OIDC_ISSUER too/,
    );
  });
  it('derives the redirect and post-logout addresses from LANTU_PUBLIC_URL', () => {
    const s = loadOidcSettings(base, new URL('https://lantu.sipac.gov.cn/'))!;
    expect(s.redirectUrl.href).toBe('https://lantu.sipac.gov.cn/api/auth/oidc/callback');
    expect(s.postLogoutUrl.href).toBe('https://lantu.sipac.gov.cn/login');
    expect(s.scopes).toBe('openid email profile');
    expect(loadOidcSettings({}, PUBLIC_URL)).toBeNull();
  });
});
