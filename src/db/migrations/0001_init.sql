-- lantu schema v1. Forward-only: later changes go in new files, never edits here.
-- Only PostgreSQL 15 features (production runs Debian's 15; PGlite is 18).

CREATE TABLE departments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_en     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email           text NOT NULL UNIQUE,
  display_name    text,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('admin', 'department', 'assessor')),
  locale          text NOT NULL DEFAULT 'zh-CN',
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_departments (
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, department_id)
);

CREATE TABLE spatial_units (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL,
  parent_id   uuid REFERENCES spatial_units(id),
  description text,
  geometry    jsonb
);

CREATE TABLE plans (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key             text NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  title           text NOT NULL,
  short_title     text,
  issuer          text,
  period_start    integer NOT NULL,
  period_end      integer NOT NULL,
  vision_year     integer,
  parent_id       uuid REFERENCES plans(id),
  predecessor_id  uuid REFERENCES plans(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (key, version),
  CHECK (period_end >= period_start)
);

CREATE TABLE plan_nodes (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id    uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  parent_id  uuid REFERENCES plan_nodes(id) ON DELETE CASCADE,
  position   integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('preamble', 'part', 'chapter', 'section', 'task', 'box', 'figure')),
  number     text,
  title      text NOT NULL,
  body       text,
  source     text
);
CREATE INDEX plan_nodes_plan_idx ON plan_nodes (plan_id, parent_id, position);

CREATE TABLE indicators (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  node_id        uuid REFERENCES plan_nodes(id) ON DELETE SET NULL,
  code           text NOT NULL,
  position       integer NOT NULL,
  name           text NOT NULL,
  unit           text,
  category       text,
  attribute      text NOT NULL CHECK (attribute IN ('expected', 'binding')),
  kind           text NOT NULL,
  direction      text NOT NULL CHECK (direction IN ('increase', 'decrease', 'none')),
  baseline_year  integer,
  baseline_value double precision,
  baseline       jsonb,
  target_year    integer,
  target_value   double precision,
  target         jsonb,
  tolerance      double precision,
  related_code   text,
  frequency      text NOT NULL DEFAULT 'annual' CHECK (frequency IN ('annual', 'quarterly', 'monthly')),
  data_source    text,
  origin         text NOT NULL DEFAULT 'table' CHECK (origin IN ('table', 'text')),
  kind_rule      text,
  table_number   integer,
  row_number     integer,
  UNIQUE (plan_id, code)
);

CREATE TABLE observations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id  uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  period        text NOT NULL,
  year          integer NOT NULL,
  region_id     uuid REFERENCES spatial_units(id),
  kind          text NOT NULL DEFAULT 'actual' CHECK (kind IN ('actual', 'assigned')),
  value         double precision,
  text          text,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  version       integer NOT NULL DEFAULT 1,
  note          text,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  approved_by   uuid REFERENCES users(id),
  approved_at   timestamptz,
  CHECK (value IS NOT NULL OR text IS NOT NULL)
);
CREATE UNIQUE INDEX observations_version_uq
  ON observations (indicator_id, period, kind, COALESCE(region_id, '00000000-0000-0000-0000-000000000000'::uuid), version);
CREATE INDEX observations_indicator_idx ON observations (indicator_id, year);

CREATE TABLE assignments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  node_id        uuid REFERENCES plan_nodes(id) ON DELETE CASCADE,
  indicator_id   uuid REFERENCES indicators(id) ON DELETE CASCADE,
  department_id  uuid NOT NULL REFERENCES departments(id),
  role           text NOT NULL CHECK (role IN ('lead', 'co')),
  CHECK ((node_id IS NULL) <> (indicator_id IS NULL))
);
CREATE UNIQUE INDEX assignments_uq
  ON assignments (COALESCE(node_id, indicator_id), department_id);

CREATE TABLE projects (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id           uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  code              text NOT NULL,
  name              text NOT NULL,
  category          text,
  lead_unit         text,
  spatial_unit_id   uuid REFERENCES spatial_units(id),
  node_id           uuid REFERENCES plan_nodes(id) ON DELETE SET NULL,
  total_investment  double precision,
  investment_unit   text,
  start_year        integer,
  end_year          integer,
  stage             text,
  description       text,
  UNIQUE (plan_id, code)
);

CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   uuid,
  actor      text NOT NULL,
  action     text NOT NULL,
  entity     text NOT NULL,
  entity_id  text,
  before     jsonb,
  after      jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
