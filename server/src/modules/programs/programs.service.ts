/**
 * Enrolment in the hypertension and type 2 diabetes programs, recording follow-ups (draft → signed,
 * amendments versioned), and the worklist of who is due. Every query is scoped to the actor's jurisdiction.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { z } from 'zod';
import {
  addDays,
  ageOn,
  daysBetween,
  FORM_SCHEMAS,
  type Lang,
  type ServiceRecordAmend,
  type ServiceRecordCreate,
  type ServiceType,
  type VisitClassification,
} from '@jkda/domain';
import type { DB, ProgramEnrolmentTable } from '../../platform/db-types.ts';
import {
  AppError,
  issueCode,
  staleVersion,
  fieldError,
  notFound,
  type FieldError,
} from '../../platform/errors.ts';
import { assertClinicalUser, scopePredicate, type Ctx } from '../auth/actor.ts';
import { writeAuditInTx, type AuditWriter } from '../audit/audit.writer.ts';
import type { Directory } from '../places/directory.ts';
import { scopedResidents } from '../registry/registry.repo.ts';
import { diffRecords } from '../registry/registry.diff.ts';
import { editableOf } from '../registry/registry.service.ts';
import { evaluateService, programOfType, type ServiceEvaluation } from './services.evaluate.ts';
import { refreshCheckState, refreshFollowUpState } from './programs.state.ts';
import { WORKLIST_EXPORT_LIMIT, worklistWorkbook } from './worklist.export.ts';

/** Registers a doctor enrols patients in by hand; the elderly register takes residents in by age. */
export const PROGRAMS = ['hypertension', 'diabetes'] as const;
export type Program = (typeof PROGRAMS)[number];
export const WORKLIST_PROGRAMS = ['hypertension', 'diabetes', 'elderly'] as const;
export type WorklistProgram = (typeof WORKLIST_PROGRAMS)[number];
export const WORKLIST_CATEGORIES = ['overdue', 'due_week', 'under_visited', 'check_missing'] as const;
export type WorklistCategory = (typeof WORKLIST_CATEGORIES)[number];
export interface WorklistQuery {
  program: WorklistProgram;
  villageCode?: string | undefined;
  townshipCode?: string | undefined;
  doctorId?: number | undefined;
  category?: WorklistCategory | undefined;
  limit: number;
  offset: number;
}
const ELDERLY_TYPES: readonly string[] = ['elderly_self_care', 'elderly_tcm'];
const today = (): string => new Date().toISOString().slice(0, 10);

export const enrolmentStatusSchema = z
  .object({
    status: z.enum(['managed', 'lost', 'moved', 'deceased', 'ended']),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' }),
    reason: z.string().trim().max(200).optional(),
    version: z.number().int().positive(),
  })
  .strict();

export const enrolmentUpdateSchema = z
  .object({
    diagnosisDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
      .optional(),
    diagnosisSource: z.string().trim().max(100).optional(),
    managingDoctorId: z.number().int().positive().optional(),
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
function valueColumns(form: unknown, evaluation: ServiceEvaluation) {
  return {
    form: JSON.stringify(form),
    ...evaluation.columns,
    warnings: JSON.stringify(evaluation.warnings),
  };
}

export class ProgramsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditWriter,
    private readonly directory: Directory,
  ) {}

  private async resident(trx: Kysely<DB>, ctx: Ctx, residentId: number) {
    const r = await scopedResidents(trx, ctx.actor)
      .select([
        'r.id',
        'r.county_code',
        'r.township_code',
        'r.village_code',
        'r.birth_date',
        'r.sex',
        'r.status',
      ])
      .where('r.id', '=', residentId)
      .executeTakeFirst();
    if (!r) throw notFound();
    return r;
  }

  /** Corrects the register entry: diagnosis date and source, managing doctor (a new version). */
  async updateEnrolment(ctx: Ctx, enrolmentId: number, input: z.infer<typeof enrolmentUpdateSchema>) {
    if (input.managingDoctorId !== undefined)
      await assertClinicalUser(this.db, ctx, input.managingDoctorId, 'managingDoctorId');
    if (input.diagnosisDate && input.diagnosisDate > today())
      throw fieldError('diagnosisDate', 'date_future');
    return this.db.transaction().execute(async (trx) => {
      const e = await this.lockEnrolment(trx, ctx, enrolmentId, input.version);
      if (e.program === 'elderly') throw fieldError('program', 'register_by_age');
      const row = await trx
        .updateTable('program_enrolment')
        .set({
          diagnosis_date: input.diagnosisDate ?? null,
          diagnosis_source: input.diagnosisSource ?? null,
          managing_doctor_id: input.managingDoctorId ?? e.managing_doctor_id,
          version: e.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', enrolmentId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAuditInTx(trx, ctx, [
        {
          action: 'program.update',
          entityType: 'program_enrolment',
          entityId: enrolmentId,
          residentId: e.resident_id,
          countyCode: e.county_code,
          detail: {
            from: {
              diagnosisDate: e.diagnosis_date,
              diagnosisSource: e.diagnosis_source,
              managingDoctorId: e.managing_doctor_id,
            },
            to: input,
          },
        },
      ]);
      return enrolmentView(row);
    });
  }

  async enrol(ctx: Ctx, residentId: number, input: z.infer<typeof enrolSchema>) {
    if (input.managingDoctorId !== undefined)
      await assertClinicalUser(this.db, ctx, input.managingDoctorId, 'managingDoctorId');
    if (input.diagnosisDate && input.diagnosisDate > today())
      throw fieldError('diagnosisDate', 'date_future');
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
      await refreshFollowUpState(trx, residentId, input.program, today());
      await refreshCheckState(trx, residentId);
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
      return enrolmentView(
        await trx
          .selectFrom('program_enrolment')
          .selectAll()
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow(),
      );
    });
  }

  /** Moves an enrolment out of (or back into) management: lost to follow-up, moved, deceased, ended. */
  async setStatus(ctx: Ctx, enrolmentId: number, input: z.infer<typeof enrolmentStatusSchema>) {
    return this.db.transaction().execute(async (trx) => {
      const e = await this.lockEnrolment(trx, ctx, enrolmentId, input.version);
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
      // The elderly tag follows age, not the register.
      if (e.program !== 'elderly') {
        if (input.status === 'managed') await tagResident(trx, ctx, e.resident_id, e.program);
        else await untagResident(trx, ctx, e.resident_id, e.program);
      }
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
      return enrolmentView(row);
    });
  }

  /** Validates a form by its type's schema and rules; errors refuse it, warnings travel with the record. */
  private async evaluate(
    trx: Kysely<DB>,
    r: { birth_date: string; sex: string },
    type: ServiceType,
    input: { serviceDate: string; form: Record<string, unknown> },
    residentId: number,
    excludeId: number | null,
  ) {
    const parsed = FORM_SCHEMAS[type].safeParse(input.form);
    if (!parsed.success) throw new AppError(400, 'validation_failed', zodToFieldErrors(parsed.error, 'form'));
    if (input.serviceDate > today()) throw fieldError('serviceDate', 'date_future');
    if (input.serviceDate < r.birth_date) throw fieldError('serviceDate', 'record_before_birth');
    const program = programOfType(type);
    const evaluation = evaluateService(type, parsed.data, {
      birthDate: r.birth_date,
      sex: r.sex,
      serviceDate: input.serviceDate,
      previousClassification: program
        ? await this.previousClassification(trx, residentId, type, input.serviceDate, excludeId)
        : null,
    });
    const outId =
      type === 'referral_back' ? (parsed.data as { outReferralId?: number }).outReferralId : undefined;
    if (outId !== undefined) {
      const out = await trx
        .selectFrom('service_record')
        .select('id')
        .where('id', '=', outId)
        .where('resident_id', '=', residentId)
        .where('type', '=', 'referral_out')
        .executeTakeFirst();
      if (!out) evaluation.errors.push({ field: 'form.outReferralId', code: 'referral_not_found' });
    }
    if (ELDERLY_TYPES.includes(type) && ageOn(r.birth_date, input.serviceDate) < 65)
      evaluation.warnings.push({ field: 'serviceDate', code: 'below_elderly_age' });
    if (evaluation.errors.length) throw new AppError(400, 'validation_failed', evaluation.errors);
    return { form: parsed.data as Record<string, unknown>, evaluation };
  }

  /** Keeps the worklist state on the enrolments in step with the signed records of this type. */
  private async refreshState(trx: Kysely<DB>, residentId: number, type: string): Promise<void> {
    const program = programOfType(type as ServiceType);
    if (program) await refreshFollowUpState(trx, residentId, program, today());
    else if (type === 'health_check') await refreshCheckState(trx, residentId);
  }

  /** Records a service (draft, or signed at once). Answers the record with the rules' warnings. */
  async record(ctx: Ctx, residentId: number, input: ServiceRecordCreate) {
    const program = programOfType(input.type);
    const id = await this.db.transaction().execute(async (trx) => {
      const r = await this.resident(trx, ctx, residentId);
      if (r.status !== 'active') throw new AppError(409, 'archived_record');
      const { form, evaluation } = await this.evaluate(trx, r, input.type, input, residentId, null);
      if (program) {
        const enrolled = await trx
          .selectFrom('program_enrolment')
          .select('id')
          .where('resident_id', '=', residentId)
          .where('program', '=', program)
          .where('status', '=', 'managed')
          .executeTakeFirst();
        if (!enrolled) throw fieldError('type', 'not_enrolled');
      }
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
          ...valueColumns(form, evaluation),
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
          snapshot: JSON.stringify({ serviceDate: input.serviceDate, delivery: input.delivery, form }),
        })
        .execute();
      if (input.sign) await this.refreshState(trx, residentId, input.type);
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
      await this.refreshState(trx, s.resident_id, s.type);
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
      const r = await this.resident(trx, ctx, s.resident_id);
      const { form, evaluation } = await this.evaluate(
        trx,
        r,
        s.type as ServiceType,
        input,
        s.resident_id,
        id,
      );
      const before = { serviceDate: s.service_date, delivery: s.delivery, form: s.form };
      const after = { serviceDate: input.serviceDate, delivery: input.delivery, form };
      const changes = diffRecords(before, after);
      if (changes.length === 0) return;
      await trx
        .updateTable('service_record')
        .set({
          service_date: input.serviceDate,
          delivery: input.delivery,
          ...valueColumns(form, evaluation),
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
      if (s.status === 'signed') await this.refreshState(trx, s.resident_id, s.type);
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
        'weight_kg',
        'classification',
        'next_visit_date',
        'next_action',
        'staff_user_id',
      ])
      .where('resident_id', '=', residentId)
      .orderBy('service_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const enrolments = await this.db
      .selectFrom('program_enrolment')
      .selectAll()
      .where('resident_id', '=', residentId)
      .orderBy('id')
      .execute();
    await this.audit.record(ctx, [
      { action: 'service.list', entityType: 'resident', entityId: residentId, residentId },
    ]);
    return {
      enrolments: enrolments.map(enrolmentView),
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
        weightKg: s.weight_kg === null ? null : Number(s.weight_kg),
        classification: s.classification,
        nextVisitDate: s.next_visit_date,
        nextAction: s.next_action,
        staffUserId: s.staff_user_id,
      })),
    };
  }

  /**
   * Who is due, for a doctor, a village or a township: the managed patients of a register with their last
   * follow-up, sorted by due date. Categories: overdue (the due date has passed), due within 7 days, fewer
   * than the 4 face-to-face follow-ups required this year (chronic registers), and no health check this
   * calendar year. Reads the state kept on the enrolment (programs.state.ts), so it stays one indexed scan.
   */
  async worklist(ctx: Ctx, q: WorklistQuery) {
    const { rows, counts } = await this.worklistRows(ctx, q);
    await this.audit.record(ctx, [
      {
        action: 'worklist.read',
        detail: {
          program: q.program,
          villageCode: q.villageCode,
          townshipCode: q.townshipCode,
          doctorId: q.doctorId,
          category: q.category,
          residentIds: rows.map((i) => i.residentId),
        },
      },
    ]);
    return { counts, items: rows };
  }

  /** The worklist as an Excel sheet for a day of home visits (audited like the list). */
  async worklistExport(ctx: Ctx, q: WorklistQuery, lang: Lang) {
    const { rows } = await this.worklistRows(ctx, { ...q, limit: WORKLIST_EXPORT_LIMIT, offset: 0 });
    const villageCodes = [...new Set(rows.map((r) => r.villageCode))];
    const names = new Map(
      await Promise.all(villageCodes.map(async (c) => [c, await this.directory.areaName(c)] as const)),
    );
    await this.audit.record(ctx, [
      {
        action: 'worklist.export',
        detail: { program: q.program, category: q.category, residentIds: rows.map((i) => i.residentId) },
      },
    ]);
    return worklistWorkbook(
      rows.map((r) => ({ ...r, villageName: names.get(r.villageCode) || r.villageCode })),
      q.program,
      lang,
    );
  }

  private async worklistRows(ctx: Ctx, q: WorklistQuery) {
    const now = today();
    const weekEnd = addDays(now, 7);
    const year = Number(now.slice(0, 4));
    const yearStart = `${year}-01-01`;
    const chronic = q.program !== 'elderly';
    const predicates: Record<WorklistCategory, RawBuilder<SqlBool>> = {
      overdue: sql<SqlBool>`e.next_due_date < ${now}::date`,
      due_week: sql<SqlBool>`e.next_due_date >= ${now}::date AND e.next_due_date <= ${weekEnd}::date`,
      under_visited: chronic
        ? sql<SqlBool>`(e.visits_year IS DISTINCT FROM ${year}::int OR e.visits_count < 4)`
        : sql<SqlBool>`false`,
      check_missing: sql<SqlBool>`(e.last_check_date IS NULL OR e.last_check_date < ${yearStart}::date)`,
    };
    // Archiving a resident closes their enrolments, so "managed" alone says who is on the list; the counts
    // read the register only, the rows join the resident for the page of rows shown.
    let base = this.db
      .selectFrom('program_enrolment as e')
      .where('e.program', '=', q.program)
      .where('e.status', '=', 'managed')
      .where(scopePredicate(ctx.actor.jurisdiction, 'e'));
    if (q.villageCode) base = base.where('e.village_code', '=', q.villageCode);
    if (q.townshipCode) base = base.where('e.township_code', '=', q.townshipCode);
    if (q.doctorId) base = base.where('e.managing_doctor_id', '=', q.doctorId);
    const c = await base
      .select([
        sql<number>`count(*)::int`.as('total'),
        ...WORKLIST_CATEGORIES.map((k) => sql<number>`count(*) FILTER (WHERE ${predicates[k]})::int`.as(k)),
      ])
      .executeTakeFirstOrThrow();
    const counts = {
      total: c.total,
      overdue: c.overdue,
      due_week: c.due_week,
      under_visited: c.under_visited,
      check_missing: c.check_missing,
    };
    const filtered = q.category ? base.where(predicates[q.category]) : base;
    const found = await filtered
      .innerJoin('resident as r', 'r.id', 'e.resident_id')
      .select([
        'r.id as resident_id',
        'r.name',
        'r.sex',
        'r.birth_date',
        'r.phone',
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
      ])
      .orderBy('e.next_due_date')
      .orderBy('e.resident_id')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    const rows = found.map((x) => {
      const overdueDays = x.due_date < now ? daysBetween(x.due_date, now) : 0;
      const categories: WorklistCategory[] = [];
      if (overdueDays > 0) categories.push('overdue');
      else if (x.due_date <= weekEnd) categories.push('due_week');
      if (chronic && x.visits < 4) categories.push('under_visited');
      if (!x.last_check_date || x.last_check_date < yearStart) categories.push('check_missing');
      return {
        residentId: x.resident_id,
        name: x.name,
        sex: x.sex,
        birthDate: x.birth_date,
        age: ageOn(x.birth_date, now),
        phone: x.phone,
        address: x.current_address,
        villageCode: x.village_code,
        managingDoctorId: x.managing_doctor_id,
        lastVisitDate: x.last_service_date,
        lastClassification: x.last_classification,
        lastSbp: x.last_sbp,
        lastDbp: x.last_dbp,
        lastFastingGlucose: x.last_glucose === null ? null : Number(x.last_glucose),
        lastCheckDate: x.last_check_date,
        dueDate: x.due_date,
        overdueDays,
        visitsThisYear: x.visits,
        categories,
      };
    });
    return { counts, rows };
  }

  /** The enrolment in the actor's jurisdiction, locked for a change of the version the user edited. */
  private async lockEnrolment(trx: Kysely<DB>, ctx: Ctx, id: number, version: number) {
    const e = await trx
      .selectFrom('program_enrolment as e')
      .selectAll('e')
      .where('e.id', '=', id)
      .where(scopePredicate(ctx.actor.jurisdiction, 'e'))
      .forUpdate()
      .executeTakeFirst();
    if (!e) throw notFound();
    if (e.version !== version) throw staleVersion(e.version, version);
    return e;
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

/** An enrolment as the API shows it. */
function enrolmentView(e: Selectable<ProgramEnrolmentTable>) {
  return {
    id: e.id,
    program: e.program,
    status: e.status,
    statusDate: e.status_date,
    enrolledOn: e.enrolled_on,
    diagnosisDate: e.diagnosis_date,
    diagnosisSource: e.diagnosis_source,
    managingDoctorId: e.managing_doctor_id,
    version: e.version,
    nextDueDate: e.next_due_date,
    lastVisitDate: e.last_service_date,
    lastCheckDate: e.last_check_date,
    visitsThisYear: e.visits_year === Number(today().slice(0, 4)) ? e.visits_count : 0,
  };
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
