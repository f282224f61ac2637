-- Resident registry: households, residents (cover + basic information form), versions, record numbers.

CREATE TABLE record_number_counter (
  village_code  text PRIMARY KEY REFERENCES area (code),
  county_code   text NOT NULL,
  last_seq      integer NOT NULL DEFAULT 0 CHECK (last_seq BETWEEN 0 AND 99999)
);

CREATE TABLE household (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code      text NOT NULL,
  township_code    text NOT NULL,
  village_code     text NOT NULL REFERENCES area (code),
  head_resident_id bigint,
  address          text,
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
  version          integer NOT NULL DEFAULT 1,
  created_by       bigint,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_village_idx ON household (county_code, village_code);

CREATE TABLE resident (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code        text NOT NULL,
  township_code      text NOT NULL,
  village_code       text NOT NULL REFERENCES area (code),
  record_number      text COLLATE "C" NOT NULL,
  name               text COLLATE "C" NOT NULL,
  name_pinyin        text COLLATE "C" NOT NULL,
  name_initials      text COLLATE "C" NOT NULL,
  sex                text NOT NULL,
  birth_date         date NOT NULL,
  id_type            text NOT NULL,
  id_number          text COLLATE "C",
  id_number_rev      text COLLATE "C" GENERATED ALWAYS AS (reverse(id_number)) STORED,
  phone              text COLLATE "C",
  phone_rev          text COLLATE "C" GENERATED ALWAYS AS (reverse(phone)) STORED,
  household_id       bigint REFERENCES household (id),
  relation_to_head   text,
  key_tags           text[] NOT NULL DEFAULT '{}',
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  archive_reason     text CHECK (archive_reason IN ('deceased', 'moved_out', 'other')),
  archive_date       date,
  archive_note       text,
  institution_id     bigint NOT NULL REFERENCES institution (id),
  responsible_doctor_id bigint REFERENCES app_user (id),
  created_by         bigint REFERENCES app_user (id),
  record_date        date NOT NULL,
  current_address    text,
  registered_address text,
  basic_info         jsonb NOT NULL DEFAULT '{}',
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'archived') = (archive_reason IS NOT NULL AND archive_date IS NOT NULL))
);
CREATE UNIQUE INDEX resident_record_number_uq ON resident (county_code, record_number);
CREATE UNIQUE INDEX resident_id_number_uq ON resident (county_code, id_number) WHERE id_number IS NOT NULL;
-- Search columns use the "C" collation (byte order): one plain btree serves both LIKE 'prefix%' and
-- ORDER BY. Chinese has no collation here, so lists sort by name_pinyin. INCLUDE columns let the
-- jurisdiction and status filters and the capped counts run as index-only scans.
CREATE INDEX resident_id_number_rev_idx ON resident (id_number_rev);
CREATE INDEX resident_record_number_rev_idx ON resident ((reverse(record_number)) COLLATE "C");
CREATE INDEX resident_phone_idx ON resident (phone);
CREATE INDEX resident_phone_rev_idx ON resident (phone_rev);
CREATE INDEX resident_name_idx ON resident (name, id) INCLUDE (county_code, township_code, village_code, status);
CREATE INDEX resident_initials_idx ON resident (name_initials, name_pinyin, id)
  INCLUDE (county_code, township_code, village_code, status);
CREATE INDEX resident_pinyin_idx ON resident (name_pinyin, id) INCLUDE (county_code, township_code, village_code, status);
CREATE INDEX resident_village_sort_idx ON resident (village_code, name_pinyin, id) INCLUDE (status);
CREATE INDEX resident_township_sort_idx ON resident (township_code, name_pinyin, id) INCLUDE (status);
CREATE INDEX resident_county_sort_idx ON resident (county_code, name_pinyin, id) INCLUDE (status);
CREATE INDEX resident_household_idx ON resident (household_id);
CREATE INDEX resident_tags_idx ON resident USING gin (key_tags);
CREATE INDEX resident_dup_idx ON resident (county_code, name, birth_date, sex);

ALTER TABLE household ADD CONSTRAINT household_head_fk FOREIGN KEY (head_resident_id) REFERENCES resident (id);

-- One row per version of a resident's record: who changed which fields, with old and new values.
CREATE TABLE resident_version (
  resident_id   bigint NOT NULL REFERENCES resident (id),
  version       integer NOT NULL,
  county_code   text NOT NULL,
  changed_at    timestamptz NOT NULL DEFAULT now(),
  changed_by    bigint REFERENCES app_user (id),
  request_id    text,
  action        text NOT NULL,
  changes       jsonb NOT NULL DEFAULT '[]',
  snapshot      jsonb NOT NULL,
  PRIMARY KEY (resident_id, version)
);
