-- Major-project library, task work plans and progress, evaluation snapshots and assessments (back office).

-- Projects: importance, the lead department whose users report investment, coordinates, library membership.
ALTER TABLE projects ADD COLUMN importance_class text;
ALTER TABLE projects ADD COLUMN importance_rank integer CHECK (importance_rank IS NULL OR importance_rank > 0);
ALTER TABLE projects ADD COLUMN lead_department_id uuid REFERENCES departments(id);
ALTER TABLE projects ADD COLUMN longitude double precision CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);
ALTER TABLE projects ADD COLUMN latitude double precision CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);
ALTER TABLE projects ADD COLUMN in_library boolean NOT NULL DEFAULT true;
ALTER TABLE projects ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE projects ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE projects ADD CONSTRAINT projects_stage_chk
  CHECK (stage IS NULL OR stage IN ('储备', '前期', '在建', '竣工', '运营'));
ALTER TABLE projects ADD CONSTRAINT projects_years_chk
  CHECK (start_year IS NULL OR end_year IS NULL OR end_year >= start_year);
CREATE INDEX projects_plan_idx ON projects (plan_id, category, stage);

-- Further plan nodes and indicators a project serves (projects.node_id stays its place in the text).
CREATE TABLE project_links (
  project_id    uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  node_id       uuid REFERENCES plan_nodes(id) ON DELETE CASCADE,
  indicator_id  uuid REFERENCES indicators(id) ON DELETE CASCADE,
  CHECK ((node_id IS NULL) <> (indicator_id IS NULL))
);
CREATE UNIQUE INDEX project_links_uq ON project_links (project_id, COALESCE(node_id, indicator_id));

-- Planned vs completed investment per project and year, in the project's investment unit.
CREATE TABLE project_investments (
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year        integer NOT NULL,
  planned     double precision CHECK (planned IS NULL OR planned >= 0),
  completed   double precision CHECK (completed IS NULL OR completed >= 0),
  updated_by  uuid REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, year)
);

-- Entering and leaving the library (动态管理): every move is kept.
CREATE TABLE project_library_events (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  action      text NOT NULL CHECK (action IN ('enter', 'exit')),
  reason      text NOT NULL,
  on_date     date NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_library_events_idx ON project_library_events (project_id, created_at);

-- Quarterly progress reports, one per project and quarter.
CREATE TABLE project_progress (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year        integer NOT NULL,
  quarter     integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  stage       text CHECK (stage IS NULL OR stage IN ('储备', '前期', '在建', '竣工', '运营')),
  percent     double precision CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
  text        text NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, year, quarter)
);

-- Annual work plans of task nodes, with milestones.
CREATE TABLE task_work_plans (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  node_id     uuid NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
  year        integer NOT NULL,
  summary     text,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (node_id, year)
);

CREATE TABLE task_milestones (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  work_plan_id  uuid NOT NULL REFERENCES task_work_plans(id) ON DELETE CASCADE,
  position      integer NOT NULL,
  title         text NOT NULL,
  due_date      date NOT NULL,
  completed_on  date,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_milestones_due_idx ON task_milestones (due_date) WHERE completed_on IS NULL;

CREATE TABLE task_reports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  node_id     uuid NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
  year        integer NOT NULL,
  status      text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'completed', 'delayed', 'blocked')),
  percent     double precision NOT NULL CHECK (percent BETWEEN 0 AND 100),
  text        text NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_reports_node_idx ON task_reports (node_id, created_at);

-- Evidence files of progress reports, kept in the database (≤ 20 MB each, checked by the service).
CREATE TABLE evidence_files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id     uuid NOT NULL REFERENCES task_reports(id) ON DELETE CASCADE,
  filename      text NOT NULL,
  content_type  text NOT NULL,
  size          integer NOT NULL CHECK (size BETWEEN 0 AND 20971520),
  sha256        text NOT NULL,
  content       bytea NOT NULL,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_files_report_idx ON evidence_files (report_id);

-- Frozen evaluation results: never updated after insert.
CREATE TABLE evaluation_snapshots (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id         uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year            integer NOT NULL,
  method          text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('annual', 'midterm', 'final')),
  engine_version  text NOT NULL,
  result          jsonb NOT NULL,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluation_snapshots_plan_idx ON evaluation_snapshots (plan_id, year);

CREATE TABLE assessments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  snapshot_id    uuid NOT NULL REFERENCES evaluation_snapshots(id) ON DELETE CASCADE,
  source         text NOT NULL CHECK (source IN ('self', 'third_party')),
  indicator_id   uuid REFERENCES indicators(id) ON DELETE CASCADE,
  node_id        uuid REFERENCES plan_nodes(id) ON DELETE CASCADE,
  score          double precision CHECK (score IS NULL OR score BETWEEN 0 AND 100),
  verdict        text NOT NULL,
  comment        text,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((indicator_id IS NULL) <> (node_id IS NULL))
);
CREATE INDEX assessments_snapshot_idx ON assessments (snapshot_id);
