-- Face-to-face follow-ups this year are counted by distinct days (two records of one day are one visit), and
-- a follow-up without a result (closed as lost to follow-up or death) is no visit. The state kept on each
-- enrolment was counted by records: count it again for its year. The follow-up type is the one of the
-- enrolment's last follow-up (no follow-up yet: nothing to count).
UPDATE program_enrolment e SET visits_count = (
  SELECT count(DISTINCT s.service_date)::int FROM service_record s
  WHERE s.resident_id = e.resident_id AND s.type = f.type AND s.status = 'signed'
    AND s.delivery <> 'phone' AND s.classification IS NOT NULL
    AND s.service_date >= make_date(e.visits_year, 1, 1)
    AND s.service_date <= make_date(e.visits_year, 12, 31))
FROM service_record f
WHERE f.id = e.last_service_id AND e.visits_year IS NOT NULL;
