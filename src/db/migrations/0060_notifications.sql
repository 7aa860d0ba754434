-- Notifications (issue 16 §5): an in-app centre per user, and e-mail sent from a job table that every app node
-- claims with FOR UPDATE SKIP LOCKED, so each mail goes out once whichever node picks it.

-- 'instant': one mail per notification; 'digest': one mail a day; 'off': in-app only.
ALTER TABLE users ADD COLUMN mail_mode text NOT NULL DEFAULT 'instant'
  CHECK (mail_mode IN ('instant', 'digest', 'off'));

CREATE TABLE notifications (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event        text NOT NULL,
  -- What the message says, rendered in the reader's language at read time.
  params       jsonb NOT NULL DEFAULT '{}',
  -- A workspace path (no host): the mail prepends the public address.
  link         text,
  -- Sweeps on several nodes (reply due, reporting overdue …) notify once per user and key.
  dedupe_key   text,
  mail_job_id  bigint,
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz
);
CREATE UNIQUE INDEX notifications_dedupe_uq ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
-- Digest users' notifications not mailed yet.
CREATE INDEX notifications_unmailed_idx ON notifications (user_id) WHERE mail_job_id IS NULL;

CREATE TABLE mail_jobs (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('single', 'digest', 'account')),
  user_id      uuid REFERENCES users(id) ON DELETE CASCADE,
  recipient    text NOT NULL,
  subject      text NOT NULL,
  body_text    text NOT NULL,
  -- A digest per user and day, a single mail per notification: enqueued once however many nodes try.
  dedupe_key   text UNIQUE,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts     integer NOT NULL DEFAULT 0,
  run_at       timestamptz NOT NULL DEFAULT now(),
  locked_by    text,
  locked_at    timestamptz,
  last_error   text,
  sent_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_jobs_due_idx ON mail_jobs (run_at, id) WHERE status IN ('pending', 'sending');

-- Every attempt at sending, successful or not: which node, what the SMTP server answered.
CREATE TABLE mail_deliveries (
  id          bigserial PRIMARY KEY,
  job_id      bigint NOT NULL REFERENCES mail_jobs(id) ON DELETE CASCADE,
  attempt     integer NOT NULL,
  node        text NOT NULL,
  ok          boolean NOT NULL,
  response    text,
  message_id  text,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_deliveries_job_idx ON mail_deliveries (job_id);
