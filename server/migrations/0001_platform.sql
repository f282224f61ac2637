-- Platform: areas, institutions, users, sessions, audit log.
-- Every table holding resident data carries county_code (the future Citus distribution key).

CREATE TABLE area (
  code         text PRIMARY KEY,
  name         text NOT NULL,
  level        text NOT NULL CHECK (level IN ('province', 'prefecture', 'county', 'township', 'village')),
  parent_code  text REFERENCES area (code),
  county_code  text,
  generated    boolean NOT NULL DEFAULT false
);
CREATE INDEX area_parent_idx ON area (parent_code);
CREATE INDEX area_county_idx ON area (county_code, level);

-- The county (or counties) this deployment serves.
CREATE TABLE deployment_county (
  county_code  text PRIMARY KEY REFERENCES area (code),
  is_demo      boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE institution (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code  text NOT NULL,
  code         text NOT NULL,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('county_health_commission', 'township_health_center',
                 'community_health_center', 'village_clinic', 'community_health_station')),
  area_code    text NOT NULL REFERENCES area (code),
  parent_id    bigint REFERENCES institution (id),
  active       boolean NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_code, code)
);
CREATE INDEX institution_area_idx ON institution (area_code);

-- The areas an institution is responsible for (its jurisdiction).
CREATE TABLE institution_area (
  institution_id bigint NOT NULL REFERENCES institution (id),
  area_code      text NOT NULL REFERENCES area (code),
  county_code    text NOT NULL,
  PRIMARY KEY (institution_id, area_code)
);

CREATE TABLE app_user (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code      text NOT NULL,
  username         text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  role             text NOT NULL CHECK (role IN ('village_doctor', 'township_staff', 'township_admin',
                     'county_admin', 'city_inspector', 'system_admin')),
  institution_id   bigint NOT NULL REFERENCES institution (id),
  phone            text,
  password_hash    text NOT NULL,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_institution_idx ON app_user (institution_id);

CREATE TABLE family_doctor_team (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code    text NOT NULL,
  institution_id bigint NOT NULL REFERENCES institution (id),
  name           text NOT NULL,
  leader_user_id bigint REFERENCES app_user (id),
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE family_doctor_team_member (
  team_id  bigint NOT NULL REFERENCES family_doctor_team (id),
  user_id  bigint NOT NULL REFERENCES app_user (id),
  duty     text NOT NULL DEFAULT 'doctor' CHECK (duty IN ('doctor', 'nurse', 'public_health', 'other')),
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE user_session (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE,
  user_id      bigint NOT NULL REFERENCES app_user (id),
  kind         text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  csrf_token   text,
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Append-only audit log. Nothing may change or delete a row (trigger below). Rows are sealed afterwards
-- into an HMAC chain kept in audit_seal (insert-only too), so sealing never rewrites audit rows;
-- `jkda audit verify` recomputes the chain.
CREATE TABLE audit_log (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code   text,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_user_id bigint,
  actor_username text,
  actor_role    text,
  ip            text,
  request_id    text,
  action        text NOT NULL,
  entity_type   text,
  entity_id     text,
  resident_id   bigint,
  fields        text[],
  outcome       text NOT NULL DEFAULT 'ok',
  detail        jsonb
);
CREATE INDEX audit_log_resident_idx ON audit_log (resident_id, at) WHERE resident_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at);
-- Rows arrive in time order, so a BRIN index serves time ranges at almost no cost per insert.
CREATE INDEX audit_log_at_idx ON audit_log USING brin (at);

CREATE TABLE audit_seal (
  chain_pos  bigint PRIMARY KEY,
  audit_id   bigint NOT NULL,
  prev_hash  text NOT NULL,
  hash       text NOT NULL,
  sealed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_chain_head (
  id         integer PRIMARY KEY CHECK (id = 1),
  chain_pos  bigint NOT NULL,
  hash       text NOT NULL,
  sealed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION append_only_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION append_only_guard();
CREATE TRIGGER audit_seal_guard BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION append_only_guard();
