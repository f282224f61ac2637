-- Archiving a resident now closes their program enrolments (programs follow the record's end); close those
-- of residents archived before, with the archive's reason and date, so that "managed" alone says who is on
-- a worklist.
UPDATE program_enrolment e SET
  status = CASE r.archive_reason WHEN 'deceased' THEN 'deceased' WHEN 'moved_out' THEN 'moved' ELSE 'ended' END,
  status_date = coalesce(r.archive_date, current_date),
  version = e.version + 1,
  updated_at = now()
FROM resident r
WHERE r.id = e.resident_id AND r.status = 'archived' AND e.status = 'managed';
