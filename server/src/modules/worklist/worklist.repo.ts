/**
 * The worklist query: the managed enrolments of a register in the actor's jurisdiction, counted by category
 * and listed by due date. It reads the state kept on each enrolment (enrolments.state.ts), so it stays one
 * indexed scan whatever the history.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { addDays, WORKLIST_CATEGORIES, type RegisterDef, type WorklistCategory } from '@jkda/domain';
import type { Repos } from '../../platform/repos.ts';
import type { WorklistQuery } from './worklist.schema.ts';
import { likePrefix, parseSearchText } from '../registry/registry.search.ts';

export function categoryPredicates(
  register: RegisterDef,
  today: string,
): Record<WorklistCategory, RawBuilder<SqlBool>> {
  const weekEnd = addDays(today, 7);
  const year = Number(today.slice(0, 4));
  const shown = new Set(register.worklist);
  const visits = register.visitsPerYear;
  // A scheduled register's service is due in a window: from next_due_date, overdue after next_due_by. The
  // others are due on next_due_date (their predicates read only columns of the due-date indexes).
  const all: Record<WorklistCategory, RawBuilder<SqlBool>> = {
    overdue: register.schedule
      ? sql<SqlBool>`e.next_due_by < ${today}::date`
      : sql<SqlBool>`e.next_due_date < ${today}::date`,
    due_week: register.schedule
      ? sql<SqlBool>`e.next_due_date <= ${weekEnd}::date AND e.next_due_by >= ${today}::date`
      : sql<SqlBool>`e.next_due_date >= ${today}::date AND e.next_due_date <= ${weekEnd}::date`,
    under_visited: visits
      ? sql<SqlBool>`(e.visits_year IS DISTINCT FROM ${year}::int OR e.visits_count < ${visits}::int)`
      : sql<SqlBool>`false`,
    check_missing: sql<SqlBool>`(e.last_check_date IS NULL OR e.last_check_date < ${`${year}-01-01`}::date)`,
  };
  for (const c of WORKLIST_CATEGORIES) if (!shown.has(c)) all[c] = sql<SqlBool>`false`;
  return all;
}

/**
 * The list's name filter, over the whole list (not only the rows a client loaded): characters anywhere in
 * the name, pinyin initials or the start of the full pinyin, as the search box reads them.
 */
function nameMatches(text: string): RawBuilder<SqlBool> {
  const q = parseSearchText(text);
  const inResident = (cond: RawBuilder<SqlBool>) =>
    sql<SqlBool>`EXISTS (SELECT 1 FROM resident n WHERE n.id = e.resident_id AND ${cond})`;
  if (q.kind === 'initials') return inResident(sql<SqlBool>`n.name_initials LIKE ${likePrefix(q.value)}`);
  if (q.kind === 'pinyin') return inResident(sql<SqlBool>`n.name_pinyin LIKE ${likePrefix(q.value)}`);
  return inResident(sql<SqlBool>`strpos(n.name, ${q.value}) > 0`);
}

/** Whose list: a village, a township, a doctor (within the actor's jurisdiction), a name. */
export type WorklistScope = Pick<WorklistQuery, 'villageCode' | 'townshipCode' | 'doctorId' | 'name'>;

/** The managed entries of the register on the list of `q`. */
function listBase(r: Repos, register: RegisterDef, q: WorklistScope) {
  // Archiving a resident closes their enrolments, so "managed" alone says who is on the list; the counts
  // read the register only, the rows join the resident for the page of rows shown.
  let base = r.enrolments().where('e.program', '=', register.program).where('e.status', '=', 'managed');
  // A scheduled entry with nothing left to do is on no list.
  if (register.schedule) base = base.where('e.next_due_date', 'is not', null);
  if (q.villageCode) base = base.where('e.village_code', '=', q.villageCode);
  if (q.townshipCode) base = base.where('e.township_code', '=', q.townshipCode);
  if (q.doctorId) base = base.where('e.managing_doctor_id', '=', q.doctorId);
  if (q.name) base = base.where(nameMatches(q.name));
  return base;
}

/** How many are on the list, and in each category (an index-only scan of the due-date indexes). */
export function worklistCounts(r: Repos, register: RegisterDef, q: WorklistScope, today: string) {
  const predicates = categoryPredicates(register, today);
  return listBase(r, register, q)
    .select([
      sql<number>`count(*)::int`.as('total'),
      ...WORKLIST_CATEGORIES.map((k) => sql<number>`count(*) FILTER (WHERE ${predicates[k]})::int`.as(k)),
    ])
    .executeTakeFirstOrThrow();
}

export async function worklistQuery(r: Repos, register: RegisterDef, q: WorklistQuery, today: string) {
  const year = Number(today.slice(0, 4));
  const predicates = categoryPredicates(register, today);
  const base = listBase(r, register, q);
  const c = await worklistCounts(r, register, q, today);
  const filtered = q.category ? base.where(predicates[q.category]) : base;
  const rows = await filtered
    .innerJoin('resident as r', 'r.id', 'e.resident_id')
    .select([
      'r.id as resident_id',
      'r.name',
      'r.sex',
      'r.birth_date',
      'r.phone_enc',
      'r.current_address',
      'e.village_code',
      'e.enrolled_on',
      'e.managing_doctor_id',
      'e.last_service_date',
      'e.last_classification',
      'e.last_sbp',
      'e.last_dbp',
      'e.last_glucose',
      'e.last_check_date',
      sql<number>`CASE WHEN e.visits_year = ${year}::int THEN e.visits_count ELSE 0 END`.as('visits'),
      sql<string>`e.next_due_date::text`.as('due_date'),
      sql<string | null>`e.next_due_by::text`.as('due_by'),
      'e.next_due_type',
      'e.next_due_key',
    ])
    .orderBy('e.next_due_date')
    .orderBy('e.resident_id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { counts: c, rows };
}
