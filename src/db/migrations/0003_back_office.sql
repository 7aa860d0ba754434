-- Back office: responsibility decomposition and the reporting calendar.

-- One lead department (牵头) per task or indicator; co-departments (配合) as many as needed.
CREATE UNIQUE INDEX assignments_one_lead_uq
  ON assignments (COALESCE(node_id, indicator_id)) WHERE role = 'lead';

-- "What does this department answer for?" (inbox, templates, write checks).
CREATE INDEX assignments_department_idx ON assignments (department_id);
CREATE INDEX assignments_plan_idx ON assignments (plan_id);

-- The approvers' inbox: submitted values, found without scanning every observation.
CREATE INDEX observations_submitted_idx ON observations (indicator_id) WHERE status = 'submitted';

-- A due_days of 0 means "due when the period ends"; negative days make no sense.
ALTER TABLE indicators ADD CONSTRAINT indicators_due_days_check CHECK (due_days >= 0);
