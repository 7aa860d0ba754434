-- Department assessment (目标考核, issue 16 §6): each plan's weighted criteria, and the joint assessment
-- team's adjustments of a department's yearly score, each with its reason.

CREATE TABLE assessment_settings (
  plan_id         uuid PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
  weights         jsonb NOT NULL,
  binding_weight  double precision NOT NULL CHECK (binding_weight >= 1),
  updated_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE assessment_adjustments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year           integer NOT NULL,
  department_id  uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  points         double precision NOT NULL CHECK (points <> 0 AND points BETWEEN -100 AND 100),
  reason         text NOT NULL,
  created_by     uuid REFERENCES users(id) ON DELETE SET NULL,
  actor          text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_adjustments_idx ON assessment_adjustments (plan_id, year, department_id, created_at);
