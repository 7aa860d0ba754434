-- Government sign-on (统一身份认证, OpenID Connect): the account's subject at the identity service, the ID token a
-- session was opened with (for RP-initiated logout), pending sign-ins between redirect and callback, and accounts
-- provisioned from the identity service that wait for the planning office to grant a role.

ALTER TABLE users ADD COLUMN oidc_subject text;
CREATE UNIQUE INDEX users_oidc_subject_idx ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;

ALTER TABLE sessions ADD COLUMN auth_method text NOT NULL DEFAULT 'password';
ALTER TABLE sessions ADD COLUMN id_token text;

-- One row per redirect to the identity service, consumed by its callback (single use, short-lived). Keyed by
-- the hash of the state value; the browser holds the state itself in a cookie.
CREATE TABLE oidc_logins (
  state_hash     text PRIMARY KEY,
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  return_to      text NOT NULL,
  expires_at     timestamptz NOT NULL
);

CREATE TABLE oidc_pending_accounts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject        text NOT NULL UNIQUE,
  email          text,
  email_verified boolean NOT NULL DEFAULT false,
  display_name   text,
  first_seen_at  timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now()
);
