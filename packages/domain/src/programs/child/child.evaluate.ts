/**
 * From a child form that passed its schema to the rules of child.rules.ts: errors, warnings and the values
 * kept in queryable columns (weight, classification = the record's findings, next visit date, next action).
 * Pure: the server saves with it and the web form shows it as the user types.
 */
import { addDays } from '../date-math.ts';
import type { FieldIssue, ServiceContext, ServiceEvaluation, ServiceValues } from '../program.ts';
import type { GrowthGrade, GrowthMeasured } from './growth/index.ts';
import { ageInDays } from './growth/index.ts';
import type {
  ChildCheckForm,
  ChildTcm,
  InfantCheck,
  NewbornVisit,
  PreschoolCheck,
  ToddlerCheck,
} from './child-forms.schema.ts';
import {
  anaemiaOf,
  assessGrowth,
  checkTiming,
  checkWindow,
  childLeaveDate,
  GROWTH_REFERRAL,
  growthPlausibility,
  inChildProgram,
  NEWBORN_REFERRAL_SIGNS,
  newbornNameIssues,
  newbornSigns,
  nextCheck,
  tcmWindow,
  visionLow,
  type GrowthFinding,
  type GrowthResult,
  type NewbornSign,
} from './child.rules.ts';
import { HEMOGLOBIN_6_8_MONTHS, TCM_MONTHS, type ChildCheck } from './child.schedule.ts';

/** Findings of a check besides growth. */
export type CheckFinding =
  | 'anaemia'
  | 'severe_anaemia'
  | 'vision_low'
  | 'hearing_failed'
  | 'development_warning'
  | 'caries'
  | 'exam_abnormal';
/** The findings that ask for a referral (SOURCES.md §3). */
const CHECK_REFERRAL: ReadonlySet<CheckFinding> = new Set<CheckFinding>([
  'severe_anaemia',
  'vision_low',
  'hearing_failed',
  'development_warning',
  'caries',
]);

export interface ChildEvaluation extends ServiceEvaluation {
  /** The growth assessment of a check (z-scores, computed grades, findings); null for other forms. */
  growth: GrowthResult | null;
  findings: (GrowthFinding | CheckFinding | NewbornSign)[];
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

/** The findings as the classification column: 'normal', or the finding keys joined by ','. */
export const classificationOf = (findings: readonly string[]): string =>
  findings.length ? findings.join(',') : 'normal';

/** The resident is a child 0–6 on the service date; the next visit is after it. */
function common(ctx: ServiceContext, nextVisitDate: string | undefined, errors: FieldIssue[]) {
  if (ctx.serviceDate < ctx.birthDate) errors.push({ field: 'serviceDate', code: 'record_before_birth' });
  else if (!inChildProgram(ctx.birthDate, ctx.serviceDate))
    errors.push({ field: 'serviceDate', code: 'child_over_6' });
  if (nextVisitDate !== undefined && nextVisitDate <= ctx.serviceDate)
    errors.push({ field: 'form.nextVisitDate', code: 'next_visit_not_after_visit' });
}

/** The start of a window, or the day after the visit when it is already open; null after leaving at 7. */
function dueFrom(birthDate: string, from: string, serviceDate: string): string | null {
  const d = from > serviceDate ? from : addDays(serviceDate, 1);
  return d < childLeaveDate(birthDate) ? d : null;
}

function nextCheckDate(ctx: ServiceContext, check: ChildCheck): string | null {
  const n = nextCheck(check);
  return n === null ? null : dueFrom(ctx.birthDate, checkWindow(ctx.birthDate, n).from, ctx.serviceDate);
}

function referralIssue(needs: boolean, referred: boolean, warnings: FieldIssue[]) {
  if (needs && !referred) warnings.push({ field: 'form.referral', code: 'referral_expected' });
}

/** 新生儿家庭访视记录表. */
export function evaluateNewbornVisit(form: NewbornVisit, ctx: ServiceContext): ChildEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, form.nextVisitDate, errors);
  if (form.birthDate !== ctx.birthDate)
    warnings.push({ field: 'form.birthDate', code: 'birth_date_mismatch' });
  if (form.sex !== ctx.sex) warnings.push({ field: 'form.sex', code: 'newborn_sex_mismatch' });
  for (const code of newbornNameIssues(form.name, form.mother?.name, form.sex))
    warnings.push({ field: 'form.name', code });
  if (form.dischargeDate && form.dischargeDate > ctx.serviceDate)
    errors.push({ field: 'form.dischargeDate', code: 'date_after_service' });
  else if (checkTiming(ctx.birthDate, 'newborn', ctx.serviceDate, form.dischargeDate) === 'late')
    warnings.push({ field: 'serviceDate', code: 'newborn_visit_late' });
  const a = form.asphyxia;
  if (a.code === '1' && ((a.apgar1 ?? 10) <= 7 || (a.apgar5 ?? 10) <= 7))
    warnings.push({ field: 'form.asphyxia', code: 'apgar_asphyxia_mismatch' });
  const signs = newbornSigns({
    temperature: form.temperature,
    respiratoryRate: form.respiratoryRate,
    heartRate: form.heartRate,
    jaundiceSites: form.jaundice.codes,
    fontanelleCode: form.fontanelle.code,
    birthWeightKg: form.birthWeightKg,
    gestationalWeeks: form.gestationalAge.weeks,
  });
  for (const s of signs) warnings.push({ field: 'form', code: s });
  const referred = form.referral.code === '2';
  referralIssue(
    signs.some((s) => NEWBORN_REFERRAL_SIGNS.has(s)),
    referred,
    warnings,
  );
  if (ctx.serviceDate >= ctx.birthDate) {
    const growth = assessGrowth({
      sex: ctx.sex,
      birthDate: ctx.birthDate,
      on: ctx.serviceDate,
      weightKg: form.currentWeightKg,
      lengthCm: form.birthLengthCm,
    });
    for (const p of growthPlausibility({ ...growth.z, lhfa: null, wflh: null, bfa: null }))
      (p.code === 'measurement_implausible' ? errors : warnings).push({
        field: 'form.currentWeightKg',
        code: p.code,
      });
  }
  return {
    errors,
    warnings,
    growth: null,
    findings: signs,
    values: values({
      weightKg: form.currentWeightKg,
      classification: classificationOf(signs),
      nextVisitDate: form.nextVisitDate ?? nextCheckDate(ctx, 'newborn'),
      nextAction: referred ? 'refer' : 'routine',
    }),
  };
}

interface CheckParts {
  lengthCm: number;
  lengthField: string;
  measured: GrowthMeasured | null;
  headCm: number | null;
  /** Entered grades against the computed ones: [field, entered, which computed]. */
  grades: [string, GrowthGrade | undefined, keyof GrowthResult['grades']][];
  hearing?: string | undefined;
  caries?: number;
  vision?: { left: number; right: number } | undefined;
  exam: readonly ({ code: string } | undefined)[];
}

const PLAUSIBILITY_FIELD = (lengthField: string): Record<keyof GrowthResult['z'], string> => ({
  wfa: 'form.weightKg',
  lhfa: lengthField,
  wflh: 'form.weightKg',
  bfa: 'form.weightKg',
  hcfa: 'form.headCm',
});

function evaluateCheck(form: ChildCheckForm, parts: CheckParts, ctx: ServiceContext): ChildEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, form.nextVisitDate, errors);
  const month = form.monthAge;
  if (errors.some((e) => e.field === 'serviceDate'))
    return { errors, warnings, growth: null, findings: [], values: values({ weightKg: form.weightKg }) };
  const timing = checkTiming(ctx.birthDate, month, ctx.serviceDate);
  if (timing !== 'on_time') warnings.push({ field: 'serviceDate', code: `check_${timing}` });

  const growth = assessGrowth({
    sex: ctx.sex,
    birthDate: ctx.birthDate,
    on: ctx.serviceDate,
    weightKg: form.weightKg,
    lengthCm: parts.lengthCm,
    headCm: parts.headCm,
    measured: parts.measured,
  });
  const fields = PLAUSIBILITY_FIELD(parts.lengthField);
  const plaus = growthPlausibility(growth.z);
  for (const p of plaus)
    (p.code === 'measurement_implausible' ? errors : warnings).push({
      field: fields[p.indicator],
      code: p.code,
    });
  const implausible = plaus.some((p) => p.code === 'measurement_implausible');
  if (growth.z.wfa === null && growth.z.lhfa === null)
    warnings.push({ field: 'form', code: 'growth_not_assessed' });
  for (const [field, entered, which] of parts.grades) {
    const computed = growth.grades[which];
    if (entered && computed && entered !== computed && !implausible)
      warnings.push({ field, code: 'growth_grade_mismatch' });
  }
  const findings: (GrowthFinding | CheckFinding)[] = implausible ? [] : [...growth.findings];
  for (const f of findings) warnings.push({ field: 'form', code: f });

  const other: CheckFinding[] = [];
  if (form.hemoglobin !== undefined) {
    const a = anaemiaOf(form.hemoglobin, ageInDays(ctx.birthDate, ctx.serviceDate));
    if (a) other.push(a);
  } else if (month === HEMOGLOBIN_6_8_MONTHS[1]) {
    // Once between 6 and 8 months: at 8 months a missing value is fine only when the 6-month check had one.
    warnings.push({ field: 'form.hemoglobin', code: 'hemoglobin_6_8_months' });
  }
  if (parts.vision && visionLow(month, parts.vision)) other.push('vision_low');
  if (parts.hearing === '2') other.push('hearing_failed');
  if (form.development && form.development.signs.length > 0) other.push('development_warning');
  if ((parts.caries ?? 0) > 0) other.push('caries');
  if (parts.exam.some((e) => e?.code === '2')) other.push('exam_abnormal');
  for (const f of other) warnings.push({ field: 'form', code: f });
  findings.push(...other);

  const referred = form.referral.code === '2';
  referralIssue(
    findings.some((f) => GROWTH_REFERRAL.has(f as GrowthFinding) || CHECK_REFERRAL.has(f as CheckFinding)),
    referred,
    warnings,
  );
  return {
    errors,
    warnings,
    growth,
    findings,
    values: values({
      weightKg: form.weightKg,
      classification: classificationOf(findings),
      nextVisitDate: form.nextVisitDate ?? nextCheckDate(ctx, month),
      nextAction: referred ? 'refer' : 'routine',
    }),
  };
}

/** 1岁以内儿童健康检查记录表. */
export function evaluateInfantCheck(form: InfantCheck, ctx: ServiceContext): ChildEvaluation {
  return evaluateCheck(
    form,
    {
      lengthCm: form.lengthCm,
      lengthField: 'form.lengthCm',
      measured: 'recumbent',
      headCm: form.headCm,
      grades: [
        ['form.weightGrade', form.weightGrade, 'weight'],
        ['form.lengthGrade', form.lengthGrade, 'length'],
      ],
      hearing: form.hearing,
      exam: [
        form.skin,
        form.eyes,
        form.ears,
        form.neckMass,
        form.mouth,
        form.chest,
        form.abdomen,
        form.limbs,
        form.anusGenitals,
      ],
    },
    ctx,
  );
}

/** 1~2岁儿童健康检查记录表. */
export function evaluateToddlerCheck(form: ToddlerCheck, ctx: ServiceContext): ChildEvaluation {
  return evaluateCheck(
    form,
    {
      lengthCm: form.lengthCm,
      lengthField: 'form.lengthCm',
      measured: form.measured ?? null,
      headCm: form.headCm ?? null,
      grades: [
        ['form.weightGrade', form.weightGrade, 'weight'],
        ['form.lengthGrade', form.lengthGrade, 'length'],
      ],
      hearing: form.hearing,
      caries: form.teeth.caries,
      exam: [form.skin, form.eyes, form.ears, form.chest, form.abdomen, form.limbs, form.gait],
    },
    ctx,
  );
}

/** 体格发育评价 codes the computed growth findings give (1 正常 when none). */
export function physicalAssessmentOf(findings: readonly string[]): string[] {
  const out: string[] = [];
  if (findings.some((f) => f === 'underweight' || f === 'severe_underweight')) out.push('2');
  if (findings.some((f) => f === 'wasting' || f === 'severe_wasting')) out.push('3');
  if (findings.some((f) => f === 'stunting' || f === 'severe_stunting')) out.push('4');
  if (findings.some((f) => f === 'overweight' || f === 'obesity')) out.push('5');
  return out.length ? out : ['1'];
}

/** 3~6岁儿童健康检查记录表. */
export function evaluatePreschoolCheck(form: PreschoolCheck, ctx: ServiceContext): ChildEvaluation {
  const r = evaluateCheck(
    form,
    {
      lengthCm: form.heightCm,
      lengthField: 'form.heightCm',
      measured: 'standing',
      headCm: null,
      grades: [
        ['form.weightGrade', form.weightGrade, 'weight'],
        ['form.heightGrade', form.heightGrade, 'length'],
        ['form.weightForHeightGrade', form.weightForHeightGrade, 'weightForLength'],
      ],
      hearing: form.hearing,
      caries: form.teeth.caries,
      vision: form.vision,
      exam: [form.chest, form.abdomen],
    },
    ctx,
  );
  if (r.growth && !r.errors.length) {
    const computed = physicalAssessmentOf(r.growth.findings);
    const entered = [...form.physicalAssessment.codes].sort();
    if (computed.join() !== entered.join())
      r.warnings.push({ field: 'form.physicalAssessment', code: 'physical_assessment_mismatch' });
  }
  return r;
}

/** 儿童中医药健康管理服务记录表 (6 to 36 months). */
export function evaluateChildTcm(form: ChildTcm, ctx: ServiceContext): ChildEvaluation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  common(ctx, form.nextVisitDate, errors);
  let next: string | null = null;
  if (!errors.some((e) => e.field === 'serviceDate')) {
    const w = tcmWindow(ctx.birthDate, form.monthAge);
    if (ctx.serviceDate < w.from) warnings.push({ field: 'serviceDate', code: 'check_early' });
    if (ctx.serviceDate > w.to) warnings.push({ field: 'serviceDate', code: 'check_late' });
    const after = TCM_MONTHS[TCM_MONTHS.indexOf(form.monthAge) + 1];
    next = after ? dueFrom(ctx.birthDate, tcmWindow(ctx.birthDate, after).from, ctx.serviceDate) : null;
  }
  return {
    errors,
    warnings,
    growth: null,
    findings: [],
    values: values({
      classification: 'guided',
      nextVisitDate: form.nextVisitDate ?? next,
      nextAction: 'routine',
    }),
  };
}
