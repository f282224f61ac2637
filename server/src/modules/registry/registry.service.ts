/**
 * Use cases of the resident registry. Each change runs in one transaction with its new version row and
 * its audit row; each read is audited before it is answered.
 */
import type pg from 'pg';
import { sql, type Kysely } from 'kysely';
import {
  keyTagsFor,
  namePinyin,
  formatRecordNumber,
  validateIdNumber,
  type ResidentArchiveInput,
  type ResidentCreateInput,
  type ResidentUpdateInput,
  type Lang,
  type ProgramRegistry,
} from '@jkda/domain';
import type { DB } from '../../platform/db-types.ts';
import { AppError, staleVersion, fieldError, notFound } from '../../platform/errors.ts';
import { change, type ChangeEnv, type ChangeTx } from '../../platform/change.ts';
import { countyToday } from '../../platform/today.ts';
import { assertClinicalUser, inJurisdiction, type Ctx } from '../auth/actor.ts';
import { repos } from '../../platform/repos.ts';
import type { AuditWriter } from '../audit/audit.writer.ts';
import { moveServiceRecords } from '../services/services.service.ts';
import { diffRecords } from './registry.diff.ts';
import { editableOf, type ResidentRow } from './resident.snapshot.ts';
import {
  closeRegisters,
  moveRegisters,
  registerByAge,
  reopenAgeRegisters,
} from '../enrolments/enrolments.service.ts';
import { managedPrograms } from '../enrolments/enrolments.repo.ts';
import type { Directory } from '../places/directory.ts';
import {
  countResidents,
  exportResidents,
  loadResidentView,
  scopedResidents,
  searchResidents,
} from './registry.repo.ts';
import { EXPORT_LIMIT, residentsWorkbook } from './registry.export.ts';
import type { IdCheck, ResidentListQuery, ResidentView } from './registry.schema.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { editedIdentifiers, identifierColumns, maskedChanges, sealBasicInfo } from './resident.fields.ts';

type Editable = Omit<ResidentUpdateInput, 'version'>;

const DERIVED_AGE_TAGS = new Set(['elderly', 'child']);

export { editableOf };

function normalizedId(idType: string, idNumber: string | undefined): string | null {
  if (!idNumber) return null;
  if (idType === '01') {
    // The county's date: a baby born today in the county is not "born in the future" at 01:00 Beijing time.
    const r = validateIdNumber(idNumber, { today: countyToday() });
    if (!r.ok) throw fieldError('idNumber', r.error);
    return r.info.normalized;
  }
  return idNumber.trim().toUpperCase();
}

function storedTags(input: Editable, enrolledPrograms: readonly string[] = []): string[] {
  const tags = new Set(
    keyTagsFor({
      birthDate: input.birthDate,
      basicInfo: input.basicInfo,
      manualTags: input.manualTags ?? [],
    }).filter((t) => !DERIVED_AGE_TAGS.has(t)),
  );
  // Program enrolment makes the tag too (it follows enrolment, not hand editing).
  for (const p of enrolledPrograms) tags.add(p);
  return [...tags].sort();
}

const isPgError = (e: unknown, code: string): boolean => (e as { code?: string } | null)?.code === code;

export class RegistryService {
  private readonly db: Kysely<DB>;

  constructor(
    private readonly changes: ChangeEnv,
    private readonly programs: ProgramRegistry,
    private readonly pool: pg.Pool,
    private readonly audit: AuditWriter,
    private readonly directory: Directory,
    private readonly fields: FieldCrypto,
  ) {
    this.db = changes.db;
  }

  async search(ctx: Ctx, query: ResidentListQuery) {
    const result = await searchResidents(this.db, ctx.actor, this.fields, query);
    await this.audit.record(ctx, [
      {
        action: 'resident.search',
        entityType: 'resident',
        detail: {
          queryKind: result.queryKind,
          filters: { ...query, q: undefined },
          residentIds: result.items.map((i) => i.id),
        },
      },
    ]);
    return result;
  }

  /** The exact number of matches of the list's query (no resident's data: not audited as a read). */
  async count(ctx: Ctx, query: Omit<ResidentListQuery, 'page' | 'pageSize'>): Promise<{ total: number }> {
    return { total: await countResidents(this.db, ctx.actor, this.fields, query) };
  }

  /** The filtered list as an Excel workbook (masked identifiers), audited with the exported ids. */
  async export(ctx: Ctx, query: Omit<ResidentListQuery, 'page' | 'pageSize'>, lang: Lang): Promise<Buffer> {
    const { rows, ids, overflow } = await exportResidents(
      this.db,
      ctx.actor,
      this.fields,
      query,
      EXPORT_LIMIT,
    );
    if (overflow) throw new AppError(400, 'export_too_large', [], { limit: EXPORT_LIMIT });
    await this.audit.record(ctx, [
      {
        action: 'resident.export',
        entityType: 'resident',
        fields: ['name', 'sex', 'birthDate', 'idNumberMasked', 'phoneMasked', 'currentAddress'],
        detail: { count: ids.length, filters: { ...query, q: undefined }, residentIds: ids },
      },
    ]);
    return residentsWorkbook(rows, lang);
  }

  async get(ctx: Ctx, id: number): Promise<ResidentView> {
    const view = await loadResidentView(this.pool, ctx.actor, id, this.directory, this.fields);
    if (!view) {
      await this.audit.record(ctx, [
        { action: 'resident.read', entityType: 'resident', entityId: id, outcome: 'denied' },
      ]);
      throw notFound();
    }
    await this.audit.record(ctx, [
      {
        action: 'resident.read',
        entityType: 'resident',
        entityId: id,
        residentId: id,
        countyCode: view.countyCode,
        fields: ['idNumber', 'phone', 'basicInfo'],
      },
    ]);
    return view;
  }

  async create(ctx: Ctx, input: ResidentCreateInput): Promise<ResidentView> {
    const { actor } = ctx;
    const village = await this.assertVillage(ctx, input.villageCode);
    const idNumber = normalizedId(input.idType, input.idNumber);
    if (idNumber) await this.assertIdFree(ctx, village.county_code, idNumber, null);
    else if (!input.confirmPossibleDuplicate)
      await this.warnPossibleDuplicate(ctx, village.county_code, input);
    if (input.responsibleDoctorId)
      await assertClinicalUser(this.db, ctx, input.responsibleDoctorId, 'responsibleDoctorId');

    const py = namePinyin(input.name);
    try {
      const id = await change(this.changes, ctx, async (tx) => {
        const trx = tx.trx;
        const seq = await allocateSequence(trx, input.villageCode, village.county_code);
        // Checked after taking the number on purpose: a failure rolls the number back, leaving no gap.
        if (input.householdId)
          await this.assertHousehold(trx, ctx, input.householdId, input.relationToHead, null);
        const row = await trx
          .insertInto('resident')
          .values({
            county_code: village.county_code,
            township_code: village.township_code,
            village_code: input.villageCode,
            record_number: formatRecordNumber(input.villageCode, seq),
            name: input.name,
            name_pinyin: py.full,
            name_initials: py.initials,
            sex: input.sex,
            birth_date: input.birthDate,
            id_type: input.idType,
            ...identifierColumns(this.fields, idNumber, input.phone),
            household_id: input.householdId ?? null,
            relation_to_head: input.relationToHead ?? null,
            key_tags: storedTags(input),
            institution_id: actor.institutionId,
            responsible_doctor_id: input.responsibleDoctorId ?? null,
            created_by: actor.userId,
            record_date: input.recordDate ?? countyToday(),
            current_address: input.currentAddress,
            registered_address: input.registeredAddress ?? null,
            basic_info: JSON.stringify(sealBasicInfo(this.fields, input.basicInfo)),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (input.householdId && input.relationToHead === '02') {
          await trx
            .updateTable('household')
            .set({ head_resident_id: row.id })
            .where('id', '=', input.householdId)
            .execute();
        }
        const snapshot = editableOf(row);
        await tx.written({
          entity: 'resident',
          id: row.id,
          version: 1,
          countyCode: row.county_code,
          villageCode: row.village_code,
          residentId: row.id,
          kind: 'create',
          changes: diffRecords({}, snapshot),
          snapshot,
          audit: {
            action: 'resident.create',
            fields: Object.keys(snapshot).filter((k) => snapshot[k] !== undefined),
          },
        });
        // Old enough: into the registers entered by age at once (the daily sweep takes in those who age in).
        await registerByAge(tx, this.programs, row.id);
        return row.id;
      });
      const view = await loadResidentView(this.pool, actor, id, this.directory, this.fields);
      if (!view) throw notFound();
      return view;
    } catch (e) {
      if (isPgError(e, '23505') && idNumber)
        await this.assertIdFree(ctx, village.county_code, idNumber, null);
      if (isPgError(e, '23514')) throw new AppError(409, 'record_numbers_exhausted');
      throw e;
    }
  }

  async update(ctx: Ctx, id: number, input: ResidentUpdateInput): Promise<ResidentView> {
    const { actor } = ctx;
    const { version, ...fields } = input;
    const idNumber = normalizedId(input.idType, input.idNumber);
    const village = await this.assertVillage(ctx, input.villageCode);
    if (input.responsibleDoctorId)
      await assertClinicalUser(this.db, ctx, input.responsibleDoctorId, 'responsibleDoctorId');
    if (idNumber) await this.assertIdFree(ctx, village.county_code, idNumber, id);
    try {
      await change(this.changes, ctx, async (tx) => {
        const trx = tx.trx;
        const current = await this.lockForChange(trx, ctx, id, version);
        if (current.status === 'archived') throw new AppError(409, 'archived_record');
        if (input.householdId && input.householdId !== current.household_id)
          await this.assertHousehold(trx, ctx, input.householdId, input.relationToHead, id);
        const py = namePinyin(input.name);
        const { basic_info, ...identifiers } = editedIdentifiers(
          this.fields,
          current,
          idNumber,
          input.phone,
          input.basicInfo,
        );
        const updated = await trx
          .updateTable('resident')
          .set({
            township_code: village.township_code,
            village_code: input.villageCode,
            name: input.name,
            name_pinyin: py.full,
            name_initials: py.initials,
            sex: input.sex,
            birth_date: input.birthDate,
            id_type: input.idType,
            ...identifiers,
            household_id: input.householdId ?? null,
            relation_to_head: input.relationToHead ?? null,
            key_tags: storedTags(fields, await managedPrograms(tx.trx, id)),
            responsible_doctor_id: input.responsibleDoctorId ?? null,
            record_date: input.recordDate ?? current.record_date,
            current_address: input.currentAddress,
            registered_address: input.registeredAddress ?? null,
            basic_info: JSON.stringify(basic_info),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await this.writeVersion(tx, current, updated, 'update');
        // The registers and the service records follow the resident to the new village.
        if (current.village_code !== updated.village_code) {
          const to = { townshipCode: updated.township_code, villageCode: updated.village_code };
          await moveRegisters(tx, id, to);
          await moveServiceRecords(tx, id, to);
        }
        if (current.birth_date !== updated.birth_date) await registerByAge(tx, this.programs, id);
      });
    } catch (e) {
      if (isPgError(e, '23505') && idNumber) await this.assertIdFree(ctx, village.county_code, idNumber, id);
      throw e;
    }
    return (
      (await loadResidentView(this.pool, actor, id, this.directory, this.fields)) ??
      Promise.reject(notFound())
    );
  }

  async archive(ctx: Ctx, id: number, input: ResidentArchiveInput): Promise<ResidentView> {
    await change(this.changes, ctx, async (tx) => {
      const current = await this.lockForChange(tx.trx, ctx, id, input.version);
      if (current.status === 'archived') throw new AppError(409, 'archived_record');
      if (input.date < current.birth_date) throw fieldError('date', 'record_before_birth');
      const updated = await tx.trx
        .updateTable('resident')
        .set({
          status: 'archived',
          archive_reason: input.reason,
          archive_date: input.date,
          archive_note: input.note ?? null,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.writeVersion(tx, current, updated, 'archive');
      // The registers stop managing the resident, with the same reason and date (re-enrol after a restore).
      const status =
        input.reason === 'deceased' ? 'deceased' : input.reason === 'moved_out' ? 'moved' : 'ended';
      await closeRegisters(tx, id, status, input.date);
    });
    return (
      (await loadResidentView(this.pool, ctx.actor, id, this.directory, this.fields)) ??
      Promise.reject(notFound())
    );
  }

  async restore(ctx: Ctx, id: number, version: number): Promise<ResidentView> {
    await change(this.changes, ctx, async (tx) => {
      const current = await this.lockForChange(tx.trx, ctx, id, version);
      if (current.status !== 'archived') return;
      const updated = await tx.trx
        .updateTable('resident')
        .set({ status: 'active', archive_reason: null, archive_date: null, archive_note: null })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.writeVersion(tx, current, updated, 'restore');
      // The registers entered by age take the resident back; the others need a doctor.
      await reopenAgeRegisters(tx, this.programs, id);
    });
    return (
      (await loadResidentView(this.pool, ctx.actor, id, this.directory, this.fields)) ??
      Promise.reject(notFound())
    );
  }

  async history(ctx: Ctx, id: number) {
    const exists = await scopedResidents(this.db, ctx.actor)
      .select('r.id')
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!exists) throw notFound();
    const rows = await this.db
      .selectFrom('resident_version as h')
      .leftJoin('app_user as u', 'u.id', 'h.changed_by')
      .select(['h.version', 'h.action', 'h.changed_at', 'h.changed_by', 'u.display_name', 'h.changes'])
      .where('h.resident_id', '=', id)
      .orderBy('h.version', 'desc')
      .execute();
    await this.audit.record(ctx, [
      { action: 'resident.history', entityType: 'resident', entityId: id, residentId: id },
    ]);
    return rows.map((r) => ({
      version: r.version,
      action: r.action,
      changedAt: r.changed_at.toISOString(),
      changedBy: r.changed_by ? { id: r.changed_by, name: r.display_name ?? '' } : null,
      changes: maskedChanges(this.fields, r.changes),
    }));
  }

  // ---- helpers ----

  private async lockForChange(trx: Kysely<DB>, ctx: Ctx, id: number, version: number): Promise<ResidentRow> {
    const current = await scopedResidents(trx, ctx.actor)
      .selectAll('r')
      .where('r.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== version) throw staleVersion(current.version, version);
    return current;
  }

  private async writeVersion(
    tx: ChangeTx,
    before: ResidentRow,
    after: ResidentRow,
    kind: string,
  ): Promise<void> {
    const changes = diffRecords(editableOf(before), editableOf(after));
    if (changes.length === 0) return;
    const version = before.version + 1;
    await tx.trx
      .updateTable('resident')
      .set({ version, updated_at: new Date() })
      .where('id', '=', after.id)
      .execute();
    await tx.written({
      entity: 'resident',
      id: after.id,
      version,
      countyCode: after.county_code,
      villageCode: after.village_code,
      residentId: after.id,
      kind,
      changes,
      snapshot: editableOf(after),
      audit: { action: `resident.${kind}`, fields: changes.map((c) => c.field) },
    });
  }

  private async assertVillage(ctx: Ctx, villageCode: string) {
    const village = await this.db
      .selectFrom('area as a')
      .innerJoin('area as t', 't.code', 'a.parent_code')
      .innerJoin('deployment_county as d', 'd.county_code', 'a.county_code')
      .select(['a.code', 't.code as township_code', 'a.county_code'])
      .where('a.code', '=', villageCode)
      .where('a.level', '=', 'village')
      .executeTakeFirst();
    if (!village || !village.county_code || !inJurisdiction(ctx.actor.jurisdiction, villageCode))
      throw fieldError('villageCode', 'not_in_jurisdiction');
    return { township_code: village.township_code, county_code: village.county_code };
  }

  /**
   * The ID number checked as soon as it is typed, before the rest of a new record (the user's county): who
   * holds a record with it. Answered as the save would refuse it, and audited the same way.
   */
  async checkIdNumber(ctx: Ctx, input: { idType: string; idNumber: string }): Promise<IdCheck> {
    const idNumber = normalizedId(input.idType, input.idNumber);
    if (!idNumber) return { status: 'free' };
    return this.idHolder(ctx, ctx.actor.countyCode, idNumber, null);
  }

  /** 409 when the ID number has a record: a pointer to it inside the jurisdiction, its institution outside. */
  private async assertIdFree(
    ctx: Ctx,
    countyCode: string,
    idNumber: string,
    selfId: number | null,
  ): Promise<void> {
    const holder = await this.idHolder(ctx, countyCode, idNumber, selfId);
    if (holder.status === 'here')
      throw new AppError(409, 'duplicate_id_number', [{ field: 'idNumber', code: 'duplicate_id_number' }], {
        existing: { id: holder.id, recordNumber: holder.recordNumber },
      });
    if (holder.status === 'elsewhere')
      throw new AppError(
        409,
        'duplicate_id_number_elsewhere',
        [{ field: 'idNumber', code: 'duplicate_id_number' }],
        { institution: holder.institution },
      );
  }

  /**
   * Who holds a record with the number in the county (other than `selfId`). Whether a number is on file is
   * itself a fact about that resident: a hit lands in the resident's audit view, with who asked and whether
   * the record was theirs to see. Outside the jurisdiction only the holding institution's name is told.
   */
  private async idHolder(
    ctx: Ctx,
    countyCode: string,
    idNumber: string,
    selfId: number | null,
  ): Promise<IdCheck> {
    const existing = await this.db
      .selectFrom('resident as r')
      .leftJoin('institution as i', 'i.id', 'r.institution_id')
      .select(['r.id', 'r.record_number', 'r.village_code', 'i.name as institution'])
      .where('r.county_code', '=', countyCode)
      .where('r.id_number_bi', '=', this.fields.blindIndex('id', idNumber))
      .executeTakeFirst();
    if (!existing || existing.id === selfId) return { status: 'free' };
    const visible = inJurisdiction(ctx.actor.jurisdiction, existing.village_code);
    // Whether a number is on file anywhere in the county is itself a fact about that resident: the
    // refusal lands in the resident's audit view, who asked and whether the record was theirs to see.
    await this.audit.record(ctx, [
      {
        action: 'resident.duplicate_check',
        entityType: 'resident',
        entityId: existing.id,
        residentId: existing.id,
        outcome: 'denied',
        detail: { inJurisdiction: visible },
      },
    ]);
    return visible
      ? { status: 'here', id: existing.id, recordNumber: existing.record_number }
      : { status: 'elsewhere', institution: existing.institution ?? '' };
  }

  private async warnPossibleDuplicate(
    ctx: Ctx,
    countyCode: string,
    input: ResidentCreateInput,
  ): Promise<void> {
    const rows = await this.db
      .selectFrom('resident as r')
      .leftJoin('area as v', 'v.code', 'r.village_code')
      .select(['r.id', 'r.record_number', 'r.name', 'r.village_code', 'v.name as village_name'])
      .where('r.county_code', '=', countyCode)
      .where('r.name', '=', input.name)
      .where('r.birth_date', '=', input.birthDate)
      .where('r.sex', '=', input.sex)
      .limit(20)
      .execute();
    if (rows.length === 0) return;
    const visible = rows.filter((r) => inJurisdiction(ctx.actor.jurisdiction, r.village_code));
    await this.audit.record(ctx, [
      {
        action: 'resident.duplicate_check',
        entityType: 'resident',
        outcome: 'ok',
        detail: { residentIds: rows.map((r) => r.id), kind: 'name_birth_sex' },
      },
    ]);
    throw new AppError(409, 'possible_duplicate', [], {
      candidates: visible.map((r) => ({
        id: r.id,
        recordNumber: r.record_number,
        name: r.name,
        villageName: r.village_name ?? '',
      })),
      elsewhere: rows.length - visible.length,
    });
  }

  private async assertHousehold(
    trx: Kysely<DB>,
    ctx: Ctx,
    householdId: number,
    relation: string | undefined,
    residentId: number | null,
  ): Promise<void> {
    const h = await repos(trx, ctx.actor)
      .households()
      .select(['h.id', 'h.head_resident_id'])
      .where('h.id', '=', householdId)
      .where('h.status', '=', 'active')
      .forUpdate()
      .executeTakeFirst();
    if (!h) throw fieldError('householdId', 'household_not_found');
    if (relation === '02' && h.head_resident_id !== null && h.head_resident_id !== residentId)
      throw fieldError('relationToHead', 'head_exists');
  }
}

/**
 * Next record sequence number of a village, inside the caller's transaction: the counter row stays
 * locked until commit, so concurrent creations get consecutive numbers and a rollback leaves no gap.
 */
export async function allocateSequence(
  trx: Kysely<DB>,
  villageCode: string,
  countyCode: string,
): Promise<number> {
  const { rows } = await sql<{ last_seq: number }>`
    INSERT INTO record_number_counter (village_code, county_code, last_seq) VALUES (${villageCode}, ${countyCode}, 1)
    ON CONFLICT (village_code) DO UPDATE SET last_seq = record_number_counter.last_seq + 1
    RETURNING last_seq`.execute(trx);
  return rows[0]!.last_seq;
}
