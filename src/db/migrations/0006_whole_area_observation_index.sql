-- Every read of the workflow and the evaluation asks for whole-area values (region_id IS NULL) of an indicator;
-- with regional breakdowns (20 regions × 60 months per indicator) the old (indicator_id, year) index made those
-- reads scan every regional row. A partial index on the whole-area rows keeps them a short index range.
CREATE INDEX observations_whole_area_idx
  ON observations (indicator_id, period, kind, version DESC)
  WHERE region_id IS NULL
