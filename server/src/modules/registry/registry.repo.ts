/**
 * SQL of the registry. Every function that reads residents starts from `scopedResidents(db, actor)`,
 * which already filters by the actor's jurisdiction.
 */
import type pg from 'pg';
import {
  sql,
  type Expression,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { maskIdNumber, maskPhone, ageOn, MANUAL_KEY_TAGS } from '@jkda/domain';
import type { DB, ResidentTable } from '../../platform/db-types.ts';
import type { Actor } from '../auth/actor.ts';
import { repos } from '../../platform/repos.ts';
import { likePrefix, parseSearchText, type QueryKind } from './registry.search.ts';
import type { ResidentListItem, ResidentListQuery, ResidentView } from './registry.schema.ts';
import { countyToday } from '../../platform/today.ts';
import type { Directory } from '../places/directory.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { openBasicInfo } from './resident.fields.ts';

export const COUNT_CAP = 10_000;

export function scopedResidents(db: Kysely<DB>, actor: Actor) {
  return repos(db, actor).residents();
}

const today = (): string => countyToday();

function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-');
  const shifted = `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`;
  // 29 Feb in a non-leap target year becomes 28 Feb.
  return Number.isNaN(Date.parse(shifted)) || new Date(`${shifted}T00:00:00Z`).getUTCDate() !== Number(d)
    ? `${String(Number(y) - years).padStart(4, '0')}-${m}-28`
    : shifted;
}

/** The scoped, filtered query of a search and its order, shared by the list and the export. */
function searchPlan(
  db: Kysely<DB>,
  actor: Actor,
  fields: FieldCrypto,
  query: Omit<ResidentListQuery, 'page' | 'pageSize'>,
) {
  const parsed = parseSearchText(query.q);
  const conds: Expression<SqlBool>[] = [];
  const v = parsed.value;
  switch (parsed.kind) {
    case 'id_number':
      conds.push(sql<SqlBool>`r.id_number_bi = ${fields.blindIndex('id', v)}`);
      break;
    case 'record_number':
      conds.push(sql<SqlBool>`r.record_number = ${v}`);
      break;
    case 'phone':
      conds.push(sql<SqlBool>`r.phone_bi = ${fields.blindIndex('phone', v)}`);
      break;
    case 'digits_suffix': {
      // ID numbers and phones are sealed: their last 4 or 6 characters are found through blind indexes
      // (platform/field-crypto.ts); record numbers are not secret and match on any ending.
      const rev = likePrefix([...v].reverse().join(''));
      const ends = [sql<SqlBool>`reverse(r.record_number) LIKE ${rev}`];
      if (v.length === 4) {
        ends.push(sql<SqlBool>`r.id_tail4_bi = ${fields.blindIndex('id4', v)}`);
        ends.push(sql<SqlBool>`r.phone_tail4_bi = ${fields.blindIndex('phone4', v)}`);
      } else if (v.length === 6) ends.push(sql<SqlBool>`r.id_tail6_bi = ${fields.blindIndex('id6', v)}`);
      // A landline typed whole as digits (0564-7654321 as 05647654321).
      if (v.length >= 7 && v.length <= 12 && /^\d+$/.test(v))
        ends.push(sql<SqlBool>`r.phone_bi = ${fields.blindIndex('phone', v)}`);
      conds.push(sql<SqlBool>`(${sql.join(ends, sql` OR `)})`);
      break;
    }
    case 'initials':
      conds.push(sql<SqlBool>`r.name_initials LIKE ${likePrefix(v)}`);
      break;
    case 'pinyin':
      conds.push(sql<SqlBool>`r.name_pinyin LIKE ${likePrefix(v)}`);
      break;
    case 'name':
      conds.push(sql<SqlBool>`r.name LIKE ${likePrefix(v)}`);
      break;
    case 'empty':
      break;
    default: {
      const never: never = parsed.kind;
      throw new Error(`unhandled query kind ${String(never)}`);
    }
  }
  if (query.villageCode) conds.push(sql<SqlBool>`r.village_code = ${query.villageCode}`);
  if (query.townshipCode) conds.push(sql<SqlBool>`r.township_code = ${query.townshipCode}`);
  if (query.sex) conds.push(sql<SqlBool>`r.sex = ${query.sex}`);
  if (query.householdId) conds.push(sql<SqlBool>`r.household_id = ${query.householdId}`);
  if (query.status !== 'all') conds.push(sql<SqlBool>`r.status = ${query.status}`);
  const now = today();
  // age >= n  <=> born on or before today minus n years; age <= n <=> born after today minus (n+1) years.
  if (query.ageMin !== undefined)
    conds.push(sql<SqlBool>`r.birth_date <= ${yearsBefore(now, query.ageMin)}::date`);
  if (query.ageMax !== undefined)
    conds.push(sql<SqlBool>`r.birth_date > ${yearsBefore(now, query.ageMax + 1)}::date`);
  if (query.tag === 'elderly') conds.push(sql<SqlBool>`r.birth_date <= ${yearsBefore(now, 65)}::date`);
  else if (query.tag === 'child') conds.push(sql<SqlBool>`r.birth_date > ${yearsBefore(now, 7)}::date`);
  else if (query.tag) conds.push(sql<SqlBool>`r.key_tags @> ARRAY[${query.tag}]::text[]`);

  const base = scopedResidents(db, actor).where((eb) => eb.and(conds));
  // Sorting by name follows the index that answers the search, so the first page needs no full sort.
  const byName =
    parsed.kind === 'initials'
      ? sql`r.name_initials, r.name_pinyin, r.id`
      : parsed.kind === 'name'
        ? sql`r.name, r.id`
        : sql`r.name_pinyin, r.id`;
  const order = {
    name: byName,
    recordNumber: sql`r.record_number`,
    birthDate: sql`r.birth_date, r.id`,
    createdAt: sql`r.created_at DESC, r.id DESC`,
  }[query.sort];
  return { base, order, parsed, now };
}

/**
 * How many rows a filtered query has, counted up to COUNT_CAP + 1 (a list's total; past the cap the list
 * says "more than", which keeps the count of a county-wide list cheap).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any filtered select of the scoped tables
export function cappedCount(db: Kysely<DB>, base: SelectQueryBuilder<any, any, any>): Promise<{ n: number }> {
  return db
    .selectFrom(
      base
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('c'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
}

export async function searchResidents(
  db: Kysely<DB>,
  actor: Actor,
  fields: FieldCrypto,
  query: ResidentListQuery,
): Promise<{ items: ResidentListItem[]; total: number; totalExact: boolean; queryKind: QueryKind }> {
  const { base, order, parsed, now } = searchPlan(db, actor, fields, query);
  const [rows, countRow] = await Promise.all([
    base
      .leftJoin('area as v', 'v.code', 'r.village_code')
      .select([
        'r.version',
        'r.id',
        'r.record_number',
        'r.name',
        'r.sex',
        'r.birth_date',
        'r.id_number_enc',
        'r.phone_enc',
        'r.village_code',
        'v.name as village_name',
        'r.household_id',
        'r.key_tags',
        'r.status',
      ])
      .orderBy(order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    cappedCount(db, base),
  ]);
  const n = countRow.n;
  return {
    items: rows.map((r) => ({
      id: r.id,
      recordNumber: r.record_number,
      name: r.name,
      sex: r.sex,
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, now),
      idNumberMasked: masked(fields, 'resident.id_number', r.id_number_enc),
      phoneMasked: masked(fields, 'resident.phone', r.phone_enc),
      villageCode: r.village_code,
      villageName: r.village_name ?? '',
      householdId: r.household_id,
      keyTags: withAgeTags(r.key_tags, r.birth_date, now),
      status: r.status,
      version: r.version,
    })),
    total: Math.min(n, COUNT_CAP),
    totalExact: n <= COUNT_CAP,
    queryKind: parsed.kind,
  };
}

/**
 * The exact number of matches of a list query, past the list's count cap: for administrators, who report
 * the size of their jurisdiction. Counted by the same plan as the list (an index-only count on a county).
 */
export async function countResidents(
  db: Kysely<DB>,
  actor: Actor,
  fields: FieldCrypto,
  query: Omit<ResidentListQuery, 'page' | 'pageSize'>,
): Promise<number> {
  const { base } = searchPlan(db, actor, fields, query);
  const row = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export interface ExportRow {
  recordNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  age: number;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  townshipName: string;
  villageName: string;
  currentAddress: string | null;
  keyTags: string[];
  status: string;
  recordDate: string;
}

/** Rows of a filtered list for export (masked identifiers), at most `limit` + 1 to detect overflow. */
export async function exportResidents(
  db: Kysely<DB>,
  actor: Actor,
  fields: FieldCrypto,
  query: Omit<ResidentListQuery, 'page' | 'pageSize'>,
  limit: number,
): Promise<{ rows: ExportRow[]; ids: number[]; overflow: boolean }> {
  const { base, order, now } = searchPlan(db, actor, fields, query);
  const rows = await base
    .leftJoin('area as v', 'v.code', 'r.village_code')
    .leftJoin('area as t', 't.code', 'r.township_code')
    .select([
      'r.id',
      'r.record_number',
      'r.name',
      'r.sex',
      'r.birth_date',
      'r.id_number_enc',
      'r.phone_enc',
      'v.name as village_name',
      't.name as township_name',
      'r.current_address',
      'r.key_tags',
      'r.status',
      'r.record_date',
    ])
    .orderBy(order)
    .limit(limit + 1)
    .execute();
  return {
    overflow: rows.length > limit,
    ids: rows.slice(0, limit).map((r) => r.id),
    rows: rows.slice(0, limit).map((r) => ({
      recordNumber: r.record_number,
      name: r.name,
      sex: r.sex,
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, now),
      idNumberMasked: masked(fields, 'resident.id_number', r.id_number_enc),
      phoneMasked: masked(fields, 'resident.phone', r.phone_enc),
      townshipName: r.township_name ?? '',
      villageName: r.village_name ?? '',
      currentAddress: r.current_address,
      keyTags: withAgeTags(r.key_tags, r.birth_date, now),
      status: r.status,
      recordDate: r.record_date,
    })),
  };
}

/** A sealed identifier as lists show it: opened and masked by the one masking policy of @jkda/domain. */
function masked(
  fields: FieldCrypto,
  label: 'resident.id_number' | 'resident.phone',
  sealed: string | null,
): string | null {
  const v = fields.openOrNull(label, sealed);
  if (v === null) return null;
  return label === 'resident.id_number' ? maskIdNumber(v) : maskPhone(v);
}

export function withAgeTags(stored: string[], birthDate: string, now: string): string[] {
  const age = ageOn(birthDate, now);
  const tags = new Set(stored);
  if (age >= 65) tags.add('elderly');
  if (age < 7) tags.add('child');
  return [...tags].sort();
}

/**
 * The full record of one resident inside the jurisdiction, or undefined. The hottest query of the API:
 * a named (prepared) statement, one plan for every actor, with the jurisdiction as array parameters.
 */
export async function loadResidentView(
  pool: pg.Pool,
  actor: Actor,
  id: number,
  directory: Directory,
  fields: FieldCrypto,
): Promise<ResidentView | undefined> {
  const j = actor.jurisdiction;
  // One jsonb column instead of ~35: the driver then sets up one field parser, not one per column.
  const { rows } = await pool.query<{
    j: Omit<Selectable<ResidentTable>, 'created_at' | 'updated_at'> & {
      created_at: string;
      updated_at: string;
    };
  }>({
    name: 'resident_by_id_scoped',
    text: `SELECT to_jsonb(r) - 'id_number_bi' - 'id_tail4_bi' - 'id_tail6_bi' - 'phone_bi' - 'phone_tail4_bi'
        - 'legacy_id_number' - 'legacy_phone' AS j FROM resident r WHERE id = $1
      AND (county_code = ANY($2::text[]) OR township_code = ANY($3::text[]) OR village_code = ANY($4::text[]))`,
    values: [id, j.counties, j.townships, j.villages],
  });
  const raw = rows[0]?.j;
  if (!raw) return undefined;
  const r: Selectable<ResidentTable> = {
    ...raw,
    created_at: new Date(raw.created_at),
    updated_at: new Date(raw.updated_at),
    id_number_bi: null,
    id_tail4_bi: null,
    id_tail6_bi: null,
    phone_bi: null,
    phone_tail4_bi: null,
    legacy_id_number: null,
    legacy_phone: null,
  };
  const found = directory.names([r.village_code, r.township_code], r.institution_id, [
    r.responsible_doctor_id,
    r.created_by,
  ]);
  const n = found instanceof Promise ? await found : found;
  const [villageName = '', townshipName = ''] = n.areas;
  const [doctorName = null, creatorName = null] = n.users;
  const institutionName = n.institution;
  return toView(r, fields, { villageName, townshipName, institutionName, doctorName, creatorName });
}

export function toView(
  r: Selectable<ResidentTable>,
  fields: FieldCrypto,
  names: {
    villageName: string;
    townshipName: string;
    institutionName: string;
    doctorName: string | null;
    creatorName: string | null;
  },
): ResidentView {
  const now = today();
  return {
    id: r.id,
    recordNumber: r.record_number,
    countyCode: r.county_code,
    townshipCode: r.township_code,
    townshipName: names.townshipName,
    villageCode: r.village_code,
    villageName: names.villageName,
    name: r.name,
    namePinyin: r.name_pinyin,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, now),
    idType: r.id_type,
    idNumber: fields.openOrNull('resident.id_number', r.id_number_enc),
    phone: fields.openOrNull('resident.phone', r.phone_enc),
    currentAddress: r.current_address,
    registeredAddress: r.registered_address,
    householdId: r.household_id,
    relationToHead: r.relation_to_head,
    keyTags: withAgeTags(r.key_tags, r.birth_date, now),
    manualTags: r.key_tags.filter((t) => (MANUAL_KEY_TAGS as readonly string[]).includes(t)),
    status: r.status,
    archiveReason: r.archive_reason,
    archiveDate: r.archive_date,
    archiveNote: r.archive_note,
    institution: { id: r.institution_id, name: names.institutionName },
    responsibleDoctor: r.responsible_doctor_id
      ? { id: r.responsible_doctor_id, name: names.doctorName ?? '' }
      : null,
    createdBy: r.created_by ? { id: r.created_by, name: names.creatorName ?? '' } : null,
    recordDate: r.record_date,
    basicInfo: openBasicInfo(fields, r.basic_info) as ResidentView['basicInfo'],
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
