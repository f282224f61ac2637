-- The one change pipeline: every write of resident data leaves its version row and an outbox event in
-- the transaction that made it. Programs are defined in code (the program registry), so the database no
-- longer lists them.

ALTER TABLE program_enrolment DROP CONSTRAINT program_enrolment_program_check;
ALTER TABLE program_enrolment
  ADD CONSTRAINT program_enrolment_program_format CHECK (program ~ '^[a-z][a-z0-9_]{1,40}$');

CREATE TABLE program_enrolment_version (
  enrolment_id  bigint NOT NULL REFERENCES program_enrolment (id),
  version       integer NOT NULL,
  county_code   text NOT NULL,
  changed_at    timestamptz NOT NULL DEFAULT now(),
  changed_by    bigint REFERENCES app_user (id),
  request_id    text,
  action        text NOT NULL,
  reason        text,
  changes       jsonb NOT NULL DEFAULT '[]',
  snapshot      jsonb NOT NULL,
  PRIMARY KEY (enrolment_id, version)
);

CREATE TABLE household_version (
  household_id  bigint NOT NULL REFERENCES household (id),
  version       integer NOT NULL,
  county_code   text NOT NULL,
  changed_at    timestamptz NOT NULL DEFAULT now(),
  changed_by    bigint REFERENCES app_user (id),
  request_id    text,
  action        text NOT NULL,
  reason        text,
  changes       jsonb NOT NULL DEFAULT '[]',
  snapshot      jsonb NOT NULL,
  PRIMARY KEY (household_id, version)
);

-- The state each existing enrolment and household is in now, as its baseline version.
INSERT INTO program_enrolment_version (enrolment_id, version, county_code, changed_at, changed_by, action, snapshot)
SELECT id, version, county_code, updated_at, created_by, 'baseline',
       jsonb_build_object('program', program, 'status', status, 'statusDate', status_date,
         'enrolledOn', enrolled_on, 'diagnosisDate', diagnosis_date, 'diagnosisSource', diagnosis_source,
         'managingDoctorId', managing_doctor_id, 'villageCode', village_code)
FROM program_enrolment;
INSERT INTO household_version (household_id, version, county_code, changed_at, changed_by, action, snapshot)
SELECT id, version, county_code, updated_at, created_by, 'baseline',
       jsonb_build_object('villageCode', village_code, 'address', address, 'status', status,
         'headResidentId', head_resident_id)
FROM household;

-- What changed, in commit order per resident: the feed that uploads, data-quality reruns and duplicate
-- checks read. Written in the change's own transaction, so a rolled-back change never has an event.
CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code  text NOT NULL,
  entity       text NOT NULL,
  entity_id    bigint NOT NULL,
  version      integer NOT NULL,
  resident_id  bigint,
  kind         text NOT NULL,
  request_id   text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_resident_idx ON outbox (resident_id, id);
CREATE INDEX outbox_entity_idx ON outbox (entity, entity_id, id);

-- Every version table carries the reason a change gave (an amendment of a signed record, a status change).
ALTER TABLE resident_version ADD COLUMN reason text;
