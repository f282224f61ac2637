/**
 * From a chronic follow-up form to the spec's rules (chronic.rules.ts): plausibility, the HbA1c test date,
 * the classification check, emergency referral and the next visit; the values kept in queryable columns.
 * Pure: the server saves with it and the web form shows it as the user types.
 */
import {
  checkClassification,
  classificationFromCode,
  VISIT_CLASSIFICATION,
  emergencyReferral,
  nextVisit,
  plausibility,
  type ChronicProgram,
  type EmergencyInput,
  type NextVisitPlan,
  type VisitClassification,
} from './chronic.rules.ts';
import { completedYears } from '../date-math.ts';
import type { FieldIssue, RegisterDef, ServiceContext, ServiceEvaluation } from '../program.ts';
import type { Lang } from '../../messages.ts';

/** The fields every chronic follow-up form has (the program's schema adds its own). */
export interface ChronicFollowUpForm {
  sbp: number;
  dbp: number;
  weightKg?: number | undefined;
  heightCm?: number | undefined;
  heartRate?: number | undefined;
  fastingGlucose?: number | undefined;
  hba1cDate?: string | undefined;
  classification: string;
  adverseReaction: { has: boolean; uncontrollable?: boolean | undefined };
  temperature?: number | undefined;
  nextVisitReason?: string | undefined;
  complication: boolean;
  emergencyFlags: string[];
  referral?: unknown;
  nextVisitDate?: string | undefined;
}

export interface ChronicOutcome extends ServiceEvaluation {
  plan: NextVisitPlan;
  classification: VisitClassification;
  emergency: string[];
}

/** Words for a stored follow-up result (the classification key, or the form's code 1–4): 控制满意 … 并发症. */
export const chronicResultWords = (classification: string, lang: Lang): string =>
  VISIT_CLASSIFICATION.find((c) => c.key === classification || c.code === classification)?.[lang] ?? '';

const asClassification = (code: string | null): VisitClassification | null =>
  code === 'controlled' || code === 'uncontrolled' || code === 'adverse_reaction' || code === 'complication'
    ? code
    : null;

export function evaluateChronicFollowUp(
  program: ChronicProgram,
  form: ChronicFollowUpForm,
  ctx: ServiceContext,
): ChronicOutcome {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const glucose = form.fastingGlucose ?? null;
  const p = plausibility({
    sbp: form.sbp,
    dbp: form.dbp,
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
  const classification = classificationFromCode(form.classification)!;
  const check = checkClassification(classification, {
    program,
    age: completedYears(ctx.birthDate, ctx.serviceDate),
    sbp: form.sbp,
    dbp: form.dbp,
    fastingGlucose: glucose,
    adverseReaction: form.adverseReaction.has,
    complication: form.complication,
  });
  for (const c of check.errors) errors.push({ field: 'form.classification', code: c });
  for (const c of check.warnings) warnings.push({ field: 'form.classification', code: c });
  const em = emergencyReferral({
    program,
    sbp: form.sbp,
    dbp: form.dbp,
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
      sbp: form.sbp,
      dbp: form.dbp,
      fastingGlucose: glucose,
      weightKg: form.weightKg ?? null,
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
