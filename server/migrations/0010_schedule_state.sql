-- Registers whose services follow a schedule across types (maternal care by gestational week, child checks
-- by age window, the immunization schedule) keep the next service due on the enrolment: its type, its key in
-- the schedule (prenatal:3, check:6, a dose id) and the end of its window (overdue after next_due_by; the
-- window opens on next_due_date). Registers with one follow-up type leave them null: due on next_due_date.
ALTER TABLE program_enrolment ADD COLUMN next_due_by date;
ALTER TABLE program_enrolment ADD COLUMN next_due_type text;
ALTER TABLE program_enrolment ADD COLUMN next_due_key text;
