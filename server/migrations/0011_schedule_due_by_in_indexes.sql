-- A scheduled register's categories read the end of the window (next_due_by: overdue after it, due this week
-- while it has not passed). Without it in the due-date indexes, a township's immunization counts read one
-- heap page per child (2,162 children on 1,080 pages of the 1M-resident benchmark county: 6 ms a count);
-- with it they are index-only scans like the chronic registers' counts (migration 0009).
DROP INDEX program_enrolment_village_due_idx;
DROP INDEX program_enrolment_township_due_idx;
DROP INDEX program_enrolment_doctor_due_idx;
CREATE INDEX program_enrolment_village_due_idx ON program_enrolment (village_code, program, next_due_date)
  INCLUDE (last_check_date, visits_year, visits_count, next_due_by) WHERE status = 'managed';
CREATE INDEX program_enrolment_township_due_idx ON program_enrolment (township_code, program, next_due_date)
  INCLUDE (last_check_date, visits_year, visits_count, next_due_by) WHERE status = 'managed';
CREATE INDEX program_enrolment_doctor_due_idx ON program_enrolment (managing_doctor_id, program, next_due_date)
  INCLUDE (last_check_date, visits_year, visits_count, next_due_by) WHERE status = 'managed';
