-- A follow-up may record a visit that did not take place (closed as lost to follow-up, or the patient's
-- death): it is kept, and counts for nothing. Existing records all took place.
ALTER TABLE service_record ADD COLUMN took_place boolean NOT NULL DEFAULT true;

-- Face-to-face follow-ups this year are counted by distinct days (two records of one day are one visit). The
-- state kept on each enrolment was counted by records: count it again for its year, writing only the
-- enrolments whose count changes. The follow-up type is the one of the enrolment's last follow-up (none
-- yet: nothing to count).
WITH counted AS (
  SELECT e.id, (
    SELECT count(DISTINCT s.service_date)::int FROM service_record s
    WHERE s.resident_id = e.resident_id AND s.type = f.type AND s.status = 'signed'
      AND s.delivery <> 'phone' AND s.took_place
      AND s.service_date >= make_date(e.visits_year, 1, 1)
      AND s.service_date <= make_date(e.visits_year, 12, 31)) AS n
  FROM program_enrolment e
  JOIN service_record f ON f.id = e.last_service_id
  WHERE e.visits_year IS NOT NULL)
UPDATE program_enrolment e SET visits_count = c.n
FROM counted c
WHERE e.id = c.id AND e.visits_count IS DISTINCT FROM c.n;
