/**
 * The demo county's child health records (pure, deterministic): for each child under 7, the newborn home
 * visit and the checks of 0~6岁儿童健康管理 in their age windows, with the TCM guidance at 6 to 36 months —
 * most on time, some late, some missed, a few families who stop coming. Weights and lengths are drawn around
 * the WHO standard's median for the child's age, so the growth grades come out mostly 中, a few 上 or 下.
 * Each record's stored values (weight, findings) are what the registry's rules make of its form.
 */
import { addDays, daysBetween, programRegistry, type HistoryRecord } from '@jkda/domain';
import { sdLines, ageInDays, type GrowthIndicator } from '@jkda/domain/programs/child/growth/index';
import { checkWindow } from '@jkda/domain/programs/child/child.rules';
import { checkType, CHILD_TYPE_IDS as T } from '@jkda/domain/programs/child/child.register-schedule';
import { CHILD_CHECKS, TCM_MONTHS, type ChildCheck } from '@jkda/domain/programs/child/child.schedule';
import { TCM_SERVICES } from '@jkda/domain/programs/child/child-codes';
import {
  INFANT_1,
  INFANT_6,
  NEWBORN,
  PRESCHOOL_48,
  TODDLER_18,
  TCM_6,
} from '@jkda/domain/programs/child/child.fixtures';
import type { Rng } from './random.ts';
import type { MotherChildPatient, SeedMcService } from './history-mother-child.ts';

/** A measurement `z` standard deviations from the standard's median at an age (one decimal). */
function measure(indicator: GrowthIndicator, sex: '1' | '2', days: number, z: number): number {
  const p = sdLines(indicator, sex, days, days)[0];
  if (!p) return NaN;
  const sd = z >= 0 ? (p.sd2 - p.sd0) / 2 : (p.sd0 - p.sdNeg2) / 2;
  return Math.round((p.sd0 + z * sd) * 10) / 10;
}

/** Erupted teeth by month age (a typical child). */
const TEETH: Readonly<Record<number, number>> = { 12: 6, 18: 12, 24: 16, 30: 20 };

/** The form of a check at `month` on `on`, built from the national form's ordinary answers. */
function checkForm(
  month: Exclude<ChildCheck, 'newborn'>,
  p: MotherChildPatient,
  sex: '1' | '2',
  on: string,
  z: { weight: number; length: number },
): Record<string, unknown> {
  const days = ageInDays(p.birthDate, on);
  const weightKg = measure('wfa', sex, days, z.weight);
  const lengthCm = measure('lhfa', sex, days, z.length);
  if (month < 12) {
    const base: Record<string, unknown> = month < 6 ? { ...INFANT_1 } : { ...INFANT_6 };
    const form: Record<string, unknown> = {
      ...base,
      monthAge: month,
      weightKg,
      lengthCm,
      headCm: measure('hcfa', sex, days, 0),
    };
    if (month === 3) {
      form.umbilicus = { code: '1' };
      form.ricketsSymptoms = { codes: ['1'] };
      form.ricketsSigns = { codes: ['1'] };
      form.development = { signs: [] };
    }
    if (month === 8) delete form.hearing;
    return form;
  }
  if (month < 36) {
    const form: Record<string, unknown> = {
      ...TODDLER_18,
      monthAge: month,
      weightKg,
      lengthCm,
      measured: month >= 24 ? 'standing' : 'recumbent',
      teeth: { erupted: TEETH[month] ?? 20, caries: 0 },
    };
    if (month === 12 || month === 24) form.hearing = '1';
    if (month === 12) delete form.gait;
    if (month > 18) delete form.ricketsSigns;
    if (month !== 18 && month !== 30) delete form.hemoglobin;
    return form;
  }
  const form: Record<string, unknown> = { ...PRESCHOOL_48, monthAge: month, weightKg, heightCm: lengthCm };
  if (month === 36) {
    form.hearing = '1';
    delete form.vision;
    delete form.hemoglobin;
  }
  return form;
}

/** The child's newborn visit, checks and TCM guidance up to today. */
export function childChecks(p: MotherChildPatient, rng: Rng, today: string): SeedMcService[] {
  if (p.sex !== '1' && p.sex !== '2') return [];
  const sex = p.sex;
  const out: SeedMcService[] = [];
  const history: HistoryRecord[] = [];
  const record = (type: string, on: string, form: Record<string, unknown>, delivery: 'clinic' | 'home') => {
    const r = programRegistry.checkForm(type, form, {
      birthDate: p.birthDate,
      sex,
      serviceDate: on,
      previousClassification: null,
      delivery,
      history,
    });
    // A form the rules refuse is a bug of this generator: say so rather than load less.
    if (!r.form || r.errors.length) throw new Error(`demo ${type} at ${on}: ${JSON.stringify(r.errors)}`);
    history.push({ id: history.length + 1, type, serviceDate: on, form: r.form });
    out.push({
      residentId: p.residentId,
      type,
      serviceDate: on,
      delivery,
      sbp: null,
      dbp: null,
      fastingGlucose: null,
      weightKg: r.values.weightKg,
      classification: r.values.classification,
      form: r.form,
    });
  };
  // A child keeps near its own line of the standard; some families stop coming at some age, some are late.
  // Weight and length go together (a tall child is heavier), so weight-for-length stays ordinary too.
  const clamp = (v: number) => Math.max(-3, Math.min(3, v));
  const weight = clamp(rng.normal(0, 1));
  const z = { weight, length: clamp(0.6 * weight + rng.normal(0, 0.6)) };
  const stopAt = rng.chance(0.07) ? rng.int(1, CHILD_CHECKS.length - 1) : Infinity;
  const late = rng.chance(0.12);
  const discharge = addDays(p.birthDate, rng.int(0, 3));
  CHILD_CHECKS.forEach((check, i) => {
    if (i >= stopAt || !rng.chance(0.9)) return;
    const w = checkWindow(p.birthDate, check, discharge);
    const span = Math.min(10, daysBetween(w.from, w.to));
    const on = late ? addDays(w.to, rng.int(1, 20)) : addDays(w.from, rng.int(0, span));
    if (on > today) return;
    if (check === 'newborn') {
      const name = `${NEWBORN.mother.name}之${sex === '1' ? '男' : '女'}`;
      const days = ageInDays(p.birthDate, on);
      record(
        T.newborn,
        on,
        {
          ...NEWBORN,
          name,
          sex,
          birthDate: p.birthDate,
          dischargeDate: discharge,
          currentWeightKg: measure('wfa', sex, days, z.weight),
        },
        'home',
      );
      return;
    }
    record(checkType(check), on, checkForm(check, p, sex, on, z), 'clinic');
    // The TCM guidance of the same month age, most often at the same visit.
    if ((TCM_MONTHS as readonly number[]).includes(check) && rng.chance(0.7)) {
      const m = check as (typeof TCM_MONTHS)[number];
      record(
        T.tcm,
        on,
        { ...TCM_6, monthAge: m, services: { codes: TCM_SERVICES[m].slice(0, 2).map((c) => c.code) } },
        'clinic',
      );
    }
  });
  return out;
}
