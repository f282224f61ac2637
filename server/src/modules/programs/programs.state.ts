/**
 * The worklist state kept on each enrolment (last signed follow-up, face-to-face visits this year, last
 * health check, when the next service is due), recomputed from the signed service records inside the
 * transaction that changed one; and the elderly register, which takes residents in by age.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';

export const FOLLOW_UP_TYPES = {
  hypertension: 'hypertension_followup',
  diabetes: 'diabetes_followup',
} as const;

/** Recomputes the follow-up state of one chronic enrolment from its signed follow-ups. */
export async function refreshFollowUpState(
  trx: Kysely<DB>,
  residentId: number,
  program: 'hypertension' | 'diabetes',
  today: string,
): Promise<void> {
  const year = Number(today.slice(0, 4));
  await sql`
    UPDATE program_enrolment e SET
      last_service_id = l.id,
      last_service_date = l.service_date,
      last_classification = l.classification,
      last_sbp = l.sbp,
      last_dbp = l.dbp,
      last_glucose = l.fasting_glucose,
      next_due_date = coalesce(l.next_visit_date, e.enrolled_on + 14),
      visits_year = ${year}::int,
      visits_count = (
        SELECT count(*)::int FROM service_record s
        WHERE s.resident_id = e.resident_id AND s.type = ${FOLLOW_UP_TYPES[program]} AND s.status = 'signed'
          AND s.delivery <> 'phone' AND s.service_date >= ${`${year}-01-01`}::date
          AND s.service_date <= ${`${year}-12-31`}::date)
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT s.id, s.service_date, s.classification, s.sbp, s.dbp, s.fasting_glucose, s.next_visit_date
      FROM service_record s
      WHERE s.resident_id = ${residentId} AND s.type = ${FOLLOW_UP_TYPES[program]} AND s.status = 'signed'
      ORDER BY s.service_date DESC, s.id DESC LIMIT 1) l ON true
    WHERE e.resident_id = ${residentId} AND e.program = ${program}`.execute(trx);
}

/**
 * Recomputes the last health check date on every enrolment of the resident; the elderly register's next
 * due date is a year after it (or the enrolment date when there is none).
 */
export async function refreshCheckState(trx: Kysely<DB>, residentId: number): Promise<void> {
  await sql`
    UPDATE program_enrolment e SET
      last_check_date = c.last_date,
      next_due_date = CASE WHEN e.program = 'elderly'
        THEN coalesce((c.last_date + interval '1 year')::date, e.enrolled_on) ELSE e.next_due_date END
    FROM (SELECT max(s.service_date) AS last_date FROM service_record s
          WHERE s.resident_id = ${residentId} AND s.type = 'health_check' AND s.status = 'signed') c
    WHERE e.resident_id = ${residentId}`.execute(trx);
}

/**
 * Takes every active resident aged 65 or more on `onDate` into the elderly register (once; a resident who
 * left it keeps that status), carrying over the last health check. Answers how many were taken in.
 */
export async function enrolElderly(
  db: Kysely<DB>,
  onDate: string,
  only: { countyCode?: string; residentId?: number } = {},
): Promise<number> {
  const born = `${Number(onDate.slice(0, 4)) - 65}${onDate.slice(4)}`;
  const bornBy = born.endsWith('02-29') ? born.replace('02-29', '02-28') : born;
  const res = await sql`
    INSERT INTO program_enrolment (county_code, township_code, village_code, resident_id, program, status,
      status_date, enrolled_on, last_check_date, next_due_date)
    SELECT r.county_code, r.township_code, r.village_code, r.id, 'elderly', 'managed', ${onDate}::date,
      ${onDate}::date, c.last_date, coalesce((c.last_date + interval '1 year')::date, ${onDate}::date)
    FROM resident r
    LEFT JOIN LATERAL (SELECT max(s.service_date) AS last_date FROM service_record s
      WHERE s.resident_id = r.id AND s.type = 'health_check' AND s.status = 'signed') c ON true
    WHERE r.status = 'active' AND r.birth_date <= ${bornBy}::date
      ${only.countyCode ? sql`AND r.county_code = ${only.countyCode}` : sql``}
      ${only.residentId ? sql`AND r.id = ${only.residentId}` : sql``}
      AND NOT EXISTS (SELECT 1 FROM program_enrolment x WHERE x.resident_id = r.id AND x.program = 'elderly')
    ON CONFLICT (resident_id, program) DO NOTHING`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

/**
 * Rebuilds the worklist state of every enrolment of a county from its signed service records (after a bulk
 * load; the migration does the same once for data that existed before the state columns).
 */
export async function rebuildProgramState(db: Kysely<DB>, countyCode: string, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  // Fresh statistics after a bulk load, or the planner joins the aggregates row by row (PGlite has no
  // autovacuum at all).
  await sql`ANALYZE service_record`.execute(db);
  await sql`ANALYZE program_enrolment`.execute(db);
  await sql`
    UPDATE program_enrolment e SET
      last_service_id = l.id, last_service_date = l.service_date, last_classification = l.classification,
      last_sbp = l.sbp, last_dbp = l.dbp, last_glucose = l.fasting_glucose,
      next_due_date = coalesce(l.next_visit_date, e.enrolled_on + 14)
    FROM (SELECT DISTINCT ON (resident_id, type) resident_id, type, id, service_date, classification, sbp, dbp,
            fasting_glucose, next_visit_date
          FROM service_record
          WHERE county_code = ${countyCode} AND status = 'signed'
            AND type IN ('hypertension_followup', 'diabetes_followup')
          ORDER BY resident_id, type, service_date DESC, id DESC) l
    WHERE e.county_code = ${countyCode} AND l.resident_id = e.resident_id AND l.type = e.program || '_followup'`.execute(
    db,
  );
  await sql`
    UPDATE program_enrolment e SET next_due_date = e.enrolled_on + 14
    WHERE e.county_code = ${countyCode} AND e.program <> 'elderly' AND e.next_due_date IS NULL`.execute(db);
  await sql`
    UPDATE program_enrolment e SET visits_year = ${year}::int, visits_count = c.n
    FROM (SELECT resident_id, type, count(*)::int AS n FROM service_record
          WHERE county_code = ${countyCode} AND status = 'signed' AND delivery <> 'phone'
            AND service_date >= ${`${year}-01-01`}::date AND service_date <= ${`${year}-12-31`}::date
          GROUP BY resident_id, type) c
    WHERE e.county_code = ${countyCode} AND c.resident_id = e.resident_id AND c.type = e.program || '_followup'`.execute(
    db,
  );
  await sql`
    UPDATE program_enrolment e SET last_check_date = c.last_date,
      next_due_date = CASE WHEN e.program = 'elderly'
        THEN (c.last_date + interval '1 year')::date ELSE e.next_due_date END
    FROM (SELECT resident_id, max(service_date) AS last_date FROM service_record
          WHERE county_code = ${countyCode} AND status = 'signed' AND type = 'health_check'
          GROUP BY resident_id) c
    WHERE e.county_code = ${countyCode} AND c.resident_id = e.resident_id`.execute(db);
}
