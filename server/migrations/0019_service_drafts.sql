-- The workbench's "drafts to finish": a user's unsigned service records, newest first, from a small index of
-- the drafts alone (signed records, nearly all of the table, are not in it).
CREATE INDEX service_record_draft_idx ON service_record (staff_user_id, service_date DESC, id DESC)
  WHERE status = 'draft';
