/**
 * The registers (program enrolment): a doctor enrols and discharges patients of the registers entered by a
 * doctor; residents enter the registers entered by age on their own. Every change goes through change():
 * the enrolment's version row, audit row and outbox event in one transaction. Which registers exist, and
 * what tag and state each keeps, comes from the program registry.
 */
import type { ProgramRegistry, RegisterDef, RegisterExit } from '@jkda/domain';
import { change, type ChangeEnv, type ChangeTx, type Written } from '../../platform/change.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { countyToday } from '../../platform/today.ts';
import { assertClinicalUser, type Ctx } from '../auth/actor.ts';
import { retagResident } from '../registry/resident.tags.ts';
import { diffRecords } from '../registry/registry.diff.ts';
import {
  enrolByAge,
  refreshCheckState,
  refreshFollowUpState,
  refreshScheduleState,
} from './enrolments.state.ts';
import { enrolmentSnapshot, lockEnrolment, type EnrolmentRow } from './enrolments.repo.ts';
import type {
  EnrolInput,
  EnrolmentStatusInput,
  EnrolmentUpdateInput,
  EnrolmentView,
} from './enrolments.schema.ts';

/** An enrolment as the API shows it. */
export function enrolmentView(e: EnrolmentRow, today = countyToday()): EnrolmentView {
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
    visitsThisYear: e.visits_year === Number(today.slice(0, 4)) ? e.visits_count : 0,
  };
}

/** The pipeline's record of an enrolment row written by a change. */
function writtenEnrolment(
  before: EnrolmentRow | null,
  after: EnrolmentRow,
  kind: string,
  audit: Written['audit'],
  reason?: string,
): Written {
  return {
    entity: 'program_enrolment',
    id: after.id,
    version: after.version,
    countyCode: after.county_code,
    villageCode: after.village_code,
    residentId: after.resident_id,
    kind,
    changes: diffRecords(before ? enrolmentSnapshot(before) : {}, enrolmentSnapshot(after)),
    snapshot: enrolmentSnapshot(after),
    reason: reason ?? null,
    audit,
  };
}

/** Being managed in a register gives its tag. */
async function tagFor(tx: ChangeTx, residentId: number, reg: RegisterDef): Promise<void> {
  await retagResident(
    tx,
    residentId,
    (tags) => (tags.includes(reg.tag) ? tags : [...tags, reg.tag].sort()),
    'program_enrol',
  );
}

/** Leaving the register removes its tag, unless the basic information form itself lists the disease. */
async function untagFor(tx: ChangeTx, residentId: number, reg: RegisterDef): Promise<void> {
  const r = await tx.trx
    .selectFrom('resident')
    .select('basic_info')
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  const diseases = ((r.basic_info as { diseases?: { code: string }[] }).diseases ?? []).map((d) => d.code);
  if (reg.historyDisease && diseases.includes(reg.historyDisease)) return;
  await retagResident(tx, residentId, (tags) => tags.filter((t) => t !== reg.tag), 'program_leave');
}

export class EnrolmentsService {
  constructor(
    private readonly env: ChangeEnv,
    private readonly registry: ProgramRegistry,
  ) {}

  private doctorRegister(program: string): RegisterDef {
    const reg = this.registry.register(program);
    if (!reg || reg.entry.by !== 'doctor') throw fieldError('program', 'register_by_age');
    return reg;
  }

  async enrol(ctx: Ctx, residentId: number, input: EnrolInput): Promise<EnrolmentView> {
    const reg = this.doctorRegister(input.program);
    const today = countyToday();
    if (input.managingDoctorId !== undefined)
      await assertClinicalUser(this.env.db, ctx, input.managingDoctorId, 'managingDoctorId');
    if (input.diagnosisDate && input.diagnosisDate > today) throw fieldError('diagnosisDate', 'date_future');
    return change(this.env, ctx, async (tx) => {
      const r = await tx.lockResident(residentId);
      if (r.status !== 'active') throw new AppError(409, 'archived_record');
      if (reg.sex && r.sex !== reg.sex) throw fieldError('program', 'register_sex');
      const existing = await tx.trx
        .selectFrom('program_enrolment')
        .selectAll()
        .where('resident_id', '=', residentId)
        .where('program', '=', reg.program)
        .forUpdate()
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
        status_date: today,
        enrolled_on: today,
      };
      const row = existing
        ? await tx.trx
            .updateTable('program_enrolment')
            .set({ ...values, version: existing.version + 1, updated_at: new Date() })
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await tx.trx
            .insertInto('program_enrolment')
            .values({
              ...values,
              county_code: r.county_code,
              township_code: r.township_code,
              village_code: r.village_code,
              resident_id: residentId,
              program: reg.program,
              created_by: ctx.actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
      await refreshFollowUpState(tx.trx, residentId, reg, today);
      await refreshCheckState(tx.trx, this.registry, residentId);
      await refreshScheduleState(tx.trx, this.registry, residentId, today);
      await tagFor(tx, residentId, reg);
      await tx.written(
        writtenEnrolment(existing ?? null, row, 'enrol', {
          action: 'program.enrol',
          detail: { program: reg.program },
        }),
      );
      const basic = await tx.trx
        .selectFrom('resident')
        .select(['birth_date', 'basic_info'])
        .where('id', '=', residentId)
        .executeTakeFirstOrThrow();
      const historyDiseases = ((basic.basic_info as { diseases?: { code: string }[] }).diseases ?? []).map(
        (d) => d.code,
      );
      const warnings = this.registry.enrolWarnings(
        reg.program,
        { birthDate: basic.birth_date, historyDiseases },
        today,
      );
      const view = enrolmentView(
        await tx.trx
          .selectFrom('program_enrolment')
          .selectAll()
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow(),
        today,
      );
      return warnings.length ? { ...view, warnings } : view;
    });
  }

  /** Moves an enrolment out of (or back into) management: lost to follow-up, moved, deceased, ended. */
  async setStatus(ctx: Ctx, enrolmentId: number, input: EnrolmentStatusInput): Promise<EnrolmentView> {
    return change(this.env, ctx, async (tx) => {
      const e = await lockEnrolment(tx.repos, enrolmentId, input.version);
      if (input.date > countyToday()) throw fieldError('date', 'date_future');
      const row = await tx.trx
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
      // Tags of registers entered by age follow age, not the register's status.
      const reg = this.registry.register(e.program);
      if (reg && reg.entry.by === 'doctor') {
        if (input.status === 'managed') await tagFor(tx, e.resident_id, reg);
        else await untagFor(tx, e.resident_id, reg);
      }
      if (input.status === 'managed')
        await refreshScheduleState(tx.trx, this.registry, e.resident_id, countyToday());
      await tx.written(
        writtenEnrolment(
          e,
          row,
          'status',
          { action: 'program.status', detail: { from: e.status, to: input.status, reason: input.reason } },
          input.reason,
        ),
      );
      return enrolmentView(row);
    });
  }

  /** Corrects the register entry: diagnosis date and source, managing doctor (a new version). */
  async update(ctx: Ctx, enrolmentId: number, input: EnrolmentUpdateInput): Promise<EnrolmentView> {
    if (input.managingDoctorId !== undefined)
      await assertClinicalUser(this.env.db, ctx, input.managingDoctorId, 'managingDoctorId');
    if (input.diagnosisDate && input.diagnosisDate > countyToday())
      throw fieldError('diagnosisDate', 'date_future');
    return change(this.env, ctx, async (tx) => {
      const e = await lockEnrolment(tx.repos, enrolmentId, input.version);
      if (this.registry.register(e.program)?.entry.by !== 'doctor')
        throw fieldError('program', 'register_by_age');
      const row = await tx.trx
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
      await tx.written(
        writtenEnrolment(e, row, 'update', {
          action: 'program.update',
          detail: {
            from: {
              diagnosisDate: e.diagnosis_date,
              diagnosisSource: e.diagnosis_source,
              managingDoctorId: e.managing_doctor_id,
            },
            to: input,
          },
        }),
      );
      return enrolmentView(row);
    });
  }
}

// ---- what other changes do to the registers (inside their own change) ----

/** A resident of the right age enters the registers entered by age (at creation or a birth date change). */
export async function registerByAge(
  tx: ChangeTx,
  registry: ProgramRegistry,
  residentId: number,
): Promise<void> {
  const today = countyToday();
  const { rows } = await enrolByAge(tx.trx, registry, today, { residentId });
  if (rows.length === 0) return;
  await refreshScheduleState(tx.trx, registry, residentId, today);
  const full = await tx.trx
    .selectFrom('program_enrolment')
    .selectAll()
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  await tx.written(
    ...full.map((e) =>
      writtenEnrolment(null, e, 'enrol', {
        action: 'program.enrol',
        detail: { program: e.program, by: 'age' },
      }),
    ),
  );
}

/**
 * Changes some of a resident's enrolments at once (inside the caller's change): locks them, applies `set`
 * with a new version each, and records every one with its version row, audit row and outbox event.
 */
async function changeEnrolments(
  tx: ChangeTx,
  residentId: number,
  which: { status?: 'managed'; programs?: readonly string[] },
  set: Partial<Pick<EnrolmentRow, 'status' | 'status_date' | 'village_code' | 'township_code'>>,
  kind: string,
  audit: Written['audit'],
): Promise<void> {
  if (which.programs?.length === 0) return;
  let q = tx.trx.selectFrom('program_enrolment').selectAll().where('resident_id', '=', residentId);
  if (which.status) q = q.where('status', '=', which.status);
  if (which.programs) q = q.where('program', 'in', which.programs);
  const before = await q.forUpdate().execute();
  if (before.length === 0) return;
  const after = await tx.trx
    .updateTable('program_enrolment')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where(
      'id',
      'in',
      before.map((e) => e.id),
    )
    .returningAll()
    .execute();
  const old = new Map(before.map((e) => [e.id, e]));
  await tx.written(...after.map((e) => writtenEnrolment(old.get(e.id)!, e, kind, audit)));
}

/** Archiving the resident: every managed enrolment ends with the same reason and date. */
export function closeRegisters(
  tx: ChangeTx,
  residentId: number,
  status: 'deceased' | 'moved' | 'ended',
  date: string,
): Promise<void> {
  return changeEnrolments(tx, residentId, { status: 'managed' }, { status, status_date: date }, 'status', {
    action: 'program.status',
    detail: { to: status, by: 'archive' },
  });
}

/**
 * A signed service record ends the resident's entry in a register (a death recorded on its follow-up): the
 * managed entry takes the status on the record's date, and a register a doctor keeps drops its tag.
 */
export async function exitRegister(
  tx: ChangeTx,
  registry: ProgramRegistry,
  residentId: number,
  program: string,
  exit: RegisterExit,
  serviceId: number,
): Promise<void> {
  await changeEnrolments(
    tx,
    residentId,
    { status: 'managed', programs: [program] },
    { status: exit.status, status_date: exit.date },
    'status',
    { action: 'program.status', detail: { to: exit.status, by: 'service', serviceId } },
  );
  const reg = registry.register(program);
  if (reg?.entry.by === 'doctor') await untagFor(tx, residentId, reg);
}

/** Restoring the resident: the registers entered by age take them back; the others need a doctor. */
export function reopenAgeRegisters(
  tx: ChangeTx,
  registry: ProgramRegistry,
  residentId: number,
): Promise<void> {
  return changeEnrolments(
    tx,
    residentId,
    { programs: registry.ageRegisters.map((r) => r.program) },
    { status: 'managed', status_date: countyToday() },
    'status',
    { action: 'program.status', detail: { to: 'managed', by: 'restore' } },
  );
}

/** The registers follow the resident to a new village (past service records keep theirs). */
export function moveRegisters(
  tx: ChangeTx,
  residentId: number,
  to: { townshipCode: string; villageCode: string },
): Promise<void> {
  return changeEnrolments(
    tx,
    residentId,
    {},
    { village_code: to.villageCode, township_code: to.townshipCode },
    'move',
    { action: 'program.move' },
  );
}
