-- Plan versions (issue 15 §5): a new version of a plan is a draft until the planning office publishes it.
-- Departments and the public see the published version of each plan key; the version it replaced is kept as
-- 'superseded' (its items that did not carry over stay reachable there, never deleted).

ALTER TABLE plans ADD COLUMN status text NOT NULL DEFAULT 'published'
  CHECK (status IN ('draft', 'published', 'superseded'));
ALTER TABLE plans ADD COLUMN published_at timestamptz;
ALTER TABLE plans ADD COLUMN published_by text;

UPDATE plans SET published_at = created_at;
-- Before versions had a status the newest version of a key was the one in use.
UPDATE plans p SET status = 'superseded'
 WHERE EXISTS (SELECT 1 FROM plans q WHERE q.key = p.key AND q.version > p.version);

CREATE UNIQUE INDEX plans_one_published_uq ON plans (key) WHERE status = 'published';
