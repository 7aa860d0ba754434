import * as oidc from 'openid-client';
import { LantuError } from '../../domain/errors.ts';
import type { OidcSettings } from './oidc.config.ts';

/**
 * The relying party's side of the authorisation-code flow with PKCE, through `openid-client`: discovery (cached
 * per settings, retried after a failure), the authorisation URL, the code exchange with state/nonce/PKCE checks,
 * the user info and RP-initiated logout.
 */
const discovered = new WeakMap<OidcSettings, Promise<oidc.Configuration>>();

const unavailable = (cause: unknown) =>
  new LantuError(
    'service_unavailable',
    {
      zh: '统一身份认证服务暂不可用，请稍后再试',
      en: 'The identity service cannot be reached; try again later',
    },
    { cause: cause instanceof Error ? cause.message : String(cause) },
  );

async function configuration(settings: OidcSettings): Promise<oidc.Configuration> {
  let pending = discovered.get(settings);
  if (!pending) {
    const auth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
    pending = oidc.discovery(settings.issuer, settings.clientId, undefined, auth, {
      // http:// is accepted by the settings for a loopback issuer only (local development and tests)
      execute: settings.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    discovered.set(settings, pending);
    pending.catch(() => discovered.delete(settings));
  }
  try {
    return await pending;
  } catch (e) {
    throw unavailable(e);
  }
}

export interface AuthorisationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function startAuthorisation(settings: OidcSettings): Promise<AuthorisationRequest> {
  const config = await configuration(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUrl.href,
    scope: settings.scopes,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

export interface SignedInPerson {
  claims: Record<string, unknown>;
  idToken: string | null;
}

/** Why a callback was refused, for the audit log and the login page (never the provider's own text). */
export type CallbackFailure = 'provider_error' | 'invalid_response';

export class OidcCallbackError extends Error {
  readonly reason: CallbackFailure;
  constructor(reason: CallbackFailure, detail: string) {
    super(detail);
    this.reason = reason;
  }
}

/**
 * Exchanges the code. The callback's query is read on the configured redirect URL (behind a proxy the request's
 * own URL may be the internal one); openid-client checks state, iss, PKCE, the ID token's signature, audience,
 * expiry and nonce. Claims from the user info endpoint are merged over the ID token's (subject checked).
 */
export async function finishAuthorisation(
  settings: OidcSettings,
  query: URLSearchParams,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<SignedInPerson> {
  const config = await configuration(settings);
  const current = new URL(settings.redirectUrl.href);
  current.search = query.toString();
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const fromProvider = e instanceof oidc.ResponseBodyError || e instanceof oidc.AuthorizationResponseError;
    throw new OidcCallbackError(fromProvider ? 'provider_error' : 'invalid_response', message);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new OidcCallbackError('invalid_response', 'no ID token');
  let claims: Record<string, unknown> = { ...idClaims };
  if (config.serverMetadata().userinfo_endpoint) {
    try {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...claims, ...info, sub: idClaims.sub };
    } catch (e) {
      throw new OidcCallbackError('invalid_response', e instanceof Error ? e.message : String(e));
    }
  }
  return { claims, idToken: tokens.id_token ?? null };
}

/** The provider's end-session URL when it offers RP-initiated logout, else null. */
export async function endSessionUrl(settings: OidcSettings, idToken: string | null): Promise<URL | null> {
  let config: oidc.Configuration;
  try {
    config = await configuration(settings);
  } catch {
    return null; // the local session has ended anyway
  }
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, {
    post_logout_redirect_uri: settings.postLogoutUrl.href,
    client_id: settings.clientId,
    ...(idToken ? { id_token_hint: idToken } : {}),
  });
}
