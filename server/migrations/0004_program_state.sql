-- Worklist state kept on the enrolment, so that "who is due" is one indexed read of the register instead of
-- an aggregate over millions of service records. It is recomputed from the signed service records in the
-- same transaction that records, signs or amends one (programs.state.ts), and rebuilt here for existing data.
-- The elderly register (65+) is added: residents are taken in by age, automatically.

ALTER TABLE program_enrolment DROP CONSTRAINT program_enrolment_program_check;
ALTER TABLE program_enrolment
  ADD CONSTRAINT program_enrolment_program_check CHECK (program IN ('hypertension', 'diabetes', 'elderly'));

ALTER TABLE program_enrolment
  ADD COLUMN last_service_date   date,
  ADD COLUMN last_service_id     bigint,
  ADD COLUMN last_classification text,
  ADD COLUMN last_sbp            integer,
  ADD COLUMN last_dbp            integer,
  ADD COLUMN last_glucose        numeric(5, 2),
  -- Face-to-face follow-ups in visits_year (a count of another year reads as 0 this year).
  ADD COLUMN visits_year         integer,
  ADD COLUMN visits_count        integer NOT NULL DEFAULT 0,
  -- Latest signed health check (健康体检) of the resident, on each of the resident's enrolments.
  ADD COLUMN last_check_date     date,
  -- When the next service is due: the follow-up's next visit date, or 2 weeks after enrolment if none yet;
  -- for the elderly register a year after the last health check, or the enrolment date.
  ADD COLUMN next_due_date       date;

ALTER TABLE service_record ADD COLUMN weight_kg numeric(5, 1);
UPDATE service_record SET weight_kg = (form ->> 'weightKg')::numeric WHERE form ? 'weightKg';

UPDATE program_enrolment e SET
  last_service_date = l.service_date,
  last_service_id = l.id,
  last_classification = l.classification,
  last_sbp = l.sbp,
  last_dbp = l.dbp,
  last_glucose = l.fasting_glucose
FROM (
  SELECT DISTINCT ON (resident_id, type) resident_id, type, id, service_date, classification, sbp, dbp,
         fasting_glucose, next_visit_date
  FROM service_record
  WHERE status = 'signed' AND type IN ('hypertension_followup', 'diabetes_followup')
  ORDER BY resident_id, type, service_date DESC, id DESC
) l
WHERE l.resident_id = e.resident_id AND l.type = e.program || '_followup';

UPDATE program_enrolment e SET
  visits_year = extract(year FROM current_date)::int,
  visits_count = c.n
FROM (
  SELECT resident_id, type, count(*)::int AS n
  FROM service_record
  WHERE status = 'signed' AND delivery <> 'phone'
    AND service_date >= date_trunc('year', current_date)::date
  GROUP BY resident_id, type
) c
WHERE c.resident_id = e.resident_id AND c.type = e.program || '_followup';

UPDATE program_enrolment e SET next_due_date = coalesce(
  (SELECT s.next_visit_date FROM service_record s WHERE s.id = e.last_service_id),
  e.enrolled_on + 14);

CREATE INDEX program_enrolment_village_due_idx
  ON program_enrolment (village_code, program, next_due_date) WHERE status = 'managed';
CREATE INDEX program_enrolment_township_due_idx
  ON program_enrolment (township_code, program, next_due_date) WHERE status = 'managed';
CREATE INDEX program_enrolment_doctor_due_idx
  ON program_enrolment (managing_doctor_id, program, next_due_date) WHERE status = 'managed';
