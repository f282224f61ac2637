-- A read that shows several residents (a search, a worklist, an export, a household) keeps their ids in
-- detail.residentIds; a resident's own audit view finds those rows through this index as it finds the rows
-- of reads of the one record (resident_id).
CREATE INDEX audit_log_detail_residents_idx ON audit_log USING gin ((detail -> 'residentIds') jsonb_path_ops);
