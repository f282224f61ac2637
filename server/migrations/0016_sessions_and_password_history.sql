-- Every server process keeps the sessions it has checked for a few seconds. When a session is revoked (a
-- sign-out, a password change, an account disabled) or an account changes, the database tells every
-- process listening on `jkda_sessions`, which then forgets its cached sessions at once (platform/
-- session-notify.ts). NOTIFY sends one message per transaction however many rows changed.
CREATE FUNCTION notify_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jkda_sessions', '');
  RETURN NULL;
END $$;
CREATE TRIGGER user_session_revoked AFTER UPDATE OF revoked_at ON user_session
  FOR EACH ROW WHEN (NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL)
  EXECUTE FUNCTION notify_sessions_changed();
CREATE TRIGGER app_user_changed AFTER UPDATE ON app_user
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION notify_sessions_changed();

-- A session unused for JKDA_SESSION_IDLE_MINUTES (default 30) ends; its last use is written at most once a
-- minute (auth.service.ts `session`).
ALTER TABLE user_session ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();

-- The passwords a user had before (scrypt hashes), so a new one repeats none of the last five.
CREATE TABLE password_history (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES app_user (id),
  password_hash text NOT NULL,
  replaced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user_idx ON password_history (user_id, id);
