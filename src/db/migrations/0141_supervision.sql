-- 督办 and correction (issue 16 §4): the planning office's supervision orders to a lead department, each
-- step taken on them, and the corrective measures (整改措施) the department commits to.

CREATE TABLE supervision_orders (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  subject_type   text NOT NULL CHECK (subject_type IN ('indicator', 'task', 'project')),
  subject_id     uuid NOT NULL,
  subject_title  text NOT NULL,
  department_id  uuid NOT NULL REFERENCES departments(id),
  warning_id     uuid REFERENCES warnings(id) ON DELETE SET NULL,
  title          text NOT NULL,
  requirement    text NOT NULL,
  plan_due       date NOT NULL,
  deadline       date NOT NULL,
  status         text NOT NULL DEFAULT 'assigned'
                 CHECK (status IN ('assigned', 'acknowledged', 'in_progress', 'returned', 'closed')),
  -- The deadline of the step the order waits for (null once closed): the sweep escalates past it.
  step_due       date,
  opened_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  opened_at      timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  closed_at      timestamptz,
  CHECK (plan_due <= deadline)
);
CREATE INDEX supervision_subject_idx ON supervision_orders (subject_type, subject_id, opened_at DESC);
CREATE INDEX supervision_department_idx ON supervision_orders (department_id, status);
CREATE INDEX supervision_open_due_idx ON supervision_orders (step_due) WHERE status <> 'closed';

CREATE TABLE supervision_steps (
  id           bigserial PRIMARY KEY,
  order_id     uuid NOT NULL REFERENCES supervision_orders(id) ON DELETE CASCADE,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  body         text,
  actor_id     uuid REFERENCES users(id) ON DELETE SET NULL,
  actor        text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_steps_order_idx ON supervision_steps (order_id, id);

CREATE TABLE supervision_measures (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id    uuid NOT NULL REFERENCES supervision_orders(id) ON DELETE CASCADE,
  position    integer NOT NULL,
  title       text NOT NULL,
  milestone   text,
  due_date    date NOT NULL,
  done_on     date
);
CREATE INDEX supervision_measures_order_idx ON supervision_measures (order_id, position);

-- A plan setting: the public portal shows the corrective measures under a lagging indicator.
ALTER TABLE plans ADD COLUMN public_measures boolean NOT NULL DEFAULT false;
