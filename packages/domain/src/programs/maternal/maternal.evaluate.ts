/**
 * From a maternal form that passed its schema to the rules of maternal.rules.ts: errors, warnings and the
 * values kept in queryable columns (classification, next visit date, next action, BP, weight). Pure: the
 * server saves with it and the web form shows it as the user types.
 */
import type { FieldIssue, ServiceContext, ServiceEvaluation, ServiceValues } from '../program.ts';
import { completedYears } from '../date-math.ts';
import type {
  FirstPrenatal,
  PostpartumVisit,
  Postpartum42,
  PregnancyOutcome,
  PrenatalFollowUp,
} from './maternal-forms.schema.ts';
import {
  acceptableDueDates,
  bmiOf,
  check42DueDate,
  check42Timing,
  datePregnancy,
  dueDate,
  GA_TOLERANCE_DAYS,
  gaDaysOn,
  gaToDays,
  highRiskFindings,
  inPrenatalWindow,
  isAbnormalFinding,
  isEarlyRegistration,
  maternalEligibility,
  needsReferral,
  nextPrenatalVisitDate,
  OUTCOME_KEYS,
  outcomeIssues,
  postpartumVisitTiming,
  type HighRiskFinding,
  type PregnancyOutcomeKey,
} from './maternal.rules.ts';

/** The result keys kept in the classification column (an outcome record keeps its outcome key). */
export type MaternalResult =
  'normal' | 'abnormal' | 'recovered' | 'not_recovered' | 'urged' | 'lost' | PregnancyOutcomeKey;

/** The next step kept in the next_action column. */
export type MaternalNextAction = 'routine' | 'refer' | 'close' | 'lost';

/** A gestational age beyond this (45+0) is not a pregnancy: a wrong LMP or scan date. */
export const GA_MAX_DAYS = 45 * 7;

export interface MaternalEvaluation extends ServiceEvaluation {
  /** The high-risk findings of the record, in the order of HIGH_RISK_FINDINGS. */
  findings: HighRiskFinding[];
  /** The computed gestational age in days on the service date, when known. */
  gaDays: number | null;
}

const values = (v: Partial<ServiceValues>): ServiceValues => ({
  sbp: null,
  dbp: null,
  fastingGlucose: null,
  weightKg: null,
  classification: null,
  nextVisitDate: null,
  nextAction: null,
  ...v,
});

/** The checks every maternal record shares: the resident, a next visit date after the visit. */
function common(
  ctx: ServiceContext,
  form: { nextVisitDate?: string | undefined },
  errors: FieldIssue[],
  warnings: FieldIssue[],
) {
  const e = maternalEligibility({ sex: ctx.sex, birthDate: ctx.birthDate }, ctx.serviceDate);
  for (const c of e.errors) errors.push({ field: 'form', code: c });
  for (const c of e.warnings) warnings.push({ field: 'serviceDate', code: c });
  if (form.nextVisitDate !== undefined && form.nextVisitDate <= ctx.serviceDate)
    errors.push({ field: 'form.nextVisitDate', code: 'next_visit_not_after_visit' });
}

function bpIssues(bp: { sbp: number; dbp: number } | undefined, errors: FieldIssue[]) {
  if (bp && bp.sbp <= bp.dbp) errors.push({ field: 'form.bp.sbp', code: 'sbp_not_above_dbp' });
}

function findingIssues(
  findings: HighRiskFinding[],
  classificationCode: string,
  normalCode: string,
  referred: boolean,
  field: string,
  warnings: FieldIssue[],
) {
  for (const f of findings) warnings.push({ field: 'form', code: f });
  if (findings.some(isAbnormalFinding) && classificationCode === normalCode)
    warnings.push({ field, code: 'classification_normal_with_findings' });
  if (needsReferral(findings) && !referred)
    warnings.push({ field: 'form.referral', code: 'referral_expected' });
}

/** 第1次产前检查服务记录表. */
export function evaluateFirstPrenatal(form: FirstPrenatal, ctx: ServiceContext): MaternalEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, form, errors, warnings);
  const lmp = form.lmp === 'unknown' ? null : form.lmp;
  if (lmp && lmp > ctx.serviceDate) errors.push({ field: 'form.lmp', code: 'date_after_service' });
  if (form.ultrasoundDating && form.ultrasoundDating.date > ctx.serviceDate)
    errors.push({ field: 'form.ultrasoundDating.date', code: 'date_after_service' });
  const known = { lmp, ultrasound: form.ultrasoundDating ?? null };
  const dating = errors.length ? null : datePregnancy(known);
  let gaDays: number | null = dating ? gaDaysOn(dating, ctx.serviceDate) : null;
  if (gaDays !== null && gaDays > GA_MAX_DAYS) {
    errors.push({
      field: form.ultrasoundDating ? 'form.ultrasoundDating' : 'form.lmp',
      code: 'gestational_age_implausible',
    });
    gaDays = null;
  }
  if (
    gaDays !== null &&
    form.gestationalAge &&
    Math.abs(gaToDays(form.gestationalAge) - gaDays) > GA_TOLERANCE_DAYS
  )
    warnings.push({ field: 'form.gestationalAge', code: 'gestational_age_mismatch' });
  if (gaDays === null && form.gestationalAge) gaDays = gaToDays(form.gestationalAge);
  if (gaDays === null && !errors.length)
    errors.push({ field: 'form.gestationalAge', code: 'gestational_age_unknown' });
  if (gaDays !== null && !isEarlyRegistration(gaDays))
    warnings.push({ field: 'form.gestationalAge', code: 'first_visit_late' });
  if (form.dueDate && dating && !acceptableDueDates(known).includes(form.dueDate))
    warnings.push({ field: 'form.dueDate', code: 'due_date_mismatch' });
  const age = completedYears(ctx.birthDate, ctx.serviceDate);
  if (form.age !== undefined && form.age !== age) warnings.push({ field: 'form.age', code: 'age_mismatch' });
  let bmi = form.bmi ?? null;
  if (form.heightCm && form.weightKg) {
    const computed = bmiOf(form.heightCm, form.weightKg);
    if (bmi !== null && Math.abs(bmi - computed) > 0.1 + 1e-9)
      errors.push({ field: 'form.bmi', code: 'bmi_mismatch' });
    bmi = computed;
  }
  bpIssues(form.bp, errors);
  const h = form.pregnancyHistory;
  const findings = highRiskFindings({
    age,
    bmi,
    sbp: form.bp.sbp,
    dbp: form.bp.dbp,
    hemoglobin: form.labs.bloodRoutine?.hemoglobin ?? null,
    platelets: form.labs.bloodRoutine?.platelets ?? null,
    urineProtein: form.labs.urineRoutine?.protein ?? null,
    hbsag: form.labs.hepatitisB?.hbsag ?? null,
    syphilis: form.labs.syphilis ?? null,
    hiv: form.labs.hiv ?? null,
    abortions: h.spontaneousAbortion + h.inducedAbortion,
    adverseOutcomes: h.fetalDeath + h.stillbirth + h.neonatalDeath + h.birthDefect,
    caesareans: form.parity.caesarean,
  });
  const referred = form.referral.code === '2';
  findingIssues(findings, form.overallAssessment.code, '1', referred, 'form.overallAssessment', warnings);
  const computedNext =
    gaDays !== null && gaDays >= 0 ? nextPrenatalVisitDate(1, gaDays, ctx.serviceDate) : null;
  return {
    errors,
    warnings,
    findings,
    gaDays,
    values: values({
      sbp: form.bp.sbp,
      dbp: form.bp.dbp,
      weightKg: form.weightKg ?? null,
      classification: form.overallAssessment.code === '1' ? 'normal' : 'abnormal',
      nextVisitDate: form.nextVisitDate ?? computedNext,
      nextAction: referred ? 'refer' : 'routine',
    }),
  };
}

/** The due date the first prenatal check's dating gives (for the pregnancy's state), or null. */
export function firstPrenatalDueDate(form: FirstPrenatal): string | null {
  const dating = datePregnancy({
    lmp: form.lmp === 'unknown' ? null : form.lmp,
    ultrasound: form.ultrasoundDating ?? null,
  });
  return dating ? dueDate(dating) : null;
}

/**
 * A visit closed as lost to follow-up (with a death, its date not after the visit): kept, and no visit
 * (`tookPlace: false`: it does not count and does not move the due date).
 */
function lostVisit(
  form: { death?: { date: string } | undefined },
  ctx: ServiceContext,
  errors: FieldIssue[],
  warnings: FieldIssue[],
): MaternalEvaluation {
  if (form.death && form.death.date > ctx.serviceDate)
    errors.push({ field: 'form.death.date', code: 'date_after_service' });
  return {
    errors,
    warnings,
    findings: [],
    gaDays: null,
    values: values({ classification: 'lost', nextAction: 'lost', tookPlace: false }),
  };
}

/** 第2~5次产前随访服务记录表 (examined, urged, or lost to follow-up). */
export function evaluatePrenatalFollowUp(form: PrenatalFollowUp, ctx: ServiceContext): MaternalEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, 'nextVisitDate' in form ? form : {}, errors, warnings);
  if (form.kind === 'lost') return lostVisit(form, ctx, errors, warnings);
  const gaDays = form.gestationalAge ? gaToDays(form.gestationalAge) : null;
  if (gaDays !== null && !inPrenatalWindow(form.visitNumber, gaDays))
    warnings.push({ field: 'form.gestationalAge', code: 'visit_outside_window' });
  const computedNext =
    gaDays !== null ? nextPrenatalVisitDate(form.visitNumber, gaDays, ctx.serviceDate) : null;
  if (form.kind === 'urged')
    return {
      errors,
      warnings,
      findings: [],
      gaDays,
      values: values({
        classification: 'urged',
        nextVisitDate: form.nextVisitDate ?? computedNext,
        nextAction: 'routine',
      }),
    };
  bpIssues(form.bp, errors);
  const findings = highRiskFindings({
    age: completedYears(ctx.birthDate, ctx.serviceDate),
    sbp: form.bp.sbp,
    dbp: form.bp.dbp,
    hemoglobin: form.hemoglobin ?? null,
    fetalHeartRate: form.fetalHeartRate ?? null,
    gaDays,
    urineProtein: form.urineProtein ?? null,
  });
  const referred = form.referral.code === '2';
  findingIssues(findings, form.classification.code, '1', referred, 'form.classification', warnings);
  return {
    errors,
    warnings,
    findings,
    gaDays,
    values: values({
      sbp: form.bp.sbp,
      dbp: form.bp.dbp,
      weightKg: form.weightKg ?? null,
      classification: form.classification.code === '1' ? 'normal' : 'abnormal',
      nextVisitDate: form.nextVisitDate ?? computedNext,
      nextAction: referred ? 'refer' : 'routine',
    }),
  };
}

function deliveryDateIssues(
  form: { deliveryDate?: string | undefined; dischargeDate?: string | undefined },
  ctx: ServiceContext,
  errors: FieldIssue[],
) {
  if (form.deliveryDate && form.deliveryDate > ctx.serviceDate)
    errors.push({ field: 'form.deliveryDate', code: 'date_after_service' });
  if (form.dischargeDate && form.dischargeDate > ctx.serviceDate)
    errors.push({ field: 'form.dischargeDate', code: 'date_after_service' });
}

/** 产后访视记录表: within 7 days of discharge; the next visit is the 42-day check. */
export function evaluatePostpartumVisit(form: PostpartumVisit, ctx: ServiceContext): MaternalEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, 'nextVisitDate' in form ? form : {}, errors, warnings);
  deliveryDateIssues(form, ctx, errors);
  if (form.kind === 'lost') return lostVisit(form, ctx, errors, warnings);
  const timing = postpartumVisitTiming(form.dischargeDate, ctx.serviceDate);
  // 'early' (before discharge) is already refused: the discharge date is then after the service date.
  if (timing === 'late') warnings.push({ field: 'serviceDate', code: 'postpartum_visit_late' });
  bpIssues(form.bp, errors);
  const findings = highRiskFindings({
    sbp: form.bp?.sbp ?? null,
    dbp: form.bp?.dbp ?? null,
    temperature: form.temperature ?? null,
  });
  const referred = form.referral.code === '2';
  findingIssues(findings, form.classification.code, '1', referred, 'form.classification', warnings);
  const due42 = check42DueDate(form.deliveryDate);
  return {
    errors,
    warnings,
    findings,
    gaDays: null,
    values: values({
      sbp: form.bp?.sbp ?? null,
      dbp: form.bp?.dbp ?? null,
      classification: form.classification.code === '1' ? 'normal' : 'abnormal',
      nextVisitDate: form.nextVisitDate ?? (due42 > ctx.serviceDate ? due42 : null),
      nextAction: referred ? 'refer' : 'routine',
    }),
  };
}

/** 产后42天健康检查记录表: on day 42 (to day 56); 结案 when recovered, else 转诊. */
export function evaluatePostpartum42(form: Postpartum42, ctx: ServiceContext): MaternalEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, {}, errors, warnings);
  deliveryDateIssues(form, ctx, errors);
  if (form.kind === 'lost') return lostVisit(form, ctx, errors, warnings);
  const timing = check42Timing(form.deliveryDate, ctx.serviceDate);
  if (timing === 'early') warnings.push({ field: 'serviceDate', code: 'check42_early' });
  if (timing === 'late') warnings.push({ field: 'serviceDate', code: 'check42_late' });
  bpIssues(form.bp, errors);
  const findings = highRiskFindings({ sbp: form.bp?.sbp ?? null, dbp: form.bp?.dbp ?? null });
  for (const f of findings) warnings.push({ field: 'form', code: f });
  const recovered = form.classification.code === '1';
  if (findings.some(isAbnormalFinding) && recovered)
    warnings.push({ field: 'form.classification', code: 'classification_normal_with_findings' });
  // 填表说明 7: recovered → close the case; a woman not recovered is referred.
  if (!recovered && form.handling.code === '1')
    warnings.push({ field: 'form.handling', code: 'close_not_recovered' });
  return {
    errors,
    warnings,
    findings,
    gaDays: null,
    values: values({
      sbp: form.bp?.sbp ?? null,
      dbp: form.bp?.dbp ?? null,
      classification: recovered ? 'recovered' : 'not_recovered',
      nextVisitDate: null,
      nextAction: form.handling.code === '1' ? 'close' : 'refer',
    }),
  };
}

/** The pregnancy outcome: the end date, the babies and the gestational age agree with the outcome. */
export function evaluatePregnancyOutcome(form: PregnancyOutcome, ctx: ServiceContext): MaternalEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, {}, errors, warnings);
  if (form.date > ctx.serviceDate) errors.push({ field: 'form.date', code: 'date_after_service' });
  const key = OUTCOME_KEYS[form.outcome.code] ?? 'other';
  const gaDays = form.gestationalAge ? gaToDays(form.gestationalAge) : null;
  const r = outcomeIssues({
    outcome: key,
    date: form.date,
    gaDays,
    deliveryMode: form.deliveryMode ?? null,
    babies: form.babies,
  });
  for (const c of r.errors) errors.push({ field: 'form.outcome', code: c });
  for (const c of r.warnings) warnings.push({ field: 'form.outcome', code: c });
  return {
    errors,
    warnings,
    findings: [],
    gaDays,
    values: values({ classification: key, nextAction: 'routine' }),
  };
}
