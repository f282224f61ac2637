-- Two factors, temporary passwords and login history (issue 13 §2 and §3).
--
-- The TOTP secret is stored encrypted (SM4 with HMAC-SM3, platform/sm4-box.ts, under the key folder's totp.key);
-- totp_last_step is the RFC 6238 time step of the last code accepted, so a code is never taken twice.
-- must_change_password is set by an administrator's reset: that account may only change its password.
ALTER TABLE app_user
  ADD COLUMN totp_secret_enc text,
  ADD COLUMN totp_pending_enc text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint,
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Ten one-time recovery codes per enrolment, kept as HMAC-SM3 under the TOTP key (never in plain).
CREATE TABLE recovery_code (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES app_user (id),
  code_hash  text NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, code_hash)
);

-- "Password right, second factor pending": a short-lived challenge (token kept as SHA-256) that only the
-- second-factor routes take, bound to the client address and to the kind of session it may open.
CREATE TABLE login_challenge (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash         text NOT NULL UNIQUE,
  user_id            bigint NOT NULL REFERENCES app_user (id),
  kind               text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  address            text NOT NULL,
  user_agent         text,
  enrol              boolean NOT NULL DEFAULT false,
  pending_secret_enc text,
  attempts           int NOT NULL DEFAULT 0,
  expires_at         timestamptz NOT NULL,
  consumed_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_challenge_user_idx ON login_challenge (user_id);

-- What a user sees of their own sign-ins: when, from which address, what kind of client, and how it went.
CREATE TABLE login_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app_user (id),
  county_code text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  outcome     text NOT NULL CHECK (outcome IN ('success', 'failure', 'second_factor_pending',
                'second_factor_failure', 'locked', 'disabled')),
  method      text,
  address     text,
  client      text NOT NULL DEFAULT 'other'
);
CREATE INDEX login_event_user_idx ON login_event (user_id, at DESC);
