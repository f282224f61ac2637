-- Failed sign-ins are counted per user name and client address, atomically (one upsert per failure), and
-- the same way for names that are no account: 30 parallel wrong passwords lock the name at that address,
-- and nobody can shut another user out from the other user's own machine or learn which names exist.
-- app_user.failed_logins and locked_until are no longer read or written.
CREATE TABLE login_throttle (
  username text NOT NULL,
  address text NOT NULL,
  failures int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (username, address)
);
CREATE INDEX login_throttle_updated_idx ON login_throttle (updated_at);
