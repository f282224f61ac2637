-- Service programs: enrolment in the hypertension and type 2 diabetes registers, and one envelope for
-- every service record (follow-ups now; checks, maternal, child, immunization … later). Values that rules
-- and indicators need are queryable columns; the form itself is jsonb validated by its schema.

CREATE TABLE program_enrolment (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code        text NOT NULL,
  township_code      text NOT NULL,
  village_code       text NOT NULL,
  resident_id        bigint NOT NULL REFERENCES resident (id),
  program            text NOT NULL CHECK (program IN ('hypertension', 'diabetes')),
  diagnosis_date     date,
  diagnosis_source   text,
  managing_doctor_id bigint REFERENCES app_user (id),
  status             text NOT NULL DEFAULT 'managed' CHECK (status IN ('managed', 'lost', 'moved', 'deceased', 'ended')),
  status_date        date,
  enrolled_on        date NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  created_by         bigint REFERENCES app_user (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX program_enrolment_resident_uq ON program_enrolment (resident_id, program);
CREATE INDEX program_enrolment_village_idx ON program_enrolment (village_code, program, status);
CREATE INDEX program_enrolment_township_idx ON program_enrolment (township_code, program, status);
CREATE INDEX program_enrolment_county_idx ON program_enrolment (county_code, program, status);

CREATE TABLE service_record (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_code      text NOT NULL,
  township_code    text NOT NULL,
  village_code     text NOT NULL,
  resident_id      bigint NOT NULL REFERENCES resident (id),
  type             text NOT NULL,
  service_date     date NOT NULL,
  institution_id   bigint NOT NULL REFERENCES institution (id),
  staff_user_id    bigint NOT NULL REFERENCES app_user (id),
  delivery         text NOT NULL CHECK (delivery IN ('clinic', 'home', 'phone')),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  version          integer NOT NULL DEFAULT 1,
  form             jsonb NOT NULL,
  -- Two-card rule evidence (resident and staff verification); filled by the identity capability later.
  proof            jsonb,
  sbp              integer,
  dbp              integer,
  fasting_glucose  numeric(5, 2),
  classification   text,
  next_visit_date  date,
  next_action      text,
  warnings         jsonb NOT NULL DEFAULT '[]',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  signed_at        timestamptz
);
CREATE INDEX service_record_resident_idx ON service_record (resident_id, type, service_date DESC, id DESC);
CREATE INDEX service_record_village_idx ON service_record (village_code, type, service_date);

CREATE TABLE service_record_version (
  service_record_id bigint NOT NULL REFERENCES service_record (id),
  version           integer NOT NULL,
  county_code       text NOT NULL,
  changed_at        timestamptz NOT NULL DEFAULT now(),
  changed_by        bigint REFERENCES app_user (id),
  request_id        text,
  action            text NOT NULL,
  reason            text,
  changes           jsonb NOT NULL DEFAULT '[]',
  snapshot          jsonb NOT NULL,
  PRIMARY KEY (service_record_id, version)
);
