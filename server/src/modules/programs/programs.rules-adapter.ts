/**
 * From a follow-up form to the spec's rules: classification check, plausibility, emergency referral and the
 * next visit date (pure; the rules themselves live in @jkda/domain programs/chronic.rules.ts).
 */
import {
  ageOn,
  checkClassification,
  classificationFromCode,
  emergencyReferral,
  nextVisit,
  plausibility,
  type DiabetesFollowUp,
  type HypertensionFollowUp,
  type NextVisitPlan,
  type VisitClassification,
} from '@jkda/domain';
import type { FieldError } from '../../platform/errors.ts';

export interface RuleOutcome {
  errors: FieldError[];
  warnings: FieldError[];
  plan: NextVisitPlan;
  classification: VisitClassification;
  emergency: string[];
}

export function evaluateFollowUp(
  program: 'hypertension' | 'diabetes',
  form: HypertensionFollowUp | DiabetesFollowUp,
  ctx: { birthDate: string; serviceDate: string; previousClassification: VisitClassification | null },
): RuleOutcome {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const glucose = 'fastingGlucose' in form ? form.fastingGlucose : null;
  const p = plausibility({
    sbp: form.sbp,
    dbp: form.dbp,
    heartRate: form.heartRate ?? null,
    glucose,
    heightCm: form.heightCm ?? null,
    weightKg: form.weightKg ?? null,
  });
  for (const e of p.errors)
    errors.push({ field: `form.${e.field === 'glucose' ? 'fastingGlucose' : e.field}`, code: e.code });
  for (const w of p.warnings)
    warnings.push({ field: `form.${w.field === 'glucose' ? 'fastingGlucose' : w.field}`, code: w.code });
  const hba1cDate = 'hba1cDate' in form ? form.hba1cDate : undefined;
  if (hba1cDate && hba1cDate > ctx.serviceDate)
    errors.push({ field: 'form.hba1cDate', code: 'date_after_service' });
  if (hba1cDate && hba1cDate < ctx.birthDate)
    errors.push({ field: 'form.hba1cDate', code: 'record_before_birth' });
  const classification = classificationFromCode(form.classification)!;
  const check = checkClassification(classification, {
    program,
    age: ageOn(ctx.birthDate, ctx.serviceDate),
    sbp: form.sbp,
    dbp: form.dbp,
    fastingGlucose: glucose,
    adverseReaction: form.adverseReaction.has,
    complication: form.complication,
  });
  for (const c of check.errors) errors.push({ field: 'form.classification', code: c });
  for (const c of check.warnings) warnings.push({ field: 'form.classification', code: c });
  const em =
    program === 'hypertension'
      ? emergencyReferral({ program, sbp: form.sbp, dbp: form.dbp, flags: form.emergencyFlags as never })
      : emergencyReferral({
          program,
          sbp: form.sbp,
          dbp: form.dbp,
          glucose,
          heartRate: form.heartRate ?? null,
          flags: form.emergencyFlags as never,
        });
  const plan = nextVisit({
    visitDate: ctx.serviceDate,
    classification,
    previousClassification: ctx.previousClassification,
    emergency: em.emergency,
  });
  if (plan.referral && !form.referral) warnings.push({ field: 'form.referral', code: 'referral_expected' });
  return { errors, warnings, plan, classification, emergency: em.criteria };
}
