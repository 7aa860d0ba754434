-- Provenance of every value (issue 15): where it comes from, when that source was released, who put it in.
-- source_kind: entered = typed in by a department; published = published statistics (统计公报, 政府工作报告…);
-- imported = read from a spreadsheet or values file. released_on is what evaluation "as of a date" compares:
-- a value counts from the day its source was released (entered values: the day they were approved).
-- The revision number is the existing observations.version.
ALTER TABLE observations ADD COLUMN source_kind text NOT NULL DEFAULT 'entered'
  CHECK (source_kind IN ('entered', 'published', 'imported'));
ALTER TABLE observations ADD COLUMN source_title text;
ALTER TABLE observations ADD COLUMN source_url text;
ALTER TABLE observations ADD COLUMN source_quote text;
ALTER TABLE observations ADD COLUMN released_on date;
ALTER TABLE observations ADD COLUMN basis text;
ALTER TABLE observations ADD COLUMN entered_by text;
