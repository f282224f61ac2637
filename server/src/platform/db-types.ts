/** Kysely table types, kept in step with server/migrations by hand. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface AreaTable {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county' | 'township' | 'village';
  parent_code: string | null;
  county_code: string | null;
  generated: Generated<boolean>;
}

export interface DeploymentCountyTable {
  county_code: string;
  is_demo: Generated<boolean>;
  /** A county of a training environment (jkda training): every page says 培训环境. */
  is_training: Generated<boolean>;
  created_at: Timestamp;
}

export type InstitutionKind =
  | 'county_health_commission'
  | 'township_health_center'
  | 'community_health_center'
  | 'village_clinic'
  | 'community_health_station';

export interface InstitutionTable {
  id: Generated<number>;
  county_code: string;
  code: string;
  name: string;
  kind: InstitutionKind;
  area_code: string;
  parent_id: number | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface InstitutionAreaTable {
  institution_id: number;
  area_code: string;
  county_code: string;
}

export interface AppUserTable {
  id: Generated<number>;
  county_code: string;
  username: string;
  display_name: string;
  role: string;
  institution_id: number;
  /** Plaintext of an earlier release (modules/fieldkeys seals it). */
  legacy_phone: string | null;
  /** Sealed with SM4 (platform/field-crypto.ts). */
  phone_enc: string | null;
  password_hash: string;
  password_changed_at: Timestamp;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** AES-256-GCM of the TOTP secret (twofactor.ts); null without a second factor (migration 0015). */
  totp_secret_enc: string | null;
  /** The secret of an enrolment not yet confirmed by a code. */
  totp_pending_enc: string | null;
  totp_enabled_at: NullableTimestamp;
  /** The time step of the last code accepted (no code is taken twice). */
  totp_last_step: number | null;
  /** Set by an administrator's password reset: the account may only change its password. */
  must_change_password: Generated<boolean>;
}

export interface FamilyDoctorTeamTable {
  id: Generated<number>;
  county_code: string;
  institution_id: number;
  name: string;
  leader_user_id: number | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface FamilyDoctorTeamMemberTable {
  team_id: number;
  user_id: number;
  duty: Generated<string>;
}

export interface UserSessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  kind: 'cookie' | 'bearer';
  csrf_token: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_seen_at: Timestamp;
}

/** Failed sign-ins per typed user name and client address (migration 0012). */
export interface LoginThrottleTable {
  username: string;
  address: string;
  failures: Generated<number>;
  locked_until: NullableTimestamp;
  updated_at: Generated<Date>;
}

/** Ten one-time recovery codes per enrolment, HMAC-SHA-256 under the TOTP key (migration 0015). */
export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: NullableTimestamp;
  created_at: Generated<Date>;
}

/** A sign-in whose password was right and whose second factor is pending (migration 0015). */
export interface LoginChallengeTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  kind: 'cookie' | 'bearer';
  address: string;
  user_agent: string | null;
  enrol: Generated<boolean>;
  pending_secret_enc: string | null;
  attempts: Generated<number>;
  expires_at: Timestamp;
  consumed_at: NullableTimestamp;
  created_at: Generated<Date>;
}

/** One sign-in step of an account, for its login history (migration 0015). */
export interface LoginEventTable {
  id: Generated<number>;
  user_id: number;
  county_code: string;
  at: Generated<Date>;
  outcome: 'success' | 'failure' | 'second_factor_pending' | 'second_factor_failure' | 'locked' | 'disabled';
  method: string | null;
  address: string | null;
  client: Generated<string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  county_code: string | null;
  at: Timestamp;
  actor_user_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  resident_id: number | null;
  fields: string[] | null;
  outcome: Generated<string>;
  detail: Json | null;
  /** `v1:<nonce>:<HMAC-SM3>` made by the server at insert (audit.mac.ts); null only on rows before 0014. */
  mac: string | null;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  replaced_at: Generated<Date>;
}

export interface AuditMacSinceTable {
  id: number;
  audit_id: number;
}

export interface AuditSealTable {
  chain_pos: number;
  audit_id: number;
  prev_hash: string;
  hash: string;
  sealed_at: Timestamp;
}

export interface AuditChainHeadTable {
  id: number;
  chain_pos: number;
  hash: string;
  sealed_at: Timestamp;
}

export interface RecordNumberCounterTable {
  village_code: string;
  county_code: string;
  last_seq: Generated<number>;
}

export interface HouseholdTable {
  id: Generated<number>;
  county_code: string;
  township_code: string;
  village_code: string;
  head_resident_id: number | null;
  address: string | null;
  status: Generated<'active' | 'dissolved'>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResidentTable {
  id: Generated<number>;
  county_code: string;
  township_code: string;
  village_code: string;
  record_number: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  sex: string;
  birth_date: string;
  id_type: string;
  /** Plaintext of an earlier release, emptied by the server before it serves (modules/fieldkeys). */
  legacy_id_number: string | null;
  legacy_phone: string | null;
  /** Sealed with SM4 and searched through the blind indexes (platform/field-crypto.ts). */
  id_number_enc: string | null;
  id_number_bi: string | null;
  id_tail4_bi: string | null;
  id_tail6_bi: string | null;
  phone_enc: string | null;
  phone_bi: string | null;
  phone_tail4_bi: string | null;
  household_id: number | null;
  relation_to_head: string | null;
  key_tags: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<'active' | 'archived'>;
  archive_reason: string | null;
  archive_date: string | null;
  archive_note: string | null;
  institution_id: number;
  responsible_doctor_id: number | null;
  created_by: number | null;
  record_date: string;
  current_address: string | null;
  registered_address: string | null;
  basic_info: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResidentVersionTable {
  resident_id: number;
  version: number;
  county_code: string;
  changed_at: Timestamp;
  changed_by: number | null;
  request_id: string | null;
  action: string;
  reason: string | null;
  changes: Json<FieldChange[]>;
  snapshot: Json<Record<string, unknown>>;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface ProgramEnrolmentTable {
  id: Generated<number>;
  county_code: string;
  township_code: string;
  village_code: string;
  resident_id: number;
  /** A register of the program registry. */
  program: string;
  diagnosis_date: string | null;
  diagnosis_source: string | null;
  managing_doctor_id: number | null;
  status: Generated<'managed' | 'lost' | 'moved' | 'deceased' | 'ended'>;
  status_date: string | null;
  enrolled_on: string;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_service_date: string | null;
  last_service_id: number | null;
  last_classification: string | null;
  last_sbp: number | null;
  last_dbp: number | null;
  last_glucose: ColumnType<string | null, number | null | undefined, number | null>;
  visits_year: number | null;
  visits_count: Generated<number>;
  last_check_date: string | null;
  next_due_date: string | null;
  /** Scheduled registers: overdue after this day (the window's end), the type and schedule key due. */
  next_due_by: string | null;
  next_due_type: string | null;
  next_due_key: string | null;
}

export interface ServiceRecordTable {
  id: Generated<number>;
  county_code: string;
  township_code: string;
  village_code: string;
  resident_id: number;
  type: string;
  service_date: string;
  institution_id: number;
  staff_user_id: number;
  delivery: 'clinic' | 'home' | 'phone';
  status: Generated<'draft' | 'signed'>;
  version: Generated<number>;
  form: Json<Record<string, unknown>>;
  proof: Json | null;
  sbp: number | null;
  dbp: number | null;
  fasting_glucose: ColumnType<string | null, number | null | undefined, number | null>;
  weight_kg: ColumnType<string | null, number | null | undefined, number | null>;
  classification: string | null;
  next_visit_date: string | null;
  next_action: string | null;
  warnings: Json<unknown[]>;
  /** For an annual check record: the registers it counts for (NULL: every register). */
  counts_for: string[] | null;
  /** False for a service that did not take place (a visit closed as lost to follow-up or death). */
  took_place: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  signed_at: NullableTimestamp;
}

export interface ServiceRecordVersionTable {
  service_record_id: number;
  version: number;
  county_code: string;
  changed_at: Timestamp;
  changed_by: number | null;
  request_id: string | null;
  action: string;
  reason: string | null;
  changes: Json<FieldChange[]>;
  snapshot: Json<Record<string, unknown>>;
}

/** The version rows of enrolments and households (the same shape as service_record_version). */
export interface EntityVersionColumns {
  version: number;
  county_code: string;
  changed_at: Timestamp;
  changed_by: number | null;
  request_id: string | null;
  action: string;
  reason: string | null;
  changes: Json<FieldChange[]>;
  snapshot: Json<Record<string, unknown>>;
}
export interface ProgramEnrolmentVersionTable extends EntityVersionColumns {
  enrolment_id: number;
}
export interface HouseholdVersionTable extends EntityVersionColumns {
  household_id: number;
}

export interface OutboxTable {
  id: Generated<number>;
  county_code: string;
  entity: string;
  entity_id: number;
  version: number;
  resident_id: number | null;
  kind: string;
  request_id: string | null;
  created_at: Timestamp;
}

export interface DB {
  program_enrolment_version: ProgramEnrolmentVersionTable;
  household_version: HouseholdVersionTable;
  outbox: OutboxTable;
  program_enrolment: ProgramEnrolmentTable;
  service_record: ServiceRecordTable;
  service_record_version: ServiceRecordVersionTable;
  area: AreaTable;
  deployment_county: DeploymentCountyTable;
  institution: InstitutionTable;
  institution_area: InstitutionAreaTable;
  app_user: AppUserTable;
  family_doctor_team: FamilyDoctorTeamTable;
  family_doctor_team_member: FamilyDoctorTeamMemberTable;
  user_session: UserSessionTable;
  login_throttle: LoginThrottleTable;
  recovery_code: RecoveryCodeTable;
  login_challenge: LoginChallengeTable;
  login_event: LoginEventTable;
  audit_log: AuditLogTable;
  audit_seal: AuditSealTable;
  audit_chain_head: AuditChainHeadTable;
  audit_mac_since: AuditMacSinceTable;
  password_history: PasswordHistoryTable;
  record_number_counter: RecordNumberCounterTable;
  household: HouseholdTable;
  resident: ResidentTable;
  resident_version: ResidentVersionTable;
  field_key_pass: FieldKeyPassTable;
}

export interface FieldKeyPassTable {
  table_name: string;
  target_version: number;
  last_id: ColumnType<number, number | undefined, number>;
  rows_sealed: ColumnType<number, number | undefined, number>;
  started_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: Date | null;
}
