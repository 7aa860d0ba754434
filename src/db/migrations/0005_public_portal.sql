-- Public supervision portal: comments with an official reply duty, rate limits, settings.

CREATE TABLE settings (
  key    text PRIMARY KEY,
  value  text NOT NULL
);

-- Bumped whenever published data changes; app nodes compare it to drop cached public responses.
INSERT INTO settings (key, value) VALUES ('public_data_version', '1');

CREATE TABLE feedback (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  target_type    text NOT NULL CHECK (target_type IN ('node', 'indicator', 'project')),
  target_id      uuid NOT NULL,
  plan_id        uuid REFERENCES plans(id) ON DELETE CASCADE,
  body           text NOT NULL,
  -- What is shown once published: phone and ID-card numbers masked.
  public_body    text,
  name           text,
  contact        text,
  client_hash    text NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
  reject_reason  text,
  moderated_by   uuid REFERENCES users(id),
  moderated_at   timestamptz,
  department_id  uuid REFERENCES departments(id),
  reply_due_at   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_target_idx ON feedback (target_type, target_id, status);
CREATE INDEX feedback_department_idx ON feedback (department_id, status);

CREATE TABLE feedback_replies (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  feedback_id    uuid NOT NULL UNIQUE REFERENCES feedback(id) ON DELETE CASCADE,
  department_id  uuid NOT NULL REFERENCES departments(id),
  user_id        uuid NOT NULL REFERENCES users(id),
  body           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Fixed-window counters shared by every app node.
CREATE TABLE rate_limits (
  key           text NOT NULL,
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);
