-- 0021: the per-tambon vaccination / screening counts of jitasa:importcoveragecounts (issue 12 item 3) keep
-- the rows they refuse (an unknown tambon code, a negative or non-numeric count) in import_reject too.
ALTER TABLE jitasa.import_reject DROP CONSTRAINT import_reject_target_check;
ALTER TABLE jitasa.import_reject ADD CONSTRAINT import_reject_target_check
    CHECK (target IN ('admin_area', 'facility', 'volunteer', 'help_request', 'tambon_coverage_count'));
