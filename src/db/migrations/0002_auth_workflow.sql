-- Accounts, sessions and the observation approval workflow (back office).

CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins per client address, shared by every app node.
CREATE TABLE login_throttle (
  key           text PRIMARY KEY,
  failures      integer NOT NULL DEFAULT 0,
  window_start  timestamptz NOT NULL DEFAULT now(),
  locked_until  timestamptz
);

ALTER TABLE observations ADD COLUMN submitted_by uuid REFERENCES users(id);
ALTER TABLE observations ADD COLUMN submitted_at timestamptz;
ALTER TABLE observations ADD COLUMN returned_by uuid REFERENCES users(id);
ALTER TABLE observations ADD COLUMN return_reason text;
ALTER TABLE observations ADD COLUMN correction_reason text;
ALTER TABLE observations ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Reporting calendar: a period's value is due this many days after the period ends.
ALTER TABLE indicators ADD COLUMN due_days integer NOT NULL DEFAULT 90;
