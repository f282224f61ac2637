/**
 * Enrolment in the hypertension and type 2 diabetes programs, recording follow-ups (draft → signed,
 * amendments versioned), and the worklist of who is due. Every query is scoped to the actor's jurisdiction.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import {
  FORM_SCHEMAS,
  type DiabetesFollowUp,
  type HypertensionFollowUp,
  type ServiceRecordAmend,
  type ServiceRecordCreate,
  type VisitClassification,
} from '@jkda/domain';
import type { DB } from '../../platform/db-types.ts';
import {
  AppError,
  issueCode,
  staleVersion,
  fieldError,
  notFound,
  type FieldError,
} from '../../platform/errors.ts';
import { scopePredicate, type Ctx } from '../auth/actor.ts';
import { writeAuditInTx, type AuditWriter } from '../audit/audit.writer.ts';
import { scopedResidents } from '../registry/registry.repo.ts';
import { diffRecords } from '../registry/registry.diff.ts';
import { editableOf } from '../registry/registry.service.ts';
import { evaluateFollowUp, type RuleOutcome } from './programs.rules-adapter.ts';

export const PROGRAMS = ['hypertension', 'diabetes'] as const;
export type Program = (typeof PROGRAMS)[number];
const programOf = (type: string): Program => (type === 'diabetes_followup' ? 'diabetes' : 'hypertension');
const today = (): string => new Date().toISOString().slice(0, 10);

export const enrolmentStatusSchema = z
  .object({
    status: z.enum(['managed', 'lost', 'moved', 'deceased', 'ended']),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' }),
    reason: z.string().trim().max(200).optional(),
    version: z.number().int().positive(),
  })
  .strict();

export const enrolSchema = z
  .object({
    program: z.enum(PROGRAMS),
    diagnosisDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
      .optional(),
    diagnosisSource: z.string().trim().max(100).optional(),
    managingDoctorId: z.number().int().positive().optional(),
  })
  .strict();

function zodToFieldErrors(e: z.ZodError, prefix: string): FieldError[] {
  return e.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    code: issueCode(i.code, i.message),
  }));
}

/** The form and the values that rules and indicators query, as stored on the service record. */
function valueColumns(form: HypertensionFollowUp | DiabetesFollowUp, outcome: RuleOutcome) {
  return {
    form: JSON.stringify(form),
    sbp: form.sbp,
    dbp: form.dbp,
    fasting_glucose: 'fastingGlucose' in form ? form.fastingGlucose : null,
    classification: outcome.classification,
    next_visit_date: form.nextVisitDate ?? outcome.plan.dueDate,
    next_action: outcome.plan.action,
    warnings: JSON.stringify(outcome.warnings),
  };
}

export class ProgramsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditWriter,
  ) {}

  private async resident(trx: Kysely<DB>, ctx: Ctx, residentId: number) {
    const r = await scopedResidents(trx, ctx.actor)
      .select(['r.id', 'r.county_code', 'r.township_code', 'r.village_code', 'r.birth_date', 'r.status'])
      .where('r.id', '=', residentId)
      .executeTakeFirst();
    if (!r) throw notFound();
    return r;
  }

  async enrol(ctx: Ctx, residentId: number, input: z.infer<typeof enrolSchema>) {
    return this.db.transaction().execute(async (trx) => {
      const r = await this.resident(trx, ctx, residentId);
      if (r.status !== 'active') throw new AppError(409, 'archived_record');
      const existing = await trx
        .selectFrom('program_enrolment')
        .select(['id', 'status'])
        .where('resident_id', '=', residentId)
        .where('program', '=', input.program)
        .executeTakeFirst();
      if (existing?.status === 'managed')
        throw new AppError(409, 'conflict', [{ field: 'program', code: 'already_enrolled' }], {
          enrolmentId: existing.id,
        });
      const values = {
        diagnosis_date: input.diagnosisDate ?? null,
        diagnosis_source: input.diagnosisSource ?? null,
        managing_doctor_id: input.managingDoctorId ?? ctx.actor.userId,
        status: 'managed' as const,
        status_date: today(),
        enrolled_on: today(),
      };
      const row = existing
        ? await trx
            .updateTable('program_enrolment')
            .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('program_enrolment')
            .values({
              ...values,
              county_code: r.county_code,
              township_code: r.township_code,
              village_code: r.village_code,
              resident_id: residentId,
              program: input.program,
              created_by: ctx.actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
      await tagResident(trx, ctx, residentId, input.program);
      await writeAuditInTx(trx, ctx, [
        {
          action: 'program.enrol',
          entityType: 'program_enrolment',
          entityId: row.id,
          residentId,
          countyCode: r.county_code,
          detail: { program: input.program },
        },
      ]);
      return {
        id: row.id,
        program: row.program,
        status: row.status,
        enrolledOn: row.enrolled_on,
        diagnosisDate: row.diagnosis_date,
        version: row.version,
      };
    });
  }

  /** Moves an enrolment out of (or back into) management: lost to follow-up, moved, deceased, ended. */
  async setStatus(ctx: Ctx, enrolmentId: number, input: z.infer<typeof enrolmentStatusSchema>) {
    return this.db.transaction().execute(async (trx) => {
      const e = await trx
        .selectFrom('program_enrolment as e')
        .selectAll('e')
        .where('e.id', '=', enrolmentId)
        .where(scopePredicate(ctx.actor.jurisdiction, 'e'))
        .forUpdate()
        .executeTakeFirst();
      if (!e) throw notFound();
      if (e.version !== input.version) throw staleVersion(e.version, input.version);
      if (input.date > today()) throw fieldError('date', 'date_future');
      const row = await trx
        .updateTable('program_enrolment')
        .set({
          status: input.status,
          status_date: input.date,
          version: e.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', enrolmentId)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.status === 'managed') await tagResident(trx, ctx, e.resident_id, e.program);
      else await untagResident(trx, ctx, e.resident_id, e.program);
      await writeAuditInTx(trx, ctx, [
        {
          action: 'program.status',
          entityType: 'program_enrolment',
          entityId: enrolmentId,
          residentId: e.resident_id,
          countyCode: e.county_code,
          detail: { from: e.status, to: input.status, reason: input.reason },
        },
      ]);
      return {
        id: row.id,
        program: row.program,
        status: row.status,
        statusDate: row.status_date,
        version: row.version,
      };
    });
  }

  /** Records a follow-up (draft, or signed at once). Answers the record with the rules' warnings. */
  async record(ctx: Ctx, residentId: number, input: ServiceRecordCreate) {
    const program = programOf(input.type);
    const parsed = FORM_SCHEMAS[input.type].safeParse(input.form);
    if (!parsed.success) throw new AppError(400, 'validation_failed', zodToFieldErrors(parsed.error, 'form'));
    if (input.serviceDate > today()) throw fieldError('serviceDate', 'date_future');
    const id = await this.db.transaction().execute(async (trx) => {
      const r = await this.resident(trx, ctx, residentId);
      if (r.status !== 'active') throw new AppError(409, 'archived_record');
      if (input.serviceDate < r.birth_date) throw fieldError('serviceDate', 'record_before_birth');
      const enrolled = await trx
        .selectFrom('program_enrolment')
        .select('id')
        .where('resident_id', '=', residentId)
        .where('program', '=', program)
        .where('status', '=', 'managed')
        .executeTakeFirst();
      if (!enrolled) throw fieldError('type', 'not_enrolled');
      const previous = await this.previousClassification(
        trx,
        residentId,
        input.type,
        input.serviceDate,
        null,
      );
      const outcome = evaluateFollowUp(program, parsed.data, {
        birthDate: r.birth_date,
        serviceDate: input.serviceDate,
        previousClassification: previous,
      });
      if (outcome.errors.length) throw new AppError(400, 'validation_failed', outcome.errors);
      const row = await trx
        .insertInto('service_record')
        .values({
          county_code: r.county_code,
          township_code: r.township_code,
          village_code: r.village_code,
          resident_id: residentId,
          type: input.type,
          service_date: input.serviceDate,
          institution_id: ctx.actor.institutionId,
          staff_user_id: ctx.actor.userId,
          delivery: input.delivery,
          status: input.sign ? 'signed' : 'draft',
          signed_at: input.sign ? new Date() : null,
          ...valueColumns(parsed.data, outcome),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('service_record_version')
        .values({
          service_record_id: row.id,
          version: 1,
          county_code: r.county_code,
          changed_by: ctx.actor.userId,
          request_id: ctx.requestId,
          action: input.sign ? 'create_signed' : 'create',
          changes: '[]',
          snapshot: JSON.stringify({
            serviceDate: input.serviceDate,
            delivery: input.delivery,
            form: parsed.data,
          }),
        })
        .execute();
      await writeAuditInTx(trx, ctx, [
        {
          action: 'service.create',
          entityType: 'service_record',
          entityId: row.id,
          residentId,
          countyCode: r.county_code,
          detail: { type: input.type, signed: input.sign },
        },
      ]);
      return row.id;
    });
    return this.get(ctx, id, false);
  }

  async sign(ctx: Ctx, id: number, version: number) {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.lock(trx, ctx, id, version);
      if (s.status === 'signed') return;
      await trx
        .updateTable('service_record')
        .set({ status: 'signed', signed_at: new Date(), version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('service_record_version')
        .values({
          service_record_id: id,
          version: version + 1,
          county_code: s.county_code,
          changed_by: ctx.actor.userId,
          request_id: ctx.requestId,
          action: 'sign',
          changes: '[]',
          snapshot: JSON.stringify({ serviceDate: s.service_date, delivery: s.delivery, form: s.form }),
        })
        .execute();
      await writeAuditInTx(trx, ctx, [
        {
          action: 'service.sign',
          entityType: 'service_record',
          entityId: id,
          residentId: s.resident_id,
          countyCode: s.county_code,
        },
      ]);
    });
    return this.get(ctx, id, false);
  }

  /** Amends a record: a new version with the changed fields; the old one stays in the history. */
  async amend(ctx: Ctx, id: number, input: ServiceRecordAmend) {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.lock(trx, ctx, id, input.version);
      const parsed = FORM_SCHEMAS[s.type as keyof typeof FORM_SCHEMAS].safeParse(input.form);
      if (!parsed.success)
        throw new AppError(400, 'validation_failed', zodToFieldErrors(parsed.error, 'form'));
      if (input.serviceDate > today()) throw fieldError('serviceDate', 'date_future');
      const r = await this.resident(trx, ctx, s.resident_id);
      const previous = await this.previousClassification(trx, s.resident_id, s.type, input.serviceDate, id);
      const outcome = evaluateFollowUp(programOf(s.type), parsed.data, {
        birthDate: r.birth_date,
        serviceDate: input.serviceDate,
        previousClassification: previous,
      });
      if (outcome.errors.length) throw new AppError(400, 'validation_failed', outcome.errors);
      const before = { serviceDate: s.service_date, delivery: s.delivery, form: s.form };
      const after = { serviceDate: input.serviceDate, delivery: input.delivery, form: parsed.data };
      const changes = diffRecords(before, after);
      if (changes.length === 0) return;
      await trx
        .updateTable('service_record')
        .set({
          service_date: input.serviceDate,
          delivery: input.delivery,
          ...valueColumns(parsed.data, outcome),
          version: input.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('service_record_version')
        .values({
          service_record_id: id,
          version: input.version + 1,
          county_code: s.county_code,
          changed_by: ctx.actor.userId,
          request_id: ctx.requestId,
          action: 'amend',
          reason: input.reason ?? null,
          changes: JSON.stringify(changes),
          snapshot: JSON.stringify(after),
        })
        .execute();
      await writeAuditInTx(trx, ctx, [
        {
          action: 'service.amend',
          entityType: 'service_record',
          entityId: id,
          residentId: s.resident_id,
          countyCode: s.county_code,
          fields: changes.map((c) => c.field),
        },
      ]);
    });
    return this.get(ctx, id, false);
  }

  async get(ctx: Ctx, id: number, audited = true) {
    const s = await this.db
      .selectFrom('service_record as s')
      .selectAll('s')
      .where('s.id', '=', id)
      .where(scopePredicate(ctx.actor.jurisdiction, 's'))
      .executeTakeFirst();
    if (!s) throw notFound();
    if (audited)
      await this.audit.record(ctx, [
        {
          action: 'service.read',
          entityType: 'service_record',
          entityId: id,
          residentId: s.resident_id,
          countyCode: s.county_code,
        },
      ]);
    return {
      id: s.id,
      residentId: s.resident_id,
      type: s.type,
      serviceDate: s.service_date,
      delivery: s.delivery,
      status: s.status,
      version: s.version,
      institutionId: s.institution_id,
      staffUserId: s.staff_user_id,
      form: s.form,
      classification: s.classification,
      nextVisitDate: s.next_visit_date,
      nextAction: s.next_action,
      warnings: s.warnings as FieldError[],
      proof: s.proof ?? null,
      signedAt: s.signed_at?.toISOString() ?? null,
    };
  }

  async listForResident(ctx: Ctx, residentId: number) {
    await this.resident(this.db, ctx, residentId);
    const rows = await this.db
      .selectFrom('service_record')
      .select([
        'id',
        'type',
        'service_date',
        'delivery',
        'status',
        'version',
        'sbp',
        'dbp',
        'fasting_glucose',
        'classification',
        'next_visit_date',
        'next_action',
      ])
      .where('resident_id', '=', residentId)
      .orderBy('service_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const enrolments = await this.db
      .selectFrom('program_enrolment')
      .select(['id', 'program', 'status', 'enrolled_on', 'diagnosis_date', 'version'])
      .where('resident_id', '=', residentId)
      .execute();
    await this.audit.record(ctx, [
      { action: 'service.list', entityType: 'resident', entityId: residentId, residentId },
    ]);
    return {
      enrolments: enrolments.map((e) => ({
        id: e.id,
        program: e.program,
        status: e.status,
        enrolledOn: e.enrolled_on,
        diagnosisDate: e.diagnosis_date,
        version: e.version,
      })),
      items: rows.map((s) => ({
        id: s.id,
        type: s.type,
        serviceDate: s.service_date,
        delivery: s.delivery,
        status: s.status,
        version: s.version,
        sbp: s.sbp,
        dbp: s.dbp,
        fastingGlucose: s.fasting_glucose === null ? null : Number(s.fasting_glucose),
        classification: s.classification,
        nextVisitDate: s.next_visit_date,
        nextAction: s.next_action,
      })),
    };
  }

  /**
   * Who is due: enrolled patients of a program in the jurisdiction with their latest follow-up, sorted by
   * due date; categories: overdue (next date passed, or never followed up and enrolled over 2 weeks ago),
   * due this week, fewer than the 4 required follow-ups this year.
   */
  async worklist(
    ctx: Ctx,
    q: {
      program: Program;
      villageCode?: string | undefined;
      category?: 'overdue' | 'due_week' | 'under_visited' | undefined;
      limit: number;
    },
  ) {
    const now = today();
    const weekEnd = new Date(Date.parse(`${now}T00:00:00Z`) + 7 * 86400_000).toISOString().slice(0, 10);
    const year = now.slice(0, 4);
    const base = this.db
      .selectFrom('program_enrolment as e')
      .innerJoin('resident as r', 'r.id', 'e.resident_id')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('service_record as s')
            .select([
              's.resident_id',
              sql<string>`max(s.service_date)::text`.as('last_date'),
              sql<number>`count(*) FILTER (WHERE s.service_date >= ${`${year}-01-01`}::date AND s.delivery <> 'phone')::int`.as(
                'visits_this_year',
              ),
            ])
            .where('s.type', '=', `${q.program}_followup`)
            .where('s.status', '=', 'signed')
            .groupBy('s.resident_id')
            .as('agg'),
        (join) => join.onRef('agg.resident_id', '=', 'e.resident_id'),
      )
      .leftJoin('service_record as last', (join) =>
        join.onRef('last.resident_id', '=', 'e.resident_id').on(
          sql<boolean>`last.id = (SELECT s2.id FROM service_record s2 WHERE s2.resident_id = e.resident_id
            AND s2.type = ${`${q.program}_followup`} AND s2.status = 'signed'
            ORDER BY s2.service_date DESC, s2.id DESC LIMIT 1)`,
        ),
      )
      .where('e.program', '=', q.program)
      .where('e.status', '=', 'managed')
      .where('r.status', '=', 'active')
      .where(scopePredicate(ctx.actor.jurisdiction, 'e'));
    const scoped = q.villageCode ? base.where('e.village_code', '=', q.villageCode) : base;
    const dueExpr = sql<string>`coalesce(last.next_visit_date, e.enrolled_on + 14)::text`;
    const rows = await scoped
      .select([
        'r.id as resident_id',
        'r.name',
        'r.sex',
        'r.birth_date',
        'r.phone',
        'r.village_code',
        'e.enrolled_on',
        'agg.last_date',
        'last.classification',
        'last.sbp',
        'last.dbp',
        'last.fasting_glucose',
        sql<number>`coalesce(agg.visits_this_year, 0)`.as('visits'),
        dueExpr.as('due_date'),
      ])
      .orderBy(dueExpr)
      .orderBy('r.id')
      .execute();
    const items = rows.map((x) => {
      const overdueDays =
        x.due_date < now ? Math.round((Date.parse(now) - Date.parse(x.due_date)) / 86400_000) : 0;
      const categories: string[] = [];
      if (overdueDays > 0) categories.push('overdue');
      else if (x.due_date <= weekEnd) categories.push('due_week');
      if (x.visits < 4) categories.push('under_visited');
      return {
        residentId: x.resident_id,
        name: x.name,
        sex: x.sex,
        birthDate: x.birth_date,
        phone: x.phone,
        villageCode: x.village_code,
        lastVisitDate: x.last_date,
        lastClassification: x.classification,
        lastSbp: x.sbp,
        lastDbp: x.dbp,
        lastFastingGlucose: x.fasting_glucose === null ? null : Number(x.fasting_glucose),
        dueDate: x.due_date,
        overdueDays,
        visitsThisYear: x.visits,
        categories,
      };
    });
    const counts = { total: items.length, overdue: 0, due_week: 0, under_visited: 0 };
    for (const i of items)
      for (const c of i.categories) counts[c as 'overdue' | 'due_week' | 'under_visited'] += 1;
    const filtered = q.category ? items.filter((i) => i.categories.includes(q.category!)) : items;
    await this.audit.record(ctx, [
      {
        action: 'worklist.read',
        detail: {
          program: q.program,
          villageCode: q.villageCode,
          category: q.category,
          residentIds: filtered.slice(0, q.limit).map((i) => i.residentId),
        },
      },
    ]);
    return { counts, items: filtered.slice(0, q.limit) };
  }

  private async lock(trx: Kysely<DB>, ctx: Ctx, id: number, version: number) {
    const s = await trx
      .selectFrom('service_record as s')
      .selectAll('s')
      .where('s.id', '=', id)
      .where(scopePredicate(ctx.actor.jurisdiction, 's'))
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw notFound();
    if (s.version !== version) throw staleVersion(s.version, version);
    return s;
  }

  private async previousClassification(
    trx: Kysely<DB>,
    residentId: number,
    type: string,
    before: string,
    excludeId: number | null,
  ): Promise<VisitClassification | null> {
    let q = trx
      .selectFrom('service_record')
      .select('classification')
      .where('resident_id', '=', residentId)
      .where('type', '=', type)
      .where('service_date', '<=', before);
    if (excludeId !== null) q = q.where('id', '!=', excludeId);
    const prev = await q.orderBy('service_date', 'desc').orderBy('id', 'desc').executeTakeFirst();
    return prev?.classification ? (prev.classification as VisitClassification) : null;
  }
}

/** The key population tag follows enrolment: add it to the resident, as a new version of the record. */
async function tagResident(trx: Kysely<DB>, ctx: Ctx, residentId: number, tag: string): Promise<void> {
  await retag(
    trx,
    ctx,
    residentId,
    (tags) => (tags.includes(tag) ? tags : [...tags, tag].sort()),
    'program_enrol',
  );
}

/** Leaving the program removes the tag, unless the basic information form itself lists the disease. */
async function untagResident(trx: Kysely<DB>, ctx: Ctx, residentId: number, tag: string): Promise<void> {
  const r = await trx
    .selectFrom('resident')
    .select('basic_info')
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  const diseases = ((r.basic_info as { diseases?: { code: string }[] }).diseases ?? []).map((d) => d.code);
  if (diseases.includes(tag === 'hypertension' ? '2' : '3')) return;
  await retag(trx, ctx, residentId, (tags) => tags.filter((t) => t !== tag), 'program_leave');
}

async function retag(
  trx: Kysely<DB>,
  ctx: Ctx,
  residentId: number,
  next: (tags: string[]) => string[],
  action: string,
): Promise<void> {
  const before = await trx
    .selectFrom('resident')
    .selectAll()
    .where('id', '=', residentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const tags = next(before.key_tags);
  if (JSON.stringify(tags) === JSON.stringify(before.key_tags)) return;
  const after = await trx
    .updateTable('resident')
    .set({ key_tags: tags, version: before.version + 1, updated_at: new Date() })
    .where('id', '=', residentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changes = diffRecords(editableOf(before), editableOf(after));
  await trx
    .insertInto('resident_version')
    .values({
      resident_id: residentId,
      version: after.version,
      county_code: after.county_code,
      changed_by: ctx.actor.userId,
      request_id: ctx.requestId,
      action,
      changes: JSON.stringify([...changes, { field: 'keyTags', old: before.key_tags, new: after.key_tags }]),
      snapshot: JSON.stringify(editableOf(after)),
    })
    .execute();
}
