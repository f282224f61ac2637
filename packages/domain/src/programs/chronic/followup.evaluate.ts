/**
 * From a chronic follow-up form to the spec's rules (chronic.rules.ts): plausibility, the HbA1c test date,
 * the classification check, emergency referral and the next visit; the values kept in queryable columns.
 * Pure: the server saves with it and the web form shows it as the user types.
 */
import {
  checkClassification,
  classificationFromCode,
  VISIT_CLASSIFICATION,
  NEXT_VISIT_ACTION,
  emergencyReferral,
  nextVisit,
  plausibility,
  type ChronicProgram,
  type EmergencyInput,
  type NextVisitPlan,
  type VisitClassification,
} from './chronic.rules.ts';
import { completedYears } from '../date-math.ts';
import type { FieldIssue, RegisterDef, RegisterExit, ServiceContext, ServiceEvaluation } from '../program.ts';
import type { Lang } from '../../messages.ts';

/** The fields every chronic follow-up form has (the program's schema adds its own). */
export interface ChronicFollowUpForm {
  outcome?: 'visited' | 'lost' | 'died' | undefined;
  lostReason?: string | undefined;
  death?: { date: string; cause: string } | undefined;
  sbp?: number | undefined;
  dbp?: number | undefined;
  valuesSource?: 'measured' | 'reported' | undefined;
  weightKg?: number | undefined;
  heightCm?: number | undefined;
  heartRate?: number | undefined;
  fastingGlucose?: number | undefined;
  hba1cDate?: string | undefined;
  symptoms?: { codes: string[] } | undefined;
  medicationAdherence?: string | undefined;
  classification?: string | undefined;
  adverseReaction: { has: boolean; uncontrollable?: boolean | undefined };
  temperature?: number | undefined;
  nextVisitReason?: string | undefined;
  complication: boolean;
  emergencyFlags: string[];
  referral?: unknown;
  nextVisitDate?: string | undefined;
}

export interface ChronicOutcome extends ServiceEvaluation {
  /** Null for a visit closed as lost or death, or while the result is missing. */
  plan: NextVisitPlan | null;
  classification: VisitClassification | null;
  emergency: string[];
}

/** Words for a stored follow-up result (the classification key, or the form's code 1–4): 控制满意 … 并发症. */
export const chronicResultWords = (classification: string, lang: Lang): string =>
  VISIT_CLASSIFICATION.find((c) => c.key === classification || c.code === classification)?.[lang] ?? '';

/** 随访结果 of a follow-up that did not take place (its nextAction). */
export const CLOSED_VISIT_OUTCOMES = [
  { key: 'lost', zh: '失访', en: 'Lost to follow-up' },
  { key: 'died', zh: '死亡', en: 'Died' },
] as const;

/** Words for a stored next step: 常规随访 … 紧急转诊, or 失访 / 死亡 for a visit that did not take place. */
export const chronicActionWords = (action: string, lang: Lang): string =>
  [...NEXT_VISIT_ACTION, ...CLOSED_VISIT_OUTCOMES].find((x) => x.key === action)?.[lang] ?? '';

const asClassification = (code: string | null): VisitClassification | null =>
  code === 'controlled' || code === 'uncontrolled' || code === 'adverse_reaction' || code === 'complication'
    ? code
    : null;

/** What a visit closed as lost or death must not hold: readings and a result are of a visit that took place. */
const VISIT_ONLY_FIELDS = [
  'sbp',
  'dbp',
  'fastingGlucose',
  'heartRate',
  'classification',
  'nextVisitDate',
] as const;

/** A follow-up that did not take place: lost to follow-up (the reason), or the patient died (date, cause). */
function closedVisit(form: ChronicFollowUpForm, ctx: ServiceContext): ChronicOutcome {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  for (const f of VISIT_ONLY_FIELDS)
    if (form[f] !== undefined) errors.push({ field: `form.${f}`, code: 'not_visited_values' });
  if (form.outcome === 'lost' && !form.lostReason)
    errors.push({ field: 'form.lostReason', code: 'required' });
  if (form.outcome === 'died') {
    if (!form.death) errors.push({ field: 'form.death', code: 'required' });
    else {
      if (form.death.date > ctx.serviceDate)
        errors.push({ field: 'form.death.date', code: 'date_after_service' });
      if (form.death.date < ctx.birthDate)
        errors.push({ field: 'form.death.date', code: 'record_before_birth' });
      // The follow-up ends this register; the record itself is archived as deceased by its keeper.
      warnings.push({ field: 'form.death', code: 'death_archive_record' });
    }
  }
  return {
    errors,
    warnings,
    plan: null,
    classification: null,
    emergency: [],
    values: {
      sbp: null,
      dbp: null,
      fastingGlucose: null,
      weightKg: null,
      classification: null,
      nextVisitDate: null,
      nextAction: form.outcome === 'died' ? 'died' : 'lost',
      // No visit: visits this year, the previous visit and the due date skip it.
      tookPlace: false,
    },
  };
}

/** A signed follow-up recording the patient's death ends the register entry on the day of death. */
export function chronicRegisterExit(form: Record<string, unknown>): RegisterExit | null {
  const f = form as Partial<ChronicFollowUpForm>;
  return f.outcome === 'died' && f.death ? { status: 'deceased', date: f.death.date } : null;
}

export function evaluateChronicFollowUp(
  program: ChronicProgram,
  form: ChronicFollowUpForm,
  ctx: ServiceContext,
): ChronicOutcome {
  if (form.outcome === 'lost' || form.outcome === 'died') return closedVisit(form, ctx);
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const glucose = form.fastingGlucose ?? null;
  const phone = ctx.delivery === 'phone';
  // Readings: measured at a clinic or home visit; by phone there may be none, or what the patient reports.
  const bpGiven = form.sbp !== undefined || form.dbp !== undefined;
  if (!phone || bpGiven) {
    if (form.sbp === undefined) errors.push({ field: 'form.sbp', code: 'required' });
    if (form.dbp === undefined) errors.push({ field: 'form.dbp', code: 'required' });
  }
  if (program === 'diabetes' && !phone && glucose === null)
    errors.push({ field: 'form.fastingGlucose', code: 'required' });
  if (phone && form.valuesSource === 'measured' && (bpGiven || glucose !== null))
    errors.push({ field: 'form.valuesSource', code: 'phone_values_not_measured' });
  if (!form.symptoms || form.symptoms.codes.length === 0)
    errors.push({ field: 'form.symptoms.codes', code: 'choice_required' });
  if (form.medicationAdherence === undefined)
    errors.push({ field: 'form.medicationAdherence', code: 'required' });
  const p = plausibility({
    sbp: form.sbp ?? null,
    dbp: form.dbp ?? null,
    heartRate: form.heartRate ?? null,
    glucose,
    heightCm: form.heightCm ?? null,
    weightKg: form.weightKg ?? null,
  });
  const fieldOf = (f: string) => `form.${f === 'glucose' ? 'fastingGlucose' : f}`;
  for (const e of p.errors) errors.push({ field: fieldOf(e.field), code: e.code });
  for (const w of p.warnings) warnings.push({ field: fieldOf(w.field), code: w.code });
  if (form.hba1cDate && form.hba1cDate > ctx.serviceDate)
    errors.push({ field: 'form.hba1cDate', code: 'date_after_service' });
  if (form.hba1cDate && form.hba1cDate < ctx.birthDate)
    errors.push({ field: 'form.hba1cDate', code: 'record_before_birth' });
  const values = {
    sbp: form.sbp ?? null,
    dbp: form.dbp ?? null,
    fastingGlucose: glucose,
    weightKg: form.weightKg ?? null,
  };
  const classification = form.classification ? classificationFromCode(form.classification) : null;
  if (!classification) {
    errors.push({ field: 'form.classification', code: 'required' });
    return {
      errors,
      warnings,
      plan: null,
      classification: null,
      emergency: [],
      values: { ...values, classification: null, nextVisitDate: null, nextAction: null },
    };
  }
  const check = checkClassification(classification, {
    program,
    age: completedYears(ctx.birthDate, ctx.serviceDate),
    sbp: form.sbp ?? null,
    dbp: form.dbp ?? null,
    fastingGlucose: glucose,
    adverseReaction: form.adverseReaction.has,
    complication: form.complication,
  });
  for (const c of check.errors) {
    // By phone the doctor may judge control without readings (what the patient says): a warning only.
    if (phone && c === 'classification_values_missing')
      warnings.push({ field: 'form.classification', code: c });
    else errors.push({ field: 'form.classification', code: c });
  }
  for (const c of check.warnings) warnings.push({ field: 'form.classification', code: c });
  const em = emergencyReferral({
    program,
    sbp: form.sbp ?? null,
    dbp: form.dbp ?? null,
    glucose,
    heartRate: form.heartRate ?? null,
    temperature: form.temperature ?? null,
    flags: form.emergencyFlags,
  } as EmergencyInput);
  const plan = nextVisit({
    visitDate: ctx.serviceDate,
    classification,
    previousClassification: asClassification(ctx.previousClassification),
    emergency: em.emergency,
    uncontrollableAdverseReaction: form.adverseReaction.has && form.adverseReaction.uncontrollable === true,
  });
  // A date the doctor sets: never before the visit; after an uncontrolled visit, an adverse reaction or a
  // referral, not later than the rule's short interval unless the reason is given.
  if (form.nextVisitDate !== undefined) {
    if (form.nextVisitDate <= ctx.serviceDate)
      errors.push({ field: 'form.nextVisitDate', code: 'next_visit_not_after_visit' });
    else if (plan.action !== 'routine' && form.nextVisitDate > plan.dueDate && !form.nextVisitReason)
      errors.push({ field: 'form.nextVisitReason', code: 'next_visit_late_reason' });
  }
  if (plan.referral && !form.referral) warnings.push({ field: 'form.referral', code: 'referral_expected' });
  return {
    errors,
    warnings,
    plan,
    classification,
    emergency: em.criteria,
    values: {
      ...values,
      classification,
      nextVisitDate: form.nextVisitDate ?? plan.dueDate,
      nextAction: plan.action,
    },
  };
}

/**
 * What the registers of the chronic follow-up programs share (3rd edition): a doctor enrols diagnosed
 * patients, usually 35 or older; at least 4 face-to-face follow-ups a year, the first within 2 weeks; the
 * worklist shows overdue, due this week, under-visited and no annual check.
 */
export const CHRONIC_REGISTER_RULES = {
  entry: { by: 'doctor' },
  usualMinAge: 35,
  visitsPerYear: 4,
  firstDueDays: 14,
  worklist: ['overdue', 'due_week', 'under_visited', 'check_missing'],
} as const satisfies Partial<RegisterDef>;
export { FOLLOW_UP_OUTCOMES } from './followup-base.schema.ts';
