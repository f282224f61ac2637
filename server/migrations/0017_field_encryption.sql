-- ID numbers and phones are stored sealed with SM4 and searched through keyed SM3 blind indexes
-- (server/src/platform/field-crypto.ts, docs/adr/0009-field-encryption.md). The server holds the keys, so
-- no SQL here can seal: the plaintext columns of an earlier release are renamed legacy_* and emptied by the
-- server before it serves (modules/fieldkeys), which also re-encrypts after a key rotation.

DROP INDEX IF EXISTS resident_id_number_uq;
ALTER TABLE resident DROP COLUMN id_number_rev;
ALTER TABLE resident DROP COLUMN phone_rev;
DROP INDEX IF EXISTS resident_phone_idx;
ALTER TABLE resident RENAME COLUMN id_number TO legacy_id_number;
ALTER TABLE resident RENAME COLUMN phone TO legacy_phone;
ALTER TABLE resident
  ADD COLUMN id_number_enc  text,
  ADD COLUMN id_number_bi   text COLLATE "C",
  ADD COLUMN id_tail4_bi    text COLLATE "C",
  ADD COLUMN id_tail6_bi    text COLLATE "C",
  ADD COLUMN phone_enc      text,
  ADD COLUMN phone_bi       text COLLATE "C",
  ADD COLUMN phone_tail4_bi text COLLATE "C";
CREATE UNIQUE INDEX resident_id_number_bi_uq ON resident (county_code, id_number_bi) WHERE id_number_bi IS NOT NULL;
CREATE INDEX resident_id_tail4_idx ON resident (id_tail4_bi) WHERE id_tail4_bi IS NOT NULL;
CREATE INDEX resident_id_tail6_idx ON resident (id_tail6_bi) WHERE id_tail6_bi IS NOT NULL;
CREATE INDEX resident_phone_bi_idx ON resident (phone_bi) WHERE phone_bi IS NOT NULL;
CREATE INDEX resident_phone_tail4_idx ON resident (phone_tail4_bi) WHERE phone_tail4_bi IS NOT NULL;
-- Rows still holding plaintext of an earlier release: what the server seals first.
CREATE INDEX resident_legacy_identifiers_idx ON resident (id)
  WHERE legacy_id_number IS NOT NULL OR legacy_phone IS NOT NULL;

ALTER TABLE app_user RENAME COLUMN phone TO legacy_phone;
ALTER TABLE app_user ADD COLUMN phone_enc text;

-- Where each pass of the re-encryption has got to, so that a stopped pass resumes (one row per table).
CREATE TABLE field_key_pass (
  table_name     text PRIMARY KEY,
  target_version integer NOT NULL,
  last_id        bigint NOT NULL DEFAULT 0,
  rows_sealed    bigint NOT NULL DEFAULT 0,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
