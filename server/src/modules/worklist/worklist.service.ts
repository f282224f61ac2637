/**
 * Who is due, for a doctor, a village or a township: the managed patients of a register with their last
 * follow-up, sorted by due date, with counts by category (overdue, due within 7 days, fewer follow-ups this
 * year than the register asks, no annual check this calendar year). Audited like every read of resident data.
 */
import {
  ageOn,
  daysBetween,
  addDays,
  maskAddress,
  maskPhone,
  type Lang,
  type ProgramRegistry,
  type WorklistCategory,
} from '@jkda/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { fieldError } from '../../platform/errors.ts';
import { repos } from '../../platform/repos.ts';
import { countyToday } from '../../platform/today.ts';
import type { Ctx } from '../auth/actor.ts';
import type { AuditWriter } from '../audit/audit.writer.ts';
import type { Directory } from '../places/directory.ts';
import { worklistCounts, worklistQuery } from './worklist.repo.ts';
import type {
  Worklist,
  WorklistQuery,
  WorklistRow,
  WorklistSummary,
  WorklistSummaryQuery,
} from './worklist.schema.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { WORKLIST_EXPORT_LIMIT, worklistWorkbook } from './worklist.export.ts';

export class WorklistService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly registry: ProgramRegistry,
    private readonly audit: AuditWriter,
    private readonly directory: Directory,
    private readonly fields: FieldCrypto,
  ) {}

  private registerOf(program: string) {
    const reg = this.registry.register(program);
    if (!reg) throw fieldError('program', 'invalid_value');
    return reg;
  }

  async worklist(ctx: Ctx, q: WorklistQuery): Promise<Worklist> {
    const { counts, rows } = await this.rows(ctx, q);
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

  /**
   * The counts of every register's list for a village, township or doctor (the workbench). Counts are no
   * resident's data: nothing is audited, and the lists they lead to are.
   */
  async summary(ctx: Ctx, q: WorklistSummaryQuery): Promise<WorklistSummary> {
    const r = repos(this.db, ctx.actor);
    const today = countyToday();
    const registers = [];
    for (const register of this.registry.registers)
      registers.push({ program: register.program, counts: await worklistCounts(r, register, q, today) });
    return { registers };
  }

  /** The worklist as an Excel sheet for a day of home visits (audited like the list). */
  async export(ctx: Ctx, q: WorklistQuery, lang: Lang): Promise<Buffer> {
    const register = this.registerOf(q.program);
    const { rows } = await this.rows(ctx, { ...q, limit: WORKLIST_EXPORT_LIMIT, offset: 0 });
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
      rows.map((r) => ({
        ...r,
        villageName: names.get(r.villageCode) || r.villageCode,
        // A scheduled service prints what is due and its window: 6月龄健康检查 2026-07-10~2026-08-09.
        dueDate:
          r.dueKey && register.schedule
            ? `${register.schedule.dueWords(r.dueKey, lang)} ${r.dueDate}~${r.dueBy ?? ''}`
            : r.dueDate,
      })),
      register.worklistTitle,
      lang,
    );
  }

  private async rows(
    ctx: Ctx,
    q: WorklistQuery,
  ): Promise<{ counts: Worklist['counts']; rows: WorklistRow[] }> {
    const register = this.registerOf(q.program);
    const today = countyToday();
    const weekEnd = addDays(today, 7);
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const { counts, rows } = await worklistQuery(repos(this.db, ctx.actor), register, q, today);
    const shown = new Set(register.worklist);
    return {
      counts,
      rows: rows.map((x) => {
        // A scheduled service is overdue after its window (due_by); the others after their due date.
        const deadline = x.due_by ?? x.due_date;
        const overdueDays = deadline < today ? daysBetween(deadline, today) : 0;
        const found: WorklistCategory[] = [];
        if (overdueDays > 0) found.push('overdue');
        else if (x.due_date <= weekEnd) found.push('due_week');
        if (register.visitsPerYear && x.visits < register.visitsPerYear) found.push('under_visited');
        if (!x.last_check_date || x.last_check_date < yearStart) found.push('check_missing');
        // Only the categories the register shows.
        const categories = found.filter((c) => shown.has(c));
        return {
          residentId: x.resident_id,
          name: x.name,
          sex: x.sex,
          birthDate: x.birth_date,
          age: ageOn(x.birth_date, today),
          // Masked like every list (the record shows them whole, audited).
          phone: x.phone_enc ? maskPhone(this.fields.open('resident.phone', x.phone_enc)) : null,
          address: x.current_address ? maskAddress(x.current_address) : null,
          villageCode: x.village_code,
          managingDoctorId: x.managing_doctor_id,
          lastVisitDate: x.last_service_date,
          lastClassification: x.last_classification,
          lastSbp: x.last_sbp,
          lastDbp: x.last_dbp,
          lastFastingGlucose: x.last_glucose === null ? null : Number(x.last_glucose),
          lastCheckDate: x.last_check_date,
          dueDate: x.due_date,
          dueBy: x.due_by,
          dueType: x.next_due_type,
          dueKey: x.next_due_key,
          overdueDays,
          visitsThisYear: x.visits,
          categories,
        };
      }),
    };
  }
}
