-- Accounts (issue 16 §7): disabled accounts and one-time password-reset links.

ALTER TABLE users ADD COLUMN disabled_at timestamptz;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

-- Stored by hash only; a link works once, before it expires.
CREATE TABLE password_resets (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_by   uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
