-- Early warning (issue 16 §3): each plan's rules (a yellow and a red threshold per kind; kinds without a row
-- use the defaults in src/domain/warnings.ts) and the warnings the sweep raised. A warning whose condition
-- has gone is cleared, not deleted: the history stays.

CREATE TABLE warning_rules (
  plan_id     uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  enabled     boolean NOT NULL DEFAULT true,
  yellow      double precision NOT NULL,
  red         double precision NOT NULL,
  updated_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, kind),
  CHECK (yellow <= red)
);

CREATE TABLE warnings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  kind           text NOT NULL,
  subject_type   text NOT NULL CHECK (subject_type IN ('indicator', 'task', 'project', 'comment', 'supervision')),
  subject_id     uuid NOT NULL,
  -- Tells apart several warnings of one kind on one subject (a year, a milestone).
  key            text NOT NULL DEFAULT '',
  title          text NOT NULL,
  department_id  uuid REFERENCES departments(id) ON DELETE SET NULL,
  level          text NOT NULL CHECK (level IN ('yellow', 'red')),
  measure        double precision NOT NULL,
  reason         jsonb NOT NULL,
  raised_at      timestamptz NOT NULL DEFAULT now(),
  level_at       timestamptz NOT NULL DEFAULT now(),
  checked_at     timestamptz NOT NULL DEFAULT now(),
  cleared_at     timestamptz
);
-- One standing warning per trouble: sweeps on several nodes cannot raise it twice.
CREATE UNIQUE INDEX warnings_active_uq ON warnings (plan_id, kind, subject_type, subject_id, key)
  WHERE cleared_at IS NULL;
CREATE INDEX warnings_subject_idx ON warnings (subject_type, subject_id, raised_at DESC);
CREATE INDEX warnings_plan_idx ON warnings (plan_id, raised_at DESC);
