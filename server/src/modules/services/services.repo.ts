/**
 * SQL of the service records. A record itself is read through the scoped repositories; the queries that
 * take a resident id (their list, the previous record, a linked record) run only after the resident was
 * found in the actor's jurisdiction, and read all of that resident's records.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, ServiceRecordTable } from '../../platform/db-types.ts';
import { notFound, staleVersion } from '../../platform/errors.ts';
import type { Repos } from '../../platform/repos.ts';
import type { HistoryRecord } from '@jkda/domain';

export type ServiceRow = Selectable<ServiceRecordTable>;

/** The record in the actor's jurisdiction, locked for a change of the version the user edited. */
export async function lockService(r: Repos, id: number, version: number): Promise<ServiceRow> {
  const s = await r.services().selectAll('s').where('s.id', '=', id).forUpdate().executeTakeFirst();
  if (!s) throw notFound();
  if (s.version !== version) throw staleVersion(s.version, version);
  return s;
}

export function findService(r: Repos, id: number): Promise<ServiceRow | undefined> {
  return r.services().selectAll('s').where('s.id', '=', id).executeTakeFirst();
}

/**
 * The result of the resident's previous signed record of a type before a date (the rules' context: "two
 * uncontrolled visits in a row" counts signed visits only, and not another record of the same day).
 */
export async function previousClassification(
  db: Kysely<DB>,
  residentId: number,
  type: string,
  before: string,
  excludeId: number | null,
): Promise<string | null> {
  let q = db
    .selectFrom('service_record as s')
    .select('s.classification')
    .where('s.resident_id', '=', residentId)
    .where('s.type', '=', type)
    .where('s.status', '=', 'signed')
    // A visit that did not take place (closed as lost to follow-up) is no visit: the chain runs over visits.
    .where('s.took_place', '=', true)
    .where('s.service_date', '<', before);
  if (excludeId !== null) q = q.where('s.id', '!=', excludeId);
  const prev = await q.orderBy('s.service_date', 'desc').orderBy('s.id', 'desc').executeTakeFirst();
  return prev?.classification ?? null;
}

/** The resident's signed records of the types, oldest first, without `excludeId` (the rules' history). */
export async function historyOf(
  db: Kysely<DB>,
  residentId: number,
  types: readonly string[],
  excludeId: number | null,
  opts: { tookPlace?: boolean } = {},
): Promise<HistoryRecord[]> {
  if (types.length === 0) return [];
  let q = db
    .selectFrom('service_record as s')
    .select(['s.id', 's.type', 's.service_date', 's.form'])
    .where('s.resident_id', '=', residentId)
    .where('s.type', 'in', types)
    .where('s.status', '=', 'signed');
  if (excludeId !== null) q = q.where('s.id', '!=', excludeId);
  if (opts.tookPlace) q = q.where('s.took_place', '=', true);
  const rows = await q.orderBy('s.service_date').orderBy('s.id').execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    serviceDate: r.service_date,
    form: r.form,
  }));
}

/** Whether the resident has a record of the type with that id (links such as a referral back to its referral out). */
export async function hasRecordOfType(
  db: Kysely<DB>,
  residentId: number,
  type: string,
  id: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('service_record as s')
    .select('s.id')
    .where('s.id', '=', id)
    .where('s.resident_id', '=', residentId)
    .where('s.type', '=', type)
    .executeTakeFirst();
  return row !== undefined;
}

export function servicesOf(db: Kysely<DB>, residentId: number) {
  return db
    .selectFrom('service_record as s')
    .select([
      's.id',
      's.type',
      's.service_date',
      's.delivery',
      's.status',
      's.version',
      's.sbp',
      's.dbp',
      's.fasting_glucose',
      's.weight_kg',
      's.classification',
      's.next_visit_date',
      's.next_action',
      's.staff_user_id',
    ])
    .where('s.resident_id', '=', residentId)
    .orderBy('s.service_date', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}

/** The user's drafts in the actor's jurisdiction, newest service date first, with the resident's name. */
export async function draftsOf(r: Repos, staffUserId: number, limit: number) {
  const base = r
    .services()
    .innerJoin('resident as r', 'r.id', 's.resident_id')
    .where('s.status', '=', 'draft')
    .where('s.staff_user_id', '=', staffUserId);
  const [rows, total] = await Promise.all([
    base
      .select(['s.id', 's.resident_id', 's.type', 's.service_date', 's.version', 's.updated_at', 'r.name'])
      .orderBy('s.service_date', 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
