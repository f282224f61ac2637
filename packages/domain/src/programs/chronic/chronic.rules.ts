/**
 * Follow-up rules of the hypertension and type 2 diabetes programs (国家基本公共卫生服务规范 第三版), as pure
 * functions shared by the follow-up forms (高血压/2型糖尿病患者随访服务记录表) and the audit. Sources: FACTS §2.1
 * (control targets, emergency referral, classification → next step), §3.5–3.7 (the forms and their codes),
 * §4 (control-rate definitions) and §9.3 (plausibility and consistency checks).
 *
 * Units: blood pressure mmHg, glucose mmol/L, heart rate beats/min, temperature °C, height/waist cm, weight kg.
 * Dates are 'YYYY-MM-DD' strings (see date-math.ts for the calendar rules).
 */
import type { CodeEntry } from '../../code-tables.ts';
import { addDays, addMonths, completedYears, requireCalendarDate } from '../date-math.ts';

export type ChronicProgram = 'hypertension' | 'diabetes';

/** Strips binary noise such as 3.9000000000000004 (e.g. after a mg/dL → mmol/L conversion) before comparing. */
const clean = (x: number): number => Math.round(x * 1e6) / 1e6;
const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

// ---------------------------------------------------------------------------------------------------------
// Control targets (FACTS §2.1 "Control targets", §4 管理人群血压/血糖控制率)
// ---------------------------------------------------------------------------------------------------------

/** From this age (in completed years on the visit date) the looser target < 150/90 applies. */
export const ELDERLY_BP_TARGET_AGE = 65;
/** Fasting glucose target: controlled when below this value (mmol/L). */
export const FASTING_GLUCOSE_TARGET = 7.0;

/** The BP target (both values exclusive: controlled when SBP < sbp and DBP < dbp). */
export function bpTarget(age: number): { sbp: number; dbp: number } {
  return age >= ELDERLY_BP_TARGET_AGE ? { sbp: 150, dbp: 90 } : { sbp: 140, dbp: 90 };
}

/** Controlled when SBP < 140 and DBP < 90; at age ≥ 65 when SBP < 150 and DBP < 90. */
export function bpControlled({ sbp, dbp, age }: { sbp: number; dbp: number; age: number }): boolean {
  const t = bpTarget(age);
  return clean(sbp) < t.sbp && clean(dbp) < t.dbp;
}

/** Controlled when fasting glucose < 7.0 mmol/L. */
export function glucoseControlled(fastingGlucoseMmol: number): boolean {
  return clean(fastingGlucoseMmol) < FASTING_GLUCOSE_TARGET;
}

// ---------------------------------------------------------------------------------------------------------
// Emergency referral (FACTS §2.1 "Emergency referral (hypertension)" and "Diabetes")
// ---------------------------------------------------------------------------------------------------------

export const EMERGENCY_THRESHOLDS = {
  /** SBP ≥ 180 and/or DBP ≥ 110 (both programs). */
  sbp: 180,
  dbp: 110,
  /** Diabetes: any glucose reading ≥ 16.7 or ≤ 3.9 mmol/L. */
  glucoseHigh: 16.7,
  glucoseLow: 3.9,
  /** Diabetes: heart rate > 100/min. */
  heartRate: 100,
  /** Diabetes: temperature > 39 °C. */
  temperature: 39,
} as const;

/** Symptom flags of the hypertension emergency list, in the spec's order. */
export const HYPERTENSION_EMERGENCY_FLAGS = [
  'altered_consciousness',
  'severe_headache_or_dizziness',
  'nausea_vomiting',
  'blurred_vision',
  'eye_pain',
  'palpitations',
  'chest_tightness',
  'orthopnoea',
  'pregnancy_lactation_raised_bp',
  'other_unmanageable',
] as const;

/**
 * Flags of the diabetes emergency list. FACTS §2.1 names "ketotic signs" as one criterion; the spec's wording
 * lists them one by one (意识或行为改变、呼气有烂苹果样丙酮味、心悸、出汗、食欲减退、恶心、呕吐、多饮、多尿、腹痛、
 * 深大呼吸、皮肤潮红) — we keep them as the single flag `ketosis_signs` whose label shows the list.
 */
export const DIABETES_EMERGENCY_FLAGS = [
  'ketosis_signs',
  'sudden_vision_loss',
  'pregnancy_lactation_hyperglycaemia',
  'other_unmanageable',
] as const;

export type HypertensionEmergencyFlag = (typeof HYPERTENSION_EMERGENCY_FLAGS)[number];
export type DiabetesEmergencyFlag = (typeof DIABETES_EMERGENCY_FLAGS)[number];
export type EmergencyFlag = HypertensionEmergencyFlag | DiabetesEmergencyFlag;

export type EmergencyValueCriterion =
  | 'sbp_ge_180'
  | 'dbp_ge_110'
  | 'glucose_ge_16_7'
  | 'glucose_le_3_9'
  | 'heart_rate_gt_100'
  | 'temperature_gt_39';
export type EmergencyCriterion = EmergencyValueCriterion | EmergencyFlag;

interface EmergencyValues {
  sbp?: number | null;
  dbp?: number | null;
  /** Any glucose reading of the visit (mmol/L), usually the fasting value. Diabetes only. */
  glucose?: number | null;
  /** Heart rate per minute. Diabetes only (the spec's "persistent tachycardia"; one reading > 100 fires). */
  heartRate?: number | null;
  /** Body temperature °C. Diabetes only. */
  temperature?: number | null;
}
export type EmergencyInput =
  | (EmergencyValues & { program: 'hypertension'; flags?: readonly HypertensionEmergencyFlag[] })
  | (EmergencyValues & { program: 'diabetes'; flags?: readonly DiabetesEmergencyFlag[] });

export interface EmergencyResult {
  emergency: boolean;
  /** The criteria that fired: value criteria first, then flags in the spec's order; no duplicates. */
  criteria: EmergencyCriterion[];
}

/**
 * Whether the visit needs emergency referral (refer after first aid; follow up within 2 weeks), and why.
 * Missing values do not fire; flags that do not belong to the program are ignored.
 */
export function emergencyReferral(input: EmergencyInput): EmergencyResult {
  const t = EMERGENCY_THRESHOLDS;
  const criteria: EmergencyCriterion[] = [];
  if (isNum(input.sbp) && clean(input.sbp) >= t.sbp) criteria.push('sbp_ge_180');
  if (isNum(input.dbp) && clean(input.dbp) >= t.dbp) criteria.push('dbp_ge_110');
  if (input.program === 'diabetes') {
    if (isNum(input.glucose) && clean(input.glucose) >= t.glucoseHigh) criteria.push('glucose_ge_16_7');
    if (isNum(input.glucose) && clean(input.glucose) <= t.glucoseLow) criteria.push('glucose_le_3_9');
    if (isNum(input.heartRate) && clean(input.heartRate) > t.heartRate) criteria.push('heart_rate_gt_100');
    if (isNum(input.temperature) && clean(input.temperature) > t.temperature)
      criteria.push('temperature_gt_39');
  }
  const given = new Set<string>(input.flags ?? []);
  const list: readonly EmergencyFlag[] =
    input.program === 'hypertension' ? HYPERTENSION_EMERGENCY_FLAGS : DIABETES_EMERGENCY_FLAGS;
  for (const f of list) if (given.has(f)) criteria.push(f);
  return { emergency: criteria.length > 0, criteria };
}

// ---------------------------------------------------------------------------------------------------------
// Visit classification 此次随访分类 (FACTS §3.6/3.7 codes, §2.1 rules, §9.3 consistency)
// ---------------------------------------------------------------------------------------------------------

export type VisitClassification = 'controlled' | 'uncontrolled' | 'adverse_reaction' | 'complication';

/**
 * The form's codes 1–4. The form says "choose the most severe"; we read the code order as the order of
 * severity (控制满意 < 控制不满意 < 不良反应 < 并发症) — FACTS §3.6 gives the codes but not the order explicitly.
 */
export const VISIT_CLASSIFICATION = [
  { code: '1', key: 'controlled', zh: '控制满意', en: 'Controlled' },
  { code: '2', key: 'uncontrolled', zh: '控制不满意', en: 'Not controlled' },
  { code: '3', key: 'adverse_reaction', zh: '不良反应', en: 'Adverse drug reaction' },
  { code: '4', key: 'complication', zh: '并发症', en: 'Complication' },
] as const satisfies readonly (CodeEntry & { key: VisitClassification })[];
export type VisitClassificationCode = (typeof VISIT_CLASSIFICATION)[number]['code'];

export function classificationCode(c: VisitClassification): VisitClassificationCode {
  return VISIT_CLASSIFICATION.find((e) => e.key === c)!.code;
}

export function classificationFromCode(code: string): VisitClassification | null {
  return VISIT_CLASSIFICATION.find((e) => e.code === code)?.key ?? null;
}

const severity = (c: VisitClassification): number => Number(classificationCode(c));

export interface ClassificationValues {
  program: ChronicProgram;
  /** Age in completed years on the visit date; needed for hypertension when SBP is 140–149. */
  age?: number | null;
  sbp?: number | null;
  dbp?: number | null;
  /** Fasting glucose mmol/L (diabetes). */
  fastingGlucose?: number | null;
  /** 药物不良反应: true = 有, false = 无, null/undefined = not recorded. */
  adverseReaction?: boolean | null;
  /** A new complication or a worsened existing one at this visit (null/undefined = not recorded). */
  complication?: boolean | null;
}

/**
 * Whether the program's values are within target: hypertension by BP and age, diabetes by fasting glucose
 * only (FACTS §2.1/§4 define diabetes control by FBG; a diabetic's BP does not enter the classification).
 * Null when the values needed are missing — including a hypertensive SBP of 140–149 with no age.
 */
export function valuesControlled(v: ClassificationValues): boolean | null {
  if (v.program === 'diabetes') return isNum(v.fastingGlucose) ? glucoseControlled(v.fastingGlucose) : null;
  if (!isNum(v.sbp) || !isNum(v.dbp)) return null;
  if (isNum(v.age)) return bpControlled({ sbp: v.sbp, dbp: v.dbp, age: v.age });
  if (bpControlled({ sbp: v.sbp, dbp: v.dbp, age: 0 })) return true;
  if (!bpControlled({ sbp: v.sbp, dbp: v.dbp, age: ELDERLY_BP_TARGET_AGE })) return false;
  return null;
}

/**
 * The classification the visit should carry: the most severe that applies (complication, then adverse
 * reaction, then uncontrolled, else controlled). Null when it cannot be told (no values and no ADR or
 * complication recorded).
 */
export function expectedClassification(v: ClassificationValues): VisitClassification | null {
  if (v.complication === true) return 'complication';
  if (v.adverseReaction === true) return 'adverse_reaction';
  const ok = valuesControlled(v);
  if (ok === null) return null;
  return ok ? 'controlled' : 'uncontrolled';
}

export type ClassificationIssueCode =
  /** 控制满意 chosen while the values are not within target (error). */
  | 'classification_contradicts_values'
  /** A milder class chosen while an ADR or a complication is recorded — the form wants the most severe (error). */
  | 'classification_not_most_severe'
  /** 控制满意/控制不满意 chosen but the values to judge it are missing (error). */
  | 'classification_values_missing'
  /** 不良反应 chosen while 药物不良反应 = 无 (error). */
  | 'classification_adverse_reaction_absent'
  /** 控制不满意 chosen while the values are within target (warning: the doctor may know more, e.g. home readings). */
  | 'classification_uncontrolled_values_controlled'
  /** 并发症 chosen while "no new or worse complication" is recorded (warning). */
  | 'classification_complication_absent';

export interface ClassificationCheck {
  /** What the values imply (see expectedClassification). */
  expected: VisitClassification | null;
  errors: ClassificationIssueCode[];
  warnings: ClassificationIssueCode[];
}

/** Checks the classification the user chose against the values of the visit (FACTS §9.3 "此次随访分类 inconsistent"). */
export function checkClassification(
  chosen: VisitClassification,
  v: ClassificationValues,
): ClassificationCheck {
  const expected = expectedClassification(v);
  const controlled = valuesControlled(v);
  const errors: ClassificationIssueCode[] = [];
  const warnings: ClassificationIssueCode[] = [];
  if (chosen === 'controlled' || chosen === 'uncontrolled') {
    if (controlled === null) errors.push('classification_values_missing');
    else if (chosen === 'controlled' && !controlled) errors.push('classification_contradicts_values');
    else if (chosen === 'uncontrolled' && controlled)
      warnings.push('classification_uncontrolled_values_controlled');
  }
  if (chosen === 'adverse_reaction' && v.adverseReaction === false)
    errors.push('classification_adverse_reaction_absent');
  if (chosen === 'complication' && v.complication === false)
    warnings.push('classification_complication_absent');
  const mostSevere =
    v.complication === true ? 'complication' : v.adverseReaction === true ? 'adverse_reaction' : null;
  if (mostSevere && severity(chosen) < severity(mostSevere)) errors.push('classification_not_most_severe');
  return { expected, errors, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// Next step and next visit date (FACTS §2.1 "Classification → action", "下一步管理措施")
// ---------------------------------------------------------------------------------------------------------

export type NextVisitAction = 'routine' | 'recheck_2w' | 'referral_2w' | 'emergency_referral';

/** The provincial field 下一步管理措施 (FACTS §2.1). */
export const NEXT_VISIT_ACTION = [
  { code: '1', key: 'routine', zh: '常规随访', en: 'Routine follow-up' },
  {
    code: '2',
    key: 'recheck_2w',
    zh: '第1次控制不满意2周随访',
    en: 'First time not controlled: revisit in 2 weeks',
  },
  { code: '3', key: 'referral_2w', zh: '两次控制不满意转诊随访', en: 'Refer, then follow up within 2 weeks' },
  { code: '4', key: 'emergency_referral', zh: '紧急转诊', en: 'Emergency referral' },
] as const satisfies readonly (CodeEntry & { key: NextVisitAction })[];
export type NextVisitActionCode = (typeof NEXT_VISIT_ACTION)[number]['code'];

export type NextVisitReason =
  | 'controlled'
  | 'first_uncontrolled'
  | 'adverse_reaction'
  | 'two_consecutive_uncontrolled'
  | 'uncontrollable_adverse_reaction'
  | 'complication'
  | 'emergency';

export interface NextVisitInput {
  visitDate: string;
  classification: VisitClassification;
  /** Classification of the program's immediately preceding follow-up, if any. */
  previousClassification?: VisitClassification | null;
  /** Result of emergencyReferral (or the doctor's judgement). */
  emergency?: boolean;
  /** The adverse reaction cannot be controlled (药物不良反应难以控制) → referral instead of a 2-week recheck. */
  uncontrollableAdverseReaction?: boolean;
  /** Routine interval in calendar months (default 3, the quarterly cadence behind "≥ 4 a year"). */
  routineMonths?: number;
  /** Interval of the short follow-up in days (default 14 = "within 2 weeks"). */
  shortIntervalDays?: number;
}

export interface NextVisitPlan {
  /** Latest date for the next follow-up. */
  dueDate: string;
  action: NextVisitAction;
  /** 下一步管理措施 code 1–4. */
  code: NextVisitActionCode;
  /** Whether the patient is referred up (actions referral_2w and emergency_referral). */
  referral: boolean;
  /** Every reason that applies, most urgent first. */
  reasons: NextVisitReason[];
}

const ACTION_RANK: Record<NextVisitAction, number> = {
  routine: 1,
  recheck_2w: 2,
  referral_2w: 3,
  emergency_referral: 4,
};

/**
 * The next step after a follow-up:
 * - emergency → emergency referral, follow up within 2 weeks;
 * - complication (new or worse), uncontrollable ADR, or uncontrolled twice in a row → referral, follow up
 *   within 2 weeks. "Twice in a row" means this visit and the previous one are both classified 控制不满意;
 *   a previous 不良反应/并发症 visit does not count, since its classification does not say whether the
 *   values were controlled (FACTS §2.1 gives the rule by classification only);
 * - first uncontrolled, or an ADR → adjust drugs, recheck within 2 weeks;
 * - controlled → routine, next visit within 3 months.
 */
export function nextVisit(input: NextVisitInput): NextVisitPlan {
  requireCalendarDate(input.visitDate, 'visitDate');
  const routineMonths = input.routineMonths ?? 3;
  const shortDays = input.shortIntervalDays ?? 14;
  if (!Number.isInteger(routineMonths) || routineMonths < 1 || routineMonths > 12)
    throw new RangeError(`routineMonths must be an integer 1–12: ${routineMonths}`);
  if (!Number.isInteger(shortDays) || shortDays < 1 || shortDays > 31)
    throw new RangeError(`shortIntervalDays must be an integer 1–31: ${shortDays}`);

  const found: [NextVisitAction, NextVisitReason][] = [];
  if (input.emergency) found.push(['emergency_referral', 'emergency']);
  switch (input.classification) {
    case 'complication':
      found.push(['referral_2w', 'complication']);
      break;
    case 'adverse_reaction':
      found.push(
        input.uncontrollableAdverseReaction
          ? ['referral_2w', 'uncontrollable_adverse_reaction']
          : ['recheck_2w', 'adverse_reaction'],
      );
      break;
    case 'uncontrolled':
      found.push(
        input.previousClassification === 'uncontrolled'
          ? ['referral_2w', 'two_consecutive_uncontrolled']
          : ['recheck_2w', 'first_uncontrolled'],
      );
      break;
    case 'controlled':
      found.push(['routine', 'controlled']);
      break;
  }
  found.sort((a, b) => ACTION_RANK[b[0]] - ACTION_RANK[a[0]]);
  const action = found[0]![0];
  const entry = NEXT_VISIT_ACTION.find((e) => e.key === action)!;
  return {
    dueDate:
      action === 'routine' ? addMonths(input.visitDate, routineMonths) : addDays(input.visitDate, shortDays),
    action,
    code: entry.code,
    referral: action === 'referral_2w' || action === 'emergency_referral',
    reasons: found.map(([, r]) => r),
  };
}

// ---------------------------------------------------------------------------------------------------------
// BMI, visits per year, annual health check
// ---------------------------------------------------------------------------------------------------------

/** BMI = kg / m², rounded half up to one decimal; null when height or weight is missing or not positive. */
export function bmi(heightCm: number, weightKg: number): number | null {
  if (!isNum(heightCm) || !isNum(weightKg) || heightCm <= 0 || weightKg <= 0) return null;
  const m = heightCm / 100;
  return Math.round(clean(weightKg / (m * m)) * 10) / 10;
}

/** How a follow-up was done (随访方式, FACTS §3.6); only clinic and home visits are face to face. */
export const FOLLOW_UP_METHOD = [
  { code: '1', zh: '门诊', en: 'Clinic', faceToFace: true },
  { code: '2', zh: '家庭', en: 'Home visit', faceToFace: true },
  { code: '3', zh: '电话', en: 'Phone', faceToFace: false },
] as const satisfies readonly (CodeEntry & { faceToFace: boolean })[];

export function isFaceToFace(methodCode: string): boolean {
  return FOLLOW_UP_METHOD.some((m) => m.code === methodCode && m.faceToFace);
}

/** The spec's minimum of face-to-face follow-ups per year (FACTS §2 rows 7a/7b). */
export const ANNUAL_FOLLOW_UPS = 4;

/**
 * Follow-ups in a calendar year, given the dates of the face-to-face follow-ups (filter with isFaceToFace
 * first). Several follow-ups on the same day count once (FACTS §9.3 flags visits bunched on one day).
 */
export function followUpsInYear(dates: readonly string[], year: number): number {
  const days = new Set<string>();
  for (const d of dates) if (requireCalendarDate(d).year === year) days.add(d);
  return days.size;
}

export function meetsAnnualFollowUps(
  dates: readonly string[],
  year: number,
  minimum: number = ANNUAL_FOLLOW_UPS,
): boolean {
  return followUpsInYear(dates, year) >= minimum;
}

export type AnnualCheckReason = 'elderly' | 'hypertension' | 'diabetes' | 'severe_mental_disorder';

export interface AnnualCheckInput {
  birthDate: string;
  /** Calendar year being checked. */
  year: number;
  hypertension?: boolean;
  diabetes?: boolean;
  /** FACTS §3.5 lists severe mental disorder among the groups that get the annual health check. */
  severeMentalDisorder?: boolean;
  /** Dates of the resident's health checks (健康体检表). */
  checkDates: readonly string[];
}

export interface AnnualCheckStatus {
  /** The resident belongs to a group that needs a health check this year. */
  required: boolean;
  reasons: AnnualCheckReason[];
  /** A health check dated in the year exists. */
  done: boolean;
  /** Latest health check in the year, or null. */
  lastCheckDate: string | null;
  /** required && !done. */
  due: boolean;
  /** 31 Dec of the year when required, else null. */
  dueBy: string | null;
}

/**
 * Whether a resident needs the annual health check in a calendar year and whether it is done. "65+" counts
 * residents who are 65 on 31 Dec of the year (turning 65 during the year), since FACTS §2 row 6 and §4
 * (年内辖区内65岁及以上常住居民数) count by year without fixing the reference date.
 */
export function annualCheckDue(input: AnnualCheckInput): AnnualCheckStatus {
  const yearEnd = `${String(input.year).padStart(4, '0')}-12-31`;
  requireCalendarDate(yearEnd, 'year');
  const reasons: AnnualCheckReason[] = [];
  if (completedYears(input.birthDate, yearEnd) >= 65) reasons.push('elderly');
  if (input.hypertension) reasons.push('hypertension');
  if (input.diabetes) reasons.push('diabetes');
  if (input.severeMentalDisorder) reasons.push('severe_mental_disorder');
  let lastCheckDate: string | null = null;
  for (const d of input.checkDates)
    if (requireCalendarDate(d).year === input.year && (lastCheckDate === null || d > lastCheckDate))
      lastCheckDate = d;
  const required = reasons.length > 0;
  const done = lastCheckDate !== null;
  return { required, reasons, done, lastCheckDate, due: required && !done, dueBy: required ? yearEnd : null };
}

// ---------------------------------------------------------------------------------------------------------
// Plausibility of measured values (FACTS §9.3 "Plausibility & logic")
// ---------------------------------------------------------------------------------------------------------

export interface PlausibilityValues {
  sbp?: number | null;
  dbp?: number | null;
  heartRate?: number | null;
  /** Glucose mmol/L (convert mg/dL first: mmol/L = mg/dL ÷ 18). */
  glucose?: number | null;
  heightCm?: number | null;
  weightKg?: number | null;
  /** BMI as entered; when missing it is computed from height and weight for the range check. */
  bmi?: number | null;
  waistCm?: number | null;
  temperature?: number | null;
}
export type PlausibilityField = keyof PlausibilityValues;

/**
 * The ranges we chose (not from the spec; FACTS §9.3 only says "out of plausible ranges"). A value outside
 * `possible` is an error (an entry mistake: wrong unit, typo); a value outside `usual` but within `possible`
 * is a warning (possible but worth a second look). Bounds are inclusive: a value equal to a bound is fine.
 *
 * | field       | error below | error above | warning below | warning above |
 * |-------------|-------------|-------------|---------------|---------------|
 * | sbp         | 40          | 300         | 80            | 220           |
 * | dbp         | 20          | 200         | 40            | 140           |
 * | heartRate   | 20          | 300         | 40            | 150           |
 * | glucose     | 1.0         | 50          | 2.8           | 25            |
 * | heightCm    | 50          | 250         | 120           | 200           |
 * | weightKg    | 10          | 350         | 30            | 150           |
 * | bmi         | 8           | 80          | 15            | 40            |
 * | waistCm     | 30          | 250         | 50            | 150           |
 * | temperature | 30          | 45          | 35            | 41            |
 *
 * Besides: a negative value is the error `negative`; SBP ≤ DBP is the error `sbp_not_above_dbp` (on sbp);
 * an entered BMI more than 0.1 away from weight / height² is the error `bmi_mismatch` (0.1 tolerates
 * rounding or truncating to one decimal).
 */
export const PLAUSIBLE_RANGES: Readonly<
  Record<PlausibilityField, { possible: readonly [number, number]; usual: readonly [number, number] }>
> = {
  sbp: { possible: [40, 300], usual: [80, 220] },
  dbp: { possible: [20, 200], usual: [40, 140] },
  heartRate: { possible: [20, 300], usual: [40, 150] },
  glucose: { possible: [1.0, 50], usual: [2.8, 25] },
  heightCm: { possible: [50, 250], usual: [120, 200] },
  weightKg: { possible: [10, 350], usual: [30, 150] },
  bmi: { possible: [8, 80], usual: [15, 40] },
  waistCm: { possible: [30, 250], usual: [50, 150] },
  temperature: { possible: [30, 45], usual: [35, 41] },
};

export type PlausibilityErrorCode =
  'not_a_number' | 'negative' | 'below_possible' | 'above_possible' | 'sbp_not_above_dbp' | 'bmi_mismatch';
export type PlausibilityWarningCode = 'unusually_low' | 'unusually_high';

export interface PlausibilityResult {
  errors: { field: PlausibilityField; code: PlausibilityErrorCode }[];
  warnings: { field: PlausibilityField; code: PlausibilityWarningCode }[];
}

const FIELDS = Object.keys(PLAUSIBLE_RANGES) as PlausibilityField[];

/** Errors for impossible values and warnings for unusual ones; missing (null/undefined) values are skipped. */
export function plausibility(values: PlausibilityValues): PlausibilityResult {
  const errors: PlausibilityResult['errors'] = [];
  const warnings: PlausibilityResult['warnings'] = [];
  const ok = new Set<PlausibilityField>();
  for (const field of FIELDS) {
    let v = values[field];
    // FIELDS lists height and weight before bmi, so `ok` knows whether they are usable here.
    if (field === 'bmi' && (v === null || v === undefined) && ok.has('heightCm') && ok.has('weightKg'))
      v = bmi(values.heightCm!, values.weightKg!);
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.push({ field, code: 'not_a_number' });
      continue;
    }
    const { possible, usual } = PLAUSIBLE_RANGES[field];
    const x = clean(v);
    if (x < 0) errors.push({ field, code: 'negative' });
    else if (x < possible[0]) errors.push({ field, code: 'below_possible' });
    else if (x > possible[1]) errors.push({ field, code: 'above_possible' });
    else {
      ok.add(field);
      if (x < usual[0]) warnings.push({ field, code: 'unusually_low' });
      else if (x > usual[1]) warnings.push({ field, code: 'unusually_high' });
    }
  }
  if (isNum(values.sbp) && isNum(values.dbp) && clean(values.sbp) <= clean(values.dbp))
    errors.push({ field: 'sbp', code: 'sbp_not_above_dbp' });
  if (ok.has('bmi') && ok.has('heightCm') && ok.has('weightKg') && isNum(values.bmi)) {
    const m = values.heightCm! / 100;
    const exact = values.weightKg! / (m * m);
    if (Math.abs(values.bmi - exact) > 0.1 + 1e-9) errors.push({ field: 'bmi', code: 'bmi_mismatch' });
  }
  return { errors, warnings };
}
