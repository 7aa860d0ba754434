import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person known to the test identity service: the claims it releases (sub is the account id). */
export type TestPerson = Record<string, unknown>;

export interface TestIdentityService {
  /** http://127.0.0.1:PORT, for LANTU_OIDC_ISSUER. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, TestPerson>;
  /** Seconds an authorisation code lives (oidc-provider's default is 60). */
  codeTtl: number;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on an ephemeral port, with its development sign-in pages: a test signs a
 * person in by posting the login form. Consent is implied for the lantu client. Claims of the `profile` scope
 * include lantu_role and lantu_departments, so role/department mapping is exercised on real user info.
 */
export async function startTestIdentityService(opts: {
  redirectUri: string;
  postLogoutRedirectUri: string;
}): Promise<TestIdentityService> {
  const people = new Map<string, TestPerson>();
  let handler:
    ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null =
    null;
  const server: Server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const service: TestIdentityService = {
    issuer,
    clientId: 'lantu-test',
    clientSecret: 'a-client-secret-for-tests-only-0123456789',
    people,
    codeTtl: 60,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: service.clientId,
        client_secret: service.clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'lantu_role', 'lantu_departments'],
    },
    cookies: { keys: ['test-cookie-key-not-secret'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: () => service.codeTtl },
    findAccount: (_ctx: unknown, id: string) => {
      const person = people.get(id);
      return person ? { accountId: id, claims: () => ({ sub: id, ...person }) } : undefined;
    },
    // consent for the lantu client is implied (as a government identity service's registered systems)
    loadExistingGrant: async (ctx: {
      oidc: {
        client: { clientId: string };
        session: { accountId?: string };
        requestParamScopes: Set<string>;
      };
    }) => {
      const accountId = ctx.oidc.session.accountId;
      if (!accountId) return undefined;
      const grant = new provider.Grant({ accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'lantu_role', 'lantu_departments']);
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', () => undefined);
  handler = provider.callback();
  return service;
}

/** A minimal cookie jar for driving the browser side of the flow with fetch. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/**
 * The browser at the identity service: follows its redirects, posts the login form for `accountId`, and stops
 * at the first redirect back to lantu (returned). `tamper` may rewrite the authorisation URL first.
 */
export async function signInAtProvider(
  authorisationUrl: string,
  accountId: string,
  lantuOrigin: string,
): Promise<URL> {
  const jar = new CookieJar();
  let url = authorisationUrl;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin === lantuOrigin) return next;
      url = next.href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt)
      throw new Error(`identity service answered ${res.status}: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    method = 'POST';
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt },
    );
  }
  throw new Error('too many redirects at the identity service');
}
