/**
 * Service records of every type on one envelope: record (draft or signed), sign, amend (a new version, the
 * old one kept), read and list. What a type's form holds and which rules it runs come from the program
 * registry; every write goes through change() and keeps the registers' worklist state in step.
 */
import type { Kysely } from 'kysely';
import type {
  HistoryRecord,
  ProgramRegistry,
  ServiceRecordAmend,
  ServiceRecordCreate,
  VisitRecordCreate,
} from '@jkda/domain';
import type { DB } from '../../platform/db-types.ts';
import { change, type ChangeEnv, type ChangeTx, type Written } from '../../platform/change.ts';
import { AppError, fieldError, notFound, prefixFields, type FieldError } from '../../platform/errors.ts';
import { repos, type Repos } from '../../platform/repos.ts';
import { countyToday } from '../../platform/today.ts';
import type { Ctx } from '../auth/actor.ts';
import type { AuditWriter } from '../audit/audit.writer.ts';
import { diffRecords } from '../registry/registry.diff.ts';
import { enrolmentsOf, managedPrograms, type EnrolmentRow } from '../enrolments/enrolments.repo.ts';
import { enrolmentView, exitRegister } from '../enrolments/enrolments.service.ts';
import { refreshStateAfter } from '../enrolments/enrolments.state.ts';
import {
  draftsOf,
  findService,
  hasRecordOfType,
  historyOf,
  lockService,
  previousClassification,
  servicesOf,
  type ServiceRow,
} from './services.repo.ts';
import type { DraftList, ServiceList, ServiceRecordView } from './services.schema.ts';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

function view(s: ServiceRow): ServiceRecordView {
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

const snapshotOf = (s: { serviceDate: string; delivery: string; form: unknown }) => ({
  serviceDate: s.serviceDate,
  delivery: s.delivery,
  form: s.form,
});

/** What the change pipeline keeps of a written service record: its version row, audit row and event. */
function writtenService(
  s: ServiceRow,
  kind: string,
  changes: ReturnType<typeof diffRecords>,
  reason: string | null,
  audit: Written['audit'],
): Written {
  return {
    entity: 'service_record',
    id: s.id,
    version: s.version,
    countyCode: s.county_code,
    villageCode: s.village_code,
    residentId: s.resident_id,
    kind,
    changes,
    snapshot: snapshotOf({ serviceDate: s.service_date, delivery: s.delivery, form: s.form }),
    reason,
    audit,
  };
}

/**
 * The resident moved to another village: their service records go with them, in the same change, so the
 * new village's doctor can open every record the resident's page lists and the old village's cannot (the
 * records' scope columns are what the repository filters by). A version row for each says where it moved.
 */
export async function moveServiceRecords(
  tx: ChangeTx,
  residentId: number,
  to: { townshipCode: string; villageCode: string },
): Promise<void> {
  const before = await tx.trx
    .selectFrom('service_record')
    .select(['id', 'village_code'])
    .where('resident_id', '=', residentId)
    .where('village_code', '!=', to.villageCode)
    .forUpdate()
    .execute();
  if (before.length === 0) return;
  const from = new Map(before.map((r) => [r.id, r.village_code]));
  const after = await tx.trx
    .updateTable('service_record')
    .set((eb) => ({
      village_code: to.villageCode,
      township_code: to.townshipCode,
      version: eb('version', '+', 1),
    }))
    .where(
      'id',
      'in',
      before.map((r) => r.id),
    )
    .returningAll()
    .execute();
  await tx.written(
    ...after.map((r) =>
      writtenService(
        r,
        'move',
        diffRecords({ villageCode: from.get(r.id) }, { villageCode: r.village_code }),
        null,
        { action: 'service.move', detail: { from: from.get(r.id), to: r.village_code } },
      ),
    ),
  );
}

export class ServicesService {
  constructor(
    private readonly env: ChangeEnv,
    private readonly registry: ProgramRegistry,
    private readonly audit: AuditWriter,
  ) {}

  /** Validates a form by its type's schema and rules; errors refuse it, warnings travel with the record. */
  private async evaluate(
    trx: Kysely<DB>,
    r: { id: number; birth_date: string; sex: string },
    type: string,
    input: { serviceDate: string; delivery: ServiceRecordCreate['delivery']; form: Record<string, unknown> },
    excludeId: number | null,
    scoped: Repos,
  ) {
    const def = this.registry.serviceType(type);
    if (!def) throw fieldError('type', 'invalid_value');
    const ctx = {
      birthDate: r.birth_date,
      sex: r.sex,
      serviceDate: input.serviceDate,
      previousClassification: null as string | null,
      history: undefined as HistoryRecord[] | undefined,
      registers: await managedPrograms(trx, r.id),
      delivery: input.delivery,
    };
    if (def.usesHistory?.length) ctx.history = await historyOf(trx, r.id, def.usesHistory, excludeId);
    if (def.usesPrevious)
      ctx.previousClassification = await previousClassification(
        trx,
        r.id,
        type,
        input.serviceDate,
        excludeId,
      );
    // The schema's issues refuse the form before anything else; then the dates; then the type's rules.
    const checked = this.registry.checkForm(type, input.form, ctx);
    if (!checked.form) throw new AppError(400, 'validation_failed', checked.errors);
    if (input.serviceDate > countyToday()) throw fieldError('serviceDate', 'date_future');
    if (input.serviceDate < r.birth_date) throw fieldError('serviceDate', 'record_before_birth');
    const errors = [...checked.errors];
    for (const link of def.links ?? []) {
      const target = checked.form[link.field];
      if (typeof target === 'number' && !(await hasRecordOfType(trx, r.id, link.type, target)))
        errors.push({ field: `form.${link.field}`, code: link.code });
    }
    const linked = def.residentLinks?.(checked.form) ?? [];
    if (linked.length) {
      // Another resident named by the form must be a record the user may see (the repository scopes it).
      const seen = await scoped.residents().select('r.id').where('r.id', 'in', linked).execute();
      const found = new Set(seen.map((x) => x.id));
      for (const id of linked)
        if (!found.has(id)) errors.push({ field: 'form', code: 'linked_resident_unknown' });
    }
    if (errors.length) throw new AppError(400, 'validation_failed', errors);
    return {
      form: checked.form,
      warnings: checked.warnings,
      values: checked.values,
      countsFor: checked.countsFor,
    };
  }

  private columns(e: Awaited<ReturnType<ServicesService['evaluate']>>) {
    return {
      form: JSON.stringify(e.form),
      sbp: e.values.sbp,
      dbp: e.values.dbp,
      fasting_glucose: e.values.fastingGlucose,
      weight_kg: e.values.weightKg,
      classification: e.values.classification,
      next_visit_date: e.values.nextVisitDate,
      next_action: e.values.nextAction,
      warnings: JSON.stringify(e.warnings),
      counts_for: e.countsFor,
      took_place: e.values.tookPlace !== false,
    };
  }

  /** Records a service (draft, or signed at once). Answers the record with the rules' warnings. */
  async record(ctx: Ctx, residentId: number, input: ServiceRecordCreate): Promise<ServiceRecordView> {
    if (!this.registry.serviceType(input.type)) throw fieldError('type', 'invalid_value');
    const row = await change(this.env, ctx, async (tx) => {
      const r = await tx.lockResident(residentId);
      if (r.status !== 'active') throw new AppError(409, 'archived_record');
      return this.insert(tx, ctx, r, input, {});
    });
    return view(row);
  }

  /**
   * Records the services of one visit (a patient of two registers seen once): one record of each type, all
   * with the visit's date and delivery, in one change: all are saved, or none. A record's field problems come
   * back under `records.<i>.` (records.1.form.fastingGlucose).
   */
  async recordVisit(ctx: Ctx, residentId: number, input: VisitRecordCreate): Promise<ServiceRecordView[]> {
    input.records.forEach((x, i) => {
      if (!this.registry.serviceType(x.type)) throw fieldError(`records.${i}.type`, 'invalid_value');
    });
    const rows = await change(this.env, ctx, async (tx) => {
      const r = await tx.lockResident(residentId);
      if (r.status !== 'active') throw new AppError(409, 'archived_record');
      const out: ServiceRow[] = [];
      const { serviceDate, delivery, sign } = input;
      for (const [i, x] of input.records.entries()) {
        try {
          const one = { type: x.type, form: x.form, serviceDate, delivery, sign };
          out.push(await this.insert(tx, ctx, r, one, { visitOf: input.records.length }));
        } catch (e) {
          throw e instanceof AppError ? prefixFields(e, `records.${i}.`, ['serviceDate', 'delivery']) : e;
        }
      }
      return out;
    });
    return rows.map(view);
  }

  /** One record's checks and row inside a change (record, recordVisit). */
  private async insert(
    tx: ChangeTx,
    ctx: Ctx,
    r: Awaited<ReturnType<ChangeTx['lockResident']>>,
    input: ServiceRecordCreate,
    extra: { visitOf?: number },
  ): Promise<ServiceRow> {
    const def = this.registry.serviceType(input.type)!;
    const evaluation = await this.evaluate(tx.trx, r, input.type, input, null, tx.repos);
    if (def.register) await this.assertManaged(tx, r.id, def.register);
    const s = await tx.trx
      .insertInto('service_record')
      .values({
        county_code: r.county_code,
        township_code: r.township_code,
        village_code: r.village_code,
        resident_id: r.id,
        type: input.type,
        service_date: input.serviceDate,
        institution_id: ctx.actor.institutionId,
        staff_user_id: ctx.actor.userId,
        delivery: input.delivery,
        status: input.sign ? 'signed' : 'draft',
        signed_at: input.sign ? new Date() : null,
        ...this.columns(evaluation),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.sign) await this.afterSigned(tx, s);
    await this.written(tx, s, input.sign ? 'create_signed' : 'create', [], null, {
      action: 'service.create',
      detail: { type: input.type, signed: input.sign, ...(extra.visitOf ? { visitOf: extra.visitOf } : {}) },
    });
    return s;
  }

  async sign(ctx: Ctx, id: number, version: number): Promise<ServiceRecordView> {
    const row = await change(this.env, ctx, async (tx) => {
      const s = await lockService(tx.repos, id, version);
      if (s.status === 'signed') return s;
      await this.assertSignable(tx, ctx, s, await tx.lockResident(s.resident_id));
      const after = await tx.trx
        .updateTable('service_record')
        .set({ status: 'signed', signed_at: new Date(), version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.afterSigned(tx, after);
      await this.written(tx, after, 'sign', [], null, { action: 'service.sign' });
      return after;
    });
    return view(row);
  }

  /**
   * Amends a record: a new version with the changed fields; the old one stays in the history. With `sign`, a
   * draft finished is signed in the same change (one call, one version).
   */
  async amend(ctx: Ctx, id: number, input: ServiceRecordAmend): Promise<ServiceRecordView> {
    const row = await change(this.env, ctx, async (tx) => {
      const s = await lockService(tx.repos, id, input.version);
      const r = await tx.lockResident(s.resident_id);
      const evaluation = await this.evaluate(tx.trx, r, s.type, input, id, tx.repos);
      const before = snapshotOf({ serviceDate: s.service_date, delivery: s.delivery, form: s.form });
      const after = snapshotOf({
        serviceDate: input.serviceDate,
        delivery: input.delivery,
        form: evaluation.form,
      });
      const changes = diffRecords(before, after);
      const signNow = input.sign === true && s.status === 'draft';
      if (signNow) await this.assertSignable(tx, ctx, s, r);
      if (changes.length === 0 && !signNow) return s;
      const updated = await tx.trx
        .updateTable('service_record')
        .set({
          service_date: input.serviceDate,
          delivery: input.delivery,
          ...this.columns(evaluation),
          ...(signNow ? { status: 'signed' as const, signed_at: new Date() } : {}),
          version: input.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (updated.status === 'signed') await this.afterSigned(tx, updated);
      await this.written(tx, updated, signNow ? 'sign' : 'amend', changes, input.reason ?? null, {
        action: signNow ? 'service.sign' : 'service.amend',
        fields: changes.map((c) => c.field),
        // Values changed as it was signed: the sign row says so (a search for amendments finds it by this).
        ...(signNow && changes.length > 0 ? { detail: { amended: true } } : {}),
      });
      return updated;
    });
    return view(row);
  }

  /**
   * A draft is signed by the one who wrote it (the signature is theirs: the record names them), while the
   * resident's record is open and, for a register's type, the resident is still managed in it.
   */
  private async assertSignable(
    tx: ChangeTx,
    ctx: Ctx,
    s: ServiceRow,
    r: Awaited<ReturnType<ChangeTx['lockResident']>>,
  ): Promise<void> {
    if (s.staff_user_id !== ctx.actor.userId) throw new AppError(403, 'draft_not_yours');
    if (r.status !== 'active') throw new AppError(409, 'archived_record');
    const register = this.registry.serviceType(s.type)?.register;
    if (register) await this.assertManaged(tx, r.id, register);
  }

  /** The resident is managed in the register now (a register's type is recorded or signed only then). */
  private async assertManaged(tx: ChangeTx, residentId: number, register: string): Promise<void> {
    const enrolled = await tx.repos
      .enrolments()
      .select('e.id')
      .where('e.resident_id', '=', residentId)
      .where('e.program', '=', register)
      .where('e.status', '=', 'managed')
      .executeTakeFirst();
    if (!enrolled) throw fieldError('type', 'not_enrolled');
  }

  /**
   * What a signed record changes beside itself, in its transaction: the register's worklist state, and the
   * register entry when the form ends it (a death recorded on a follow-up).
   */
  private async afterSigned(tx: ChangeTx, s: ServiceRow): Promise<void> {
    const def = this.registry.serviceType(s.type);
    const exit = def?.register ? (def.registerExit?.(s.form, s.service_date) ?? null) : null;
    if (exit && def?.register) await exitRegister(tx, this.registry, s.resident_id, def.register, exit, s.id);
    await refreshStateAfter(tx.trx, this.registry, s.resident_id, s.type, countyToday());
  }

  private written(
    tx: ChangeTx,
    s: ServiceRow,
    kind: string,
    changes: ReturnType<typeof diffRecords>,
    reason: string | null,
    audit: Written['audit'],
  ) {
    return tx.written(writtenService(s, kind, changes, reason, audit));
  }

  async get(ctx: Ctx, id: number): Promise<ServiceRecordView> {
    const s = await findService(repos(this.env.db, ctx.actor), id);
    if (!s) throw notFound();
    await this.audit.record(ctx, [
      {
        action: 'service.read',
        entityType: 'service_record',
        entityId: id,
        residentId: s.resident_id,
        countyCode: s.county_code,
      },
    ]);
    return view(s);
  }

  /** The plan of each managed entry of a register whose schedule plans, from its signed records. */
  private async plansOf(
    resident: { id: number; birth_date: string; sex: string },
    enrolments: readonly EnrolmentRow[],
    today: string,
  ): Promise<ServiceList['plans']> {
    const planned = enrolments.flatMap((e) => {
      const schedule = e.status === 'managed' ? this.registry.register(e.program)?.schedule : undefined;
      return schedule?.plan ? [{ e, schedule, plan: schedule.plan }] : [];
    });
    if (planned.length === 0) return [];
    const types = [...new Set(planned.flatMap((p) => p.schedule.types))];
    const records = await historyOf(this.env.db, resident.id, types, null, { tookPlace: true });
    return planned.map(({ e, schedule, plan }) => ({
      program: e.program,
      services: plan({
        birthDate: resident.birth_date,
        sex: resident.sex,
        enrolledOn: e.enrolled_on,
        records: records.filter((x) => schedule.types.includes(x.type)),
        on: today,
      }),
    }));
  }

  /** The residents the signed records of the resident name (residentLinks) that the user may see. */
  private async linkedOf(r: Repos, residentId: number): Promise<ServiceList['linked']> {
    const types = this.registry.serviceTypes.filter(
      (t) => this.registry.serviceType(t)?.residentLinks !== undefined,
    );
    const records = await historyOf(this.env.db, residentId, types, null);
    const links = records.flatMap((x) =>
      (this.registry.serviceType(x.type)?.residentLinks?.(x.form) ?? []).map((id) => ({ record: x, id })),
    );
    if (links.length === 0) return [];
    const names = await r
      .residents()
      .select(['r.id', 'r.name'])
      .where(
        'r.id',
        'in',
        links.map((l) => l.id),
      )
      .execute();
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return links.flatMap(({ record, id }) =>
      nameOf.has(id)
        ? [
            {
              serviceId: record.id,
              type: record.type,
              serviceDate: record.serviceDate,
              residentId: id,
              name: nameOf.get(id)!,
            },
          ]
        : [],
    );
  }

  /**
   * The signed-in user's unsigned records in their jurisdiction (the workbench's "drafts to finish"): a list
   * that names residents, so audited as a read of each.
   */
  async drafts(ctx: Ctx, limit: number): Promise<DraftList> {
    const { rows, total } = await draftsOf(repos(this.env.db, ctx.actor), ctx.actor.userId, limit);
    await this.audit.record(ctx, [
      { action: 'service.drafts', detail: { residentIds: [...new Set(rows.map((d) => d.resident_id))] } },
    ]);
    return {
      total,
      items: rows.map((d) => ({
        id: d.id,
        residentId: d.resident_id,
        name: d.name,
        type: d.type,
        serviceDate: d.service_date,
        version: d.version,
        updatedAt: d.updated_at.toISOString(),
      })),
    };
  }

  async listForResident(ctx: Ctx, residentId: number): Promise<ServiceList> {
    const r = repos(this.env.db, ctx.actor);
    const resident = await r
      .residents()
      .select(['r.id', 'r.birth_date', 'r.sex'])
      .where('r.id', '=', residentId)
      .executeTakeFirst();
    if (!resident) throw notFound();
    const rows = await servicesOf(this.env.db, residentId);
    const enrolments = await enrolmentsOf(r, residentId);
    const today = countyToday();
    const plans = await this.plansOf(resident, enrolments, today);
    const linked = await this.linkedOf(r, residentId);
    await this.audit.record(ctx, [
      { action: 'service.list', entityType: 'resident', entityId: residentId, residentId },
      // The names of the records linked are a read of those records.
      ...[...new Set(linked.map((l) => l.residentId))].map((id) => ({
        action: 'resident.linked',
        entityType: 'resident',
        entityId: id,
        residentId: id,
      })),
    ]);
    return {
      plans,
      linked,
      enrolments: enrolments.map((e) => enrolmentView(e, today)),
      items: rows.map((s) => ({
        id: s.id,
        type: s.type,
        serviceDate: s.service_date,
        delivery: s.delivery,
        status: s.status,
        version: s.version,
        sbp: s.sbp,
        dbp: s.dbp,
        fastingGlucose: num(s.fasting_glucose),
        weightKg: num(s.weight_kg),
        classification: s.classification,
        nextVisitDate: s.next_visit_date,
        nextAction: s.next_action,
        staffUserId: s.staff_user_id,
      })),
    };
  }
}
