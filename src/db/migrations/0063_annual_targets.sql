-- The annual plan (issue 16 §2): each indicator's 全年预期目标 per year, set by the planning office.

CREATE TABLE annual_targets (
  indicator_id  uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  year          integer NOT NULL,
  value         double precision NOT NULL,
  note          text,
  source        text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'upload')),
  set_by        uuid REFERENCES users(id) ON DELETE SET NULL,
  set_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, year)
);
