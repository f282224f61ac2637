/**
 * The worklist state kept on each enrolment (last signed follow-up, face-to-face visits this year, last
 * annual check, when the next service is due), recomputed from the signed service records inside the
 * transaction that changed one; and the registers residents enter by age. Which service types feed which
 * register comes from the program registry.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ProgramRegistry, RegisterDef } from '@jkda/domain';
import type { DB } from '../../platform/db-types.ts';

/**
 * Recomputes the follow-up state of one enrolment from the register's signed follow-ups. A follow-up that
 * did not take place (closed as lost to follow-up or death: took_place false) is no visit: it neither
 * counts nor moves the due date.
 */
export async function refreshFollowUpState(
  trx: Kysely<DB>,
  residentId: number,
  register: RegisterDef,
  today: string,
): Promise<void> {
  const type = register.followUpType;
  if (!type) return;
  const year = Number(today.slice(0, 4));
  await sql`
    UPDATE program_enrolment e SET
      last_service_id = l.id,
      last_service_date = l.service_date,
      last_classification = l.classification,
      last_sbp = l.sbp,
      last_dbp = l.dbp,
      last_glucose = l.fasting_glucose,
      next_due_date = coalesce(l.next_visit_date, e.enrolled_on + ${register.firstDueDays ?? 14}::int),
      visits_year = ${year}::int,
      visits_count = (
        SELECT count(DISTINCT s.service_date)::int FROM service_record s
        WHERE s.resident_id = e.resident_id AND s.type = ${type} AND s.status = 'signed'
          AND s.delivery <> 'phone' AND s.took_place
          AND s.service_date >= ${`${year}-01-01`}::date
          AND s.service_date <= ${`${year}-12-31`}::date)
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT s.id, s.service_date, s.classification, s.sbp, s.dbp, s.fasting_glucose, s.next_visit_date
      FROM service_record s
      WHERE s.resident_id = ${residentId} AND s.type = ${type} AND s.status = 'signed'
        AND s.took_place
      ORDER BY s.service_date DESC, s.id DESC LIMIT 1) l ON true
    WHERE e.resident_id = ${residentId} AND e.program = ${register.program}`.execute(trx);
}

const inList = (values: readonly string[]) =>
  values.length ? sql`(${sql.join(values.map((v) => sql`${v}`))})` : sql`(NULL)`;

/**
 * The next due date of each enrolment after its last annual check: registers without follow-ups are due
 * their `dueYearsAfterCheck` after it (or at `fallback` without one); the others keep their own date.
 */
function dueAfterCheck(
  registry: ProgramRegistry,
  lastCheck: RawBuilder<unknown>,
  fallback: RawBuilder<unknown>,
) {
  const regs = registry.registers.filter((r) => !r.followUpType && r.dueYearsAfterCheck);
  if (regs.length === 0) return sql`e.next_due_date`;
  return sql`CASE e.program ${sql.join(
    regs.map(
      (r) =>
        sql`WHEN ${r.program} THEN coalesce((${lastCheck} + make_interval(years => ${r.dueYearsAfterCheck!}::int))::date, ${fallback})`,
    ),
    sql` `,
  )} ELSE e.next_due_date END`;
}

/** A signed annual check record `s` that counts for the register of enrolment `e`. */
const countsForEnrolment = (registry: ProgramRegistry) =>
  sql`s.type IN ${inList(registry.annualCheckTypes)} AND s.status = 'signed'
      AND (s.counts_for IS NULL OR e.program = ANY(s.counts_for))`;

/** Recomputes the last annual check on every enrolment of the resident, and the due dates that follow it. */
export async function refreshCheckState(
  trx: Kysely<DB>,
  registry: ProgramRegistry,
  residentId: number,
): Promise<void> {
  await sql`
    WITH c AS (
      SELECT e.id, (SELECT max(s.service_date) FROM service_record s
                    WHERE s.resident_id = e.resident_id AND ${countsForEnrolment(registry)}) AS last_date
      FROM program_enrolment e WHERE e.resident_id = ${residentId})
    UPDATE program_enrolment e SET
      last_check_date = c.last_date,
      next_due_date = ${dueAfterCheck(registry, sql`c.last_date`, sql`e.enrolled_on`)}
    FROM c
    WHERE e.id = c.id`.execute(trx);
}

/** A managed entry of a scheduled register, with what its schedule reads of the resident. */
interface ScheduleTarget {
  id: number;
  resident_id: number;
  program: string;
  enrolled_on: string;
  birth_date: string;
  sex: string;
}

/** Entries per statement when many are recomputed (a sweep, a bulk rebuild). */
const SCHEDULE_BATCH = 1000;

/**
 * Computes the next service of each target from its resident's signed records of the schedule's types
 * (those that took place) and writes it with the last such record, in one statement per batch.
 */
async function writeSchedules(
  db: Kysely<DB>,
  registry: ProgramRegistry,
  targets: readonly ScheduleTarget[],
  today: string,
): Promise<void> {
  for (let i = 0; i < targets.length; i += SCHEDULE_BATCH) {
    const batch = targets.slice(i, i + SCHEDULE_BATCH);
    const types = [...new Set(batch.flatMap((t) => registry.register(t.program)?.schedule?.types ?? []))];
    const records = types.length
      ? await db
          .selectFrom('service_record')
          .select(['id', 'resident_id', 'type', 'service_date', 'form', 'classification'])
          .where('resident_id', 'in', [...new Set(batch.map((t) => t.resident_id))])
          .where('type', 'in', types)
          .where('status', '=', 'signed')
          .where('took_place', '=', true)
          .orderBy('resident_id')
          .orderBy('service_date')
          .orderBy('id')
          .execute()
      : [];
    const byResident = new Map<number, typeof records>();
    for (const r of records) {
      const list = byResident.get(r.resident_id);
      if (list) list.push(r);
      else byResident.set(r.resident_id, [r]);
    }
    const values = batch.map((t) => {
      const schedule = registry.register(t.program)!.schedule!;
      // Every record of the types: the schedule itself tells an earlier entry's records by enrolledOn.
      const own = (byResident.get(t.resident_id) ?? []).filter((r) => schedule.types.includes(r.type));
      const due = schedule.nextDue({
        birthDate: t.birth_date,
        sex: t.sex,
        enrolledOn: t.enrolled_on,
        records: own.map((r) => ({ id: r.id, type: r.type, serviceDate: r.service_date, form: r.form })),
        on: today,
      });
      const last = own.at(-1);
      return sql`(${t.id}::int, ${due?.from ?? null}::date, ${due?.by ?? null}::date, ${due?.type ?? null}::text,
        ${due?.key ?? null}::text, ${last?.id ?? null}::int, ${last?.service_date ?? null}::date,
        ${last?.classification ?? null}::text)`;
    });
    await sql`
      UPDATE program_enrolment e SET next_due_date = v.due_from, next_due_by = v.due_by, next_due_type = v.due_type,
        next_due_key = v.due_key, last_service_id = v.last_id, last_service_date = v.last_date,
        last_classification = v.last_class
      FROM (VALUES ${sql.join(values)}) AS v(id, due_from, due_by, due_type, due_key, last_id, last_date, last_class)
      WHERE e.id = v.id`.execute(db);
  }
}

/** The managed entries of scheduled registers, with their residents' birth date and sex. */
function scheduleTargets(db: Kysely<DB>, registry: ProgramRegistry) {
  return db
    .selectFrom('program_enrolment as e')
    .innerJoin('resident as r', 'r.id', 'e.resident_id')
    .select(['e.id', 'e.resident_id', 'e.program', 'e.enrolled_on', 'r.birth_date', 'r.sex'])
    .where(
      'e.program',
      'in',
      registry.scheduledRegisters.map((r) => r.program),
    )
    .where('e.status', '=', 'managed');
}

/** Recomputes the next scheduled service of the resident's entries (all scheduled registers, or those of `type`). */
export async function refreshScheduleState(
  trx: Kysely<DB>,
  registry: ProgramRegistry,
  residentId: number,
  today: string,
  type?: string,
): Promise<void> {
  const regs = registry.scheduledRegisters.filter((r) => !type || r.schedule.types.includes(type));
  if (regs.length === 0) return;
  const targets = await scheduleTargets(trx, registry)
    .where('e.resident_id', '=', residentId)
    .where(
      'e.program',
      'in',
      regs.map((r) => r.program),
    )
    .execute();
  await writeSchedules(trx, registry, targets, today);
}

/**
 * Recomputes the scheduled entries of a county (after a bulk load) or of a village (the daily sweep: only
 * entries never computed and those whose window has closed, as what is due next moves on with age).
 */
export async function refreshSchedules(
  db: Kysely<DB>,
  registry: ProgramRegistry,
  today: string,
  where: { countyCode: string } | { villageCode: string },
): Promise<number> {
  if (registry.scheduledRegisters.length === 0) return 0;
  let q = scheduleTargets(db, registry);
  if ('countyCode' in where) q = q.where('e.county_code', '=', where.countyCode);
  else
    q = q
      .where('e.village_code', '=', where.villageCode)
      .where((w) => w.or([w('e.next_due_type', 'is', null), w('e.next_due_by', '<', today)]));
  const targets = await q.orderBy('e.id').execute();
  await writeSchedules(db, registry, targets, today);
  return targets.length;
}

/** Keeps the state of the resident's enrolments in step after a signed record of `type` changed. */
export async function refreshStateAfter(
  trx: Kysely<DB>,
  registry: ProgramRegistry,
  residentId: number,
  type: string,
  today: string,
): Promise<void> {
  for (const r of registry.registers)
    if (r.followUpType === type) await refreshFollowUpState(trx, residentId, r, today);
  if (registry.serviceType(type)?.annualCheck) await refreshCheckState(trx, registry, residentId);
  await refreshScheduleState(trx, registry, residentId, today, type);
}

/** The date by which a resident must be born to be `age` on `onDate` (29 February → 28 February). */
function bornBy(onDate: string, age: number): string {
  const born = `${Number(onDate.slice(0, 4)) - age}${onDate.slice(4)}`;
  return born.endsWith('02-29') ? born.replace('02-29', '02-28') : born;
}

export interface AgeEnrolment {
  id: number;
  resident_id: number;
  program: string;
  village_code: string;
  county_code: string;
}

/**
 * Takes every active resident old enough on `onDate` into each register entered by age (once; a resident
 * who left it keeps that status), carrying over the last annual check. Inside a change (`only.residentId`)
 * it answers the new enrolments for the change to record; as a system sweep (`systemRequestId`) it writes
 * their version rows and outbox events itself, in the same statement.
 */
export async function enrolByAge(
  db: Kysely<DB>,
  registry: ProgramRegistry,
  onDate: string,
  only: { countyCode?: string; villageCode?: string; residentId?: number; systemRequestId?: string } = {},
): Promise<{ count: number; rows: AgeEnrolment[] }> {
  const rows: AgeEnrolment[] = [];
  let count = 0;
  for (const reg of registry.ageRegisters) {
    const insert = sql`
      INSERT INTO program_enrolment (county_code, township_code, village_code, resident_id, program, status,
        status_date, enrolled_on, last_check_date, next_due_date)
      SELECT r.county_code, r.township_code, r.village_code, r.id, ${reg.program}, 'managed', ${onDate}::date,
        ${onDate}::date, c.last_date,
        coalesce((c.last_date + make_interval(years => ${reg.dueYearsAfterCheck ?? 1}::int))::date, ${onDate}::date)
      FROM resident r
      LEFT JOIN LATERAL (SELECT max(s.service_date) AS last_date FROM service_record s
        WHERE s.resident_id = r.id AND s.type IN ${inList(registry.annualCheckTypes)} AND s.status = 'signed'
          AND (s.counts_for IS NULL OR ${reg.program} = ANY(s.counts_for))) c ON true
      WHERE r.status = 'active' AND r.birth_date <= ${bornBy(onDate, reg.entry.minAge)}::date
        ${reg.entry.maxAge !== undefined ? sql`AND r.birth_date > ${bornBy(onDate, reg.entry.maxAge)}::date` : sql``}
        ${only.countyCode ? sql`AND r.county_code = ${only.countyCode}` : sql``}
        ${only.villageCode ? sql`AND r.village_code = ${only.villageCode}` : sql``}
        ${only.residentId ? sql`AND r.id = ${only.residentId}` : sql``}
        AND NOT EXISTS (SELECT 1 FROM program_enrolment x WHERE x.resident_id = r.id AND x.program = ${reg.program})
      ON CONFLICT (resident_id, program) DO NOTHING
      RETURNING id, resident_id, program, village_code, county_code, status, status_date, enrolled_on`;
    if (only.systemRequestId) {
      const res = await sql<{ n: number }>`
        WITH ins AS (${insert}),
        v AS (INSERT INTO program_enrolment_version (enrolment_id, version, county_code, request_id, action, snapshot)
              SELECT id, 1, county_code, ${only.systemRequestId}, 'enrol',
                jsonb_build_object('program', program, 'status', status, 'statusDate', status_date,
                  'enrolledOn', enrolled_on, 'villageCode', village_code, 'by', 'age')
              FROM ins),
        o AS (INSERT INTO outbox (county_code, entity, entity_id, version, resident_id, kind, request_id)
              SELECT county_code, 'program_enrolment', id, 1, resident_id, 'enrol', ${only.systemRequestId} FROM ins)
        SELECT count(*)::int AS n FROM ins`.execute(db);
      count += res.rows[0]?.n ?? 0;
    } else {
      const res = await sql<AgeEnrolment>`${insert}`.execute(db);
      count += res.rows.length;
      rows.push(...res.rows);
    }
  }
  return { count, rows };
}

/**
 * Rebuilds the worklist state of every enrolment of a county from its signed service records (after a bulk
 * load; the migration did the same once for data that existed before the state columns).
 */
export async function rebuildProgramState(
  db: Kysely<DB>,
  registry: ProgramRegistry,
  countyCode: string,
  today: string,
): Promise<void> {
  const year = Number(today.slice(0, 4));
  const followUps = registry.registers.filter((r) => r.followUpType);
  // (program, follow-up type) pairs as a VALUES list the updates join on.
  const pairs = followUps.length
    ? sql`(VALUES ${sql.join(followUps.map((r) => sql`(${r.program}, ${r.followUpType!}, ${r.firstDueDays ?? 14}::int)`))})`
    : sql`(SELECT NULL::text, NULL::text, NULL::int WHERE false)`;
  // Fresh statistics after a bulk load, or the planner joins the aggregates row by row (PGlite has no
  // autovacuum at all).
  await sql`ANALYZE service_record`.execute(db);
  await sql`ANALYZE program_enrolment`.execute(db);
  await sql`
    UPDATE program_enrolment e SET
      last_service_id = l.id, last_service_date = l.service_date, last_classification = l.classification,
      last_sbp = l.sbp, last_dbp = l.dbp, last_glucose = l.fasting_glucose,
      next_due_date = coalesce(l.next_visit_date, e.enrolled_on + p.first_due)
    FROM ${pairs} AS p(program, type, first_due),
      (SELECT DISTINCT ON (resident_id, type) resident_id, type, id, service_date, classification, sbp, dbp,
            fasting_glucose, next_visit_date
          FROM service_record
          WHERE county_code = ${countyCode} AND status = 'signed' AND took_place
            AND type IN ${inList(followUps.map((r) => r.followUpType!))}
          ORDER BY resident_id, type, service_date DESC, id DESC) l
    WHERE e.county_code = ${countyCode} AND l.resident_id = e.resident_id
      AND e.program = p.program AND l.type = p.type`.execute(db);
  await sql`
    UPDATE program_enrolment e SET next_due_date = e.enrolled_on + p.first_due
    FROM ${pairs} AS p(program, type, first_due)
    WHERE e.county_code = ${countyCode} AND e.program = p.program AND e.next_due_date IS NULL`.execute(db);
  await sql`
    UPDATE program_enrolment e SET visits_year = ${year}::int, visits_count = c.n
    FROM ${pairs} AS p(program, type, first_due),
      (SELECT resident_id, type, count(DISTINCT service_date)::int AS n FROM service_record
          WHERE county_code = ${countyCode} AND status = 'signed' AND delivery <> 'phone'
            AND took_place AND service_date >= ${`${year}-01-01`}::date AND service_date <= ${`${year}-12-31`}::date
          GROUP BY resident_id, type) c
    WHERE e.county_code = ${countyCode} AND c.resident_id = e.resident_id
      AND e.program = p.program AND c.type = p.type`.execute(db);
  await sql`
    UPDATE program_enrolment e SET last_check_date = c.last_date,
      next_due_date = ${dueAfterCheck(registry, sql`c.last_date`, sql`e.next_due_date`)}
    FROM (SELECT e.id, max(s.service_date) AS last_date
          FROM program_enrolment e
          JOIN service_record s ON s.resident_id = e.resident_id AND ${countsForEnrolment(registry)}
          WHERE e.county_code = ${countyCode} AND s.county_code = ${countyCode}
          GROUP BY e.id) c
    WHERE e.id = c.id`.execute(db);
  await refreshSchedules(db, registry, today, { countyCode });
}

/**
 * Registers entered by age with a `maxAge`: the managed entries of residents who reached it end ('ended',
 * on the sweep's day), each with its version row and outbox event in the same statement.
 */
async function leaveByAge(
  db: Kysely<DB>,
  registry: ProgramRegistry,
  onDate: string,
  villageCode: string,
  requestId: string,
): Promise<number> {
  let count = 0;
  for (const reg of registry.ageRegisters) {
    if (reg.entry.maxAge === undefined) continue;
    const res = await sql<{ n: number }>`
      WITH up AS (
        UPDATE program_enrolment e SET status = 'ended', status_date = ${onDate}::date,
          version = e.version + 1, updated_at = now()
        FROM resident r
        WHERE r.id = e.resident_id AND e.village_code = ${villageCode} AND e.program = ${reg.program}
          AND e.status = 'managed' AND r.birth_date <= ${bornBy(onDate, reg.entry.maxAge)}::date
        RETURNING e.id, e.version, e.county_code, e.resident_id, e.program, e.status, e.status_date,
          e.enrolled_on, e.village_code),
      v AS (INSERT INTO program_enrolment_version (enrolment_id, version, county_code, request_id, action, snapshot)
            SELECT id, version, county_code, ${requestId}, 'status',
              jsonb_build_object('program', program, 'status', status, 'statusDate', status_date,
                'enrolledOn', enrolled_on, 'villageCode', village_code, 'by', 'age')
            FROM up),
      o AS (INSERT INTO outbox (county_code, entity, entity_id, version, resident_id, kind, request_id)
            SELECT county_code, 'program_enrolment', id, version, resident_id, 'status', ${requestId} FROM up)
      SELECT count(*)::int AS n FROM up`.execute(db);
    count += res.rows[0]?.n ?? 0;
  }
  return count;
}

/**
 * The daily sweep of the registers entered by age, one village at a time: each village is its own short
 * statement, so requests are served between them and a stop resumes at the next start (it is idempotent).
 */
export async function sweepRegistersByAge(
  db: Kysely<DB>,
  registry: ProgramRegistry,
  onDate: string,
): Promise<number> {
  if (registry.ageRegisters.length === 0) return 0;
  const villages = await db
    .selectFrom('resident')
    .select('village_code')
    .distinct()
    .where('status', '=', 'active')
    .orderBy('village_code')
    .execute();
  let count = 0;
  for (const v of villages) {
    count += (
      await enrolByAge(db, registry, onDate, {
        villageCode: v.village_code,
        systemRequestId: `sweep-${onDate}`,
      })
    ).count;
    count += await leaveByAge(db, registry, onDate, v.village_code, `sweep-${onDate}`);
    await refreshSchedules(db, registry, onDate, { villageCode: v.village_code });
  }
  return count;
}
