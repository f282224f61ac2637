-- The county's audit log page (newest first, with filters): the newest rows of a large log come from an
-- index in time order, not a sort of the whole table; a sign-in name (also one that is no account) has its own.
CREATE INDEX audit_log_at_id_idx ON audit_log (at, id);
CREATE INDEX audit_log_username_idx ON audit_log (actor_username, at) WHERE actor_username IS NOT NULL;
