/**
 * Rules of 孕产妇健康管理 (国家基本公共卫生服务规范 第三版) as pure functions: gestational age and due date,
 * the prenatal visit windows and the pregnancy's schedule, the postpartum visit and the 42-day check,
 * high-risk findings that ask for referral, the pregnancy outcome, and who can be registered. Every number
 * is in SOURCES.md with its source. Dates are 'YYYY-MM-DD' strings (date-math.ts).
 */
import { addDays, addMonths, completedYears, daysBetween, requireCalendarDate } from '../date-math.ts';

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

// ---------------------------------------------------------------------------------------------------------
// Gestational age (孕周) and due date (预产期)
// ---------------------------------------------------------------------------------------------------------

export interface GestationalAge {
  weeks: number;
  days: number;
}

export const gaToDays = (ga: GestationalAge): number => ga.weeks * 7 + ga.days;
export function gaFromDays(days: number): GestationalAge {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`gestational age in days must be ≥ 0: ${days}`);
  return { weeks: Math.floor(days / 7), days: days % 7 };
}
export const formatGa = (ga: GestationalAge): string => `${ga.weeks}+${ga.days}`;

export interface UltrasoundDate {
  /** The day of the scan. */
  date: string;
  /** The gestational age the scan measured. */
  weeks: number;
  days: number;
}

export type DatingSource = 'lmp' | 'ultrasound';

/**
 * Day 0 of the pregnancy by the calendar: the LMP, or the day an ultrasound puts it at (scan date minus the
 * age it measured). Gestational age on a date is the days since day 0.
 */
export interface Dating {
  source: DatingSource;
  /** The date at gestational age 0+0. */
  zero: string;
}

/**
 * The dating of a pregnancy from what is known. The ultrasound wins when given: an early scan dates a
 * pregnancy more reliably than the remembered LMP (irregular cycles, late ovulation, a wrong memory), and the
 * form lets the LMP be 不详. Null when neither is known.
 */
export function datePregnancy(known: {
  lmp?: string | null;
  ultrasound?: UltrasoundDate | null;
}): Dating | null {
  if (known.ultrasound) {
    const u = known.ultrasound;
    return { source: 'ultrasound', zero: addDays(u.date, -gaToDays(u)) };
  }
  if (known.lmp) return { source: 'lmp', zero: addDays(known.lmp, 0) };
  return null;
}

/** Days of gestation on `on` (may be negative for a date before day 0). */
export const gaDaysOn = (dating: Dating, on: string): number => daysBetween(dating.zero, on);

/** Gestational age (weeks + days) on `on` from the LMP. */
export function gaFromLmp(lmp: string, on: string): GestationalAge {
  return gaFromDays(daysBetween(lmp, on));
}

/** Gestational age on `on` from an ultrasound: the age it measured plus the days since the scan. */
export function gaFromUltrasound(u: UltrasoundDate, on: string): GestationalAge {
  return gaFromDays(gaToDays(u) + daysBetween(u.date, on));
}

/** A pregnancy lasts 280 days (40+0) from the LMP. */
export const TERM_DAYS = 280;

/**
 * 预产期 by the form's rule (第1次产前检查服务记录表 填表说明 6): the LMP's month + 9 (or − 3, the same month
 * of the next year) and its day + 7. When day + 7 passes the end of that month the extra days run into the
 * next one (LMP 25 May → "32 Feb" → 4 Mar, 3 in a leap year), as on a pregnancy wheel; the rule differs from
 * LMP + 280 days by up to 3 days.
 */
export function dueDateNaegele(lmp: string): string {
  const d = requireCalendarDate(lmp, 'lmp');
  const firstOfMonth = addMonths(`${lmp.slice(0, 8)}01`, 9);
  return addDays(firstOfMonth, d.day - 1 + 7);
}

/** LMP + 280 days. */
export const dueDateByDays = (lmp: string): string => addDays(lmp, TERM_DAYS);

/**
 * The due date of a dating: by the form's month/day rule from an LMP; from an ultrasound, day 0 + 280 days
 * (a scan gives an age in days, so there is no month to add to).
 */
export function dueDate(dating: Dating): string {
  return dating.source === 'lmp' ? dueDateNaegele(dating.zero) : addDays(dating.zero, TERM_DAYS);
}

/** The due dates an entered 预产期 may match: the form's rule, LMP + 280 and the ultrasound's. */
export function acceptableDueDates(known: {
  lmp?: string | null;
  ultrasound?: UltrasoundDate | null;
}): string[] {
  const out = new Set<string>();
  if (known.lmp) {
    out.add(dueDateNaegele(known.lmp));
    out.add(dueDateByDays(known.lmp));
  }
  if (known.ultrasound) out.add(dueDate(datePregnancy({ ultrasound: known.ultrasound })!));
  return [...out];
}

/** An entered 孕周 more than this many days away from the computed one gives a warning. */
export const GA_TOLERANCE_DAYS = 3;

// ---------------------------------------------------------------------------------------------------------
// Prenatal visit windows (FACTS §2 row 5)
// ---------------------------------------------------------------------------------------------------------

export type PrenatalVisit = 1 | 2 | 3 | 4 | 5;

export interface PrenatalWindow {
  visit: PrenatalVisit;
  /** First and last day of gestation of the window, inclusive. */
  fromDays: number;
  toDays: number;
}

/**
 * The spec's windows: the 1st visit before 13 weeks (0+0 … 12+6; a later first visit is still recorded, but
 * is not an early registration); the 2nd at 16–20 weeks (16+0 … 20+6), the 3rd at 21–24 (21+0 … 24+6), the
 * 4th at 28–36 (28+0 … 36+6) and the 5th at 37–40 (37+0 … 40+6). "16–20 weeks" is read as from 16+0 to the
 * last day of the 20th completed week.
 */
export const PRENATAL_WINDOWS: readonly PrenatalWindow[] = [
  { visit: 1, fromDays: 0, toDays: 13 * 7 - 1 },
  { visit: 2, fromDays: 16 * 7, toDays: 21 * 7 - 1 },
  { visit: 3, fromDays: 21 * 7, toDays: 25 * 7 - 1 },
  { visit: 4, fromDays: 28 * 7, toDays: 37 * 7 - 1 },
  { visit: 5, fromDays: 37 * 7, toDays: 41 * 7 - 1 },
];

const windowOf = (visit: PrenatalVisit): PrenatalWindow => PRENATAL_WINDOWS.find((w) => w.visit === visit)!;

/** The visit whose window holds a gestational age (days), or null between windows (13–15, 25–27 weeks, 41+). */
export function prenatalWindowAt(gaDays: number): PrenatalVisit | null {
  return PRENATAL_WINDOWS.find((w) => gaDays >= w.fromDays && gaDays <= w.toDays)?.visit ?? null;
}

/** 早孕建册: the first prenatal check before 13+0 (the indicator 早孕建册率, FACTS §4). */
export const EARLY_REGISTRATION_DAYS = 13 * 7;
export const isEarlyRegistration = (gaDays: number): boolean =>
  gaDays >= 0 && gaDays < EARLY_REGISTRATION_DAYS;

/** Whether a gestational age is within the window of the given visit. */
export function inPrenatalWindow(visit: PrenatalVisit, gaDays: number): boolean {
  const w = windowOf(visit);
  return gaDays >= w.fromDays && gaDays <= w.toDays;
}

export interface ScheduledVisit {
  visit: PrenatalVisit;
  /** Calendar dates of the window, inclusive. */
  from: string;
  to: string;
}

/** The five windows as calendar dates for a dating. */
export function prenatalSchedule(dating: Dating): ScheduledVisit[] {
  return PRENATAL_WINDOWS.map((w) => ({
    visit: w.visit,
    from: addDays(dating.zero, w.fromDays),
    to: addDays(dating.zero, w.toDays),
  }));
}

/**
 * The next prenatal visit after the visits done: the first not done whose window has not ended at `gaDays`
 * (a visit whose window passed is missed, not due). Null when none is left.
 */
export function nextPrenatalVisit(done: readonly number[], gaDays: number): PrenatalWindow | null {
  return PRENATAL_WINDOWS.find((w) => !done.includes(w.visit) && w.toDays >= gaDays) ?? null;
}

/** Visits whose window ended before `gaDays` without a record. */
export function missedPrenatalVisits(done: readonly number[], gaDays: number): PrenatalVisit[] {
  return PRENATAL_WINDOWS.filter((w) => !done.includes(w.visit) && w.toDays < gaDays).map((w) => w.visit);
}

/**
 * The date to put in 下次随访日期 after a prenatal visit on `on` at `gaDays`: the first day of the next
 * visit's window (or the day after `on` when that window is already open). Null after the 5th visit.
 */
export function nextPrenatalVisitDate(visitDone: PrenatalVisit, gaDays: number, on: string): string | null {
  const next = PRENATAL_WINDOWS.find((w) => w.visit > visitDone && w.toDays >= gaDays);
  if (!next) return null;
  return next.fromDays > gaDays ? addDays(on, next.fromDays - gaDays) : addDays(on, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Postpartum visit and the 42-day check (FACTS §2 row 5, §4 产后访视率)
// ---------------------------------------------------------------------------------------------------------

/** The home visit is due within a week (7 days) of discharge: day 0 (the discharge day) to day 7. */
export const POSTPARTUM_VISIT_DAYS = 7;
/** 产后访视率 counts a visit within 28 days of discharge. */
export const POSTPARTUM_VISIT_RATE_DAYS = 28;
/** The 42-day check is due on day 42 after the delivery. */
export const CHECK42_DAY = 42;
/** Our grace period: a check from day 42 to day 56 (two weeks) is on time; later is late. */
export const CHECK42_LATEST_DAY = 56;

export type Timing = 'early' | 'on_time' | 'late';

/** The postpartum visit's window: discharge day to discharge + 7 days. */
export function postpartumVisitWindow(dischargeDate: string): { from: string; to: string } {
  return { from: dischargeDate, to: addDays(dischargeDate, POSTPARTUM_VISIT_DAYS) };
}

/** Before discharge is 'early' (a home visit cannot be), days 0–7 'on_time', day 8 on 'late'. */
export function postpartumVisitTiming(dischargeDate: string, visitDate: string): Timing {
  const d = daysBetween(dischargeDate, visitDate);
  return d < 0 ? 'early' : d <= POSTPARTUM_VISIT_DAYS ? 'on_time' : 'late';
}

/** Whether a visit counts for 产后访视率: 0–28 days after discharge. */
export function countsForPostpartumVisitRate(dischargeDate: string, visitDate: string): boolean {
  const d = daysBetween(dischargeDate, visitDate);
  return d >= 0 && d <= POSTPARTUM_VISIT_RATE_DAYS;
}

export const check42DueDate = (deliveryDate: string): string => addDays(deliveryDate, CHECK42_DAY);

export function check42Window(deliveryDate: string): { from: string; to: string } {
  return { from: addDays(deliveryDate, CHECK42_DAY), to: addDays(deliveryDate, CHECK42_LATEST_DAY) };
}

/** Before day 42 'early', days 42–56 'on_time', later 'late'. */
export function check42Timing(deliveryDate: string, checkDate: string): Timing {
  const d = daysBetween(deliveryDate, checkDate);
  return d < CHECK42_DAY ? 'early' : d <= CHECK42_LATEST_DAY ? 'on_time' : 'late';
}

// ---------------------------------------------------------------------------------------------------------
// The pregnancy's schedule, for the worklist (what is due next and by when)
// ---------------------------------------------------------------------------------------------------------

export interface PregnancyState {
  /** The dating of the pregnancy (from the first prenatal check), null when unknown. */
  dating: Dating | null;
  /** The prenatal visits recorded (1 for the first check, 2–5 for the follow-ups; urged ones count). */
  prenatalVisitsDone: readonly number[];
  /** From the outcome or the postpartum forms, once the pregnancy has ended. */
  deliveryDate?: string | null;
  dischargeDate?: string | null;
  /** Whether the pregnancy ended in a birth (postpartum care follows) — false for a miscarriage etc. */
  birth?: boolean;
  postpartumVisitDone?: boolean;
  check42Done?: boolean;
  /** Case closed (结案) or left the register. */
  closed?: boolean;
}

export type DueService =
  | { kind: 'prenatal'; visit: PrenatalVisit; from: string; to: string }
  | { kind: 'postpartum_visit'; from: string; to: string }
  | { kind: 'check42'; from: string; to: string };

/**
 * What is due next for a pregnancy on `on`, with its window: the next prenatal visit while pregnant (the
 * first check is due at once when the pregnancy is not dated); after a birth the postpartum visit (from
 * discharge, or from the delivery when the discharge date is not known yet), then the 42-day check. Null
 * when nothing is left (closed, every service done, or a pregnancy that ended without a birth). A window
 * whose `to` is before `on` is overdue.
 */
export function maternalNextDue(state: PregnancyState, on: string): DueService | null {
  if (state.closed) return null;
  if (state.deliveryDate) {
    if (!state.birth) return null;
    if (!state.postpartumVisitDone) {
      const w = postpartumVisitWindow(state.dischargeDate ?? state.deliveryDate);
      return { kind: 'postpartum_visit', ...w };
    }
    if (!state.check42Done) return { kind: 'check42', ...check42Window(state.deliveryDate) };
    return null;
  }
  if (!state.dating)
    // Not dated yet: the first check is due now; after it, without a dating, nothing can be scheduled.
    return state.prenatalVisitsDone.includes(1) ? null : { kind: 'prenatal', visit: 1, from: on, to: on };
  const ga = gaDaysOn(state.dating, on);
  // A first check not yet done is due by 12+6, and overdue after (a late registration is still one).
  if (!state.prenatalVisitsDone.includes(1))
    return {
      kind: 'prenatal',
      visit: 1,
      from: state.dating.zero,
      to: addDays(state.dating.zero, windowOf(1).toDays),
    };
  const next = nextPrenatalVisit(state.prenatalVisitsDone, ga);
  if (!next) return null;
  return {
    kind: 'prenatal',
    visit: next.visit,
    from: addDays(state.dating.zero, next.fromDays),
    to: addDays(state.dating.zero, next.toDays),
  };
}

// ---------------------------------------------------------------------------------------------------------
// High-risk findings (SOURCES.md §3: each threshold and its source)
// ---------------------------------------------------------------------------------------------------------

export const HIGH_RISK_THRESHOLDS = {
  /** 年龄 ≤ 18 or ≥ 35 (completed years on the day of the visit). */
  ageYoung: 18,
  ageOld: 35,
  /** BMI < 18.5 or > 25. */
  bmiLow: 18.5,
  bmiHigh: 25,
  /** Hypertension in pregnancy: SBP ≥ 140 and/or DBP ≥ 90; severe: ≥ 160 and/or ≥ 110. */
  sbp: 140,
  dbp: 90,
  sbpSevere: 160,
  dbpSevere: 110,
  /** Anaemia in pregnancy: Hb < 110 g/L; severe: < 70 g/L. */
  hemoglobin: 110,
  hemoglobinSevere: 70,
  /** Thrombocytopenia: platelets < 100 ×10⁹/L. */
  platelets: 100,
  /** Normal fetal heart rate 110–160 beats/min (inclusive). */
  fetalHeartLow: 110,
  fetalHeartHigh: 160,
  /** The fetal heart is counted from 12 weeks (Doppler); earlier a missing or odd rate is not a finding. */
  fetalHeartFromDays: 12 * 7,
  /** Postpartum: temperature ≥ 38.0 °C (puerperal fever). */
  temperature: 38,
  /** 不良孕产史: 3 or more abortions of any kind, or any fetal death, stillbirth, neonatal death or defect. */
  abortions: 3,
} as const;

export const HIGH_RISK_FINDINGS = [
  'age_18_or_under',
  'age_35_or_over',
  'bmi_below_18_5',
  'bmi_above_25',
  'bp_140_90',
  'bp_160_110',
  'anaemia',
  'severe_anaemia',
  'platelets_below_100',
  'fetal_heart_rate_abnormal',
  'proteinuria',
  'hbsag_positive',
  'syphilis_positive',
  'hiv_positive',
  'adverse_pregnancy_history',
  'scarred_uterus',
  'puerperal_fever',
] as const;
export type HighRiskFinding = (typeof HIGH_RISK_FINDINGS)[number];

/**
 * Findings the primary unit should refer (转诊) for: raised BP, severe anaemia, low platelets, an abnormal
 * fetal heart rate, proteinuria, an infection of the purple list (HBsAg, syphilis, HIV: managed at the
 * designated institution) and puerperal fever. The others (age, BMI, mild anaemia, history, a scarred
 * uterus) mark a high-risk pregnancy to be followed closely, without asking for referral by themselves.
 */
export const REFERRAL_FINDINGS: ReadonlySet<HighRiskFinding> = new Set<HighRiskFinding>([
  'bp_140_90',
  'bp_160_110',
  'severe_anaemia',
  'platelets_below_100',
  'fetal_heart_rate_abnormal',
  'proteinuria',
  'hbsag_positive',
  'syphilis_positive',
  'hiv_positive',
  'puerperal_fever',
]);

/**
 * Risk factors a woman brings (age, BMI, history, a scarred uterus) mark a high-risk pregnancy but are not
 * abnormal results of the examination; the others are, and contradict a class of 未见异常 / 已恢复.
 */
export const RISK_FACTORS: ReadonlySet<HighRiskFinding> = new Set<HighRiskFinding>([
  'age_18_or_under',
  'age_35_or_over',
  'bmi_below_18_5',
  'bmi_above_25',
  'adverse_pregnancy_history',
  'scarred_uterus',
]);
export const isAbnormalFinding = (f: HighRiskFinding): boolean => !RISK_FACTORS.has(f);

export interface HighRiskInput {
  /** Completed years on the visit date. */
  age?: number | null;
  bmi?: number | null;
  sbp?: number | null;
  dbp?: number | null;
  hemoglobin?: number | null;
  platelets?: number | null;
  fetalHeartRate?: number | null;
  /** Gestational age in days when the fetal heart rate was taken (unknown: the rate is judged anyway). */
  gaDays?: number | null;
  /** Urine protein as a dipstick result ('-', '±', '+' …): '+' or more is proteinuria. */
  urineProtein?: string | null;
  /** NEG_POS codes: '2' = positive. */
  hbsag?: string | null;
  syphilis?: string | null;
  hiv?: string | null;
  abortions?: number | null;
  /** Fetal deaths + stillbirths + neonatal deaths + children with a birth defect. */
  adverseOutcomes?: number | null;
  caesareans?: number | null;
  temperature?: number | null;
}

/** Whether a dipstick result shows protein: '+' to '++++' (not '-' or '±'); a number above 0.3 g/L. */
export function proteinuria(result: string | null | undefined): boolean {
  if (!result) return false;
  const r = result.trim();
  if (/^\+{1,4}$/.test(r)) return true;
  const m = /^(\d+(?:\.\d+)?)/.exec(r);
  return m ? Number(m[1]) >= 0.3 : false;
}

/** The findings of a visit, in the order of HIGH_RISK_FINDINGS; missing values do not fire. */
export function highRiskFindings(v: HighRiskInput): HighRiskFinding[] {
  const t = HIGH_RISK_THRESHOLDS;
  const out = new Set<HighRiskFinding>();
  if (isNum(v.age) && v.age <= t.ageYoung) out.add('age_18_or_under');
  if (isNum(v.age) && v.age >= t.ageOld) out.add('age_35_or_over');
  if (isNum(v.bmi) && v.bmi < t.bmiLow) out.add('bmi_below_18_5');
  if (isNum(v.bmi) && v.bmi > t.bmiHigh) out.add('bmi_above_25');
  if ((isNum(v.sbp) && v.sbp >= t.sbp) || (isNum(v.dbp) && v.dbp >= t.dbp)) out.add('bp_140_90');
  if ((isNum(v.sbp) && v.sbp >= t.sbpSevere) || (isNum(v.dbp) && v.dbp >= t.dbpSevere)) out.add('bp_160_110');
  if (isNum(v.hemoglobin) && v.hemoglobin < t.hemoglobin) out.add('anaemia');
  if (isNum(v.hemoglobin) && v.hemoglobin < t.hemoglobinSevere) out.add('severe_anaemia');
  if (isNum(v.platelets) && v.platelets < t.platelets) out.add('platelets_below_100');
  if (
    isNum(v.fetalHeartRate) &&
    (!isNum(v.gaDays) || v.gaDays >= t.fetalHeartFromDays) &&
    (v.fetalHeartRate < t.fetalHeartLow || v.fetalHeartRate > t.fetalHeartHigh)
  )
    out.add('fetal_heart_rate_abnormal');
  if (proteinuria(v.urineProtein)) out.add('proteinuria');
  if (v.hbsag === '2') out.add('hbsag_positive');
  if (v.syphilis === '2') out.add('syphilis_positive');
  if (v.hiv === '2') out.add('hiv_positive');
  if (
    (isNum(v.abortions) && v.abortions >= t.abortions) ||
    (isNum(v.adverseOutcomes) && v.adverseOutcomes > 0)
  )
    out.add('adverse_pregnancy_history');
  if (isNum(v.caesareans) && v.caesareans > 0) out.add('scarred_uterus');
  if (isNum(v.temperature) && v.temperature >= t.temperature) out.add('puerperal_fever');
  return HIGH_RISK_FINDINGS.filter((f) => out.has(f));
}

export const needsReferral = (findings: readonly HighRiskFinding[]): boolean =>
  findings.some((f) => REFERRAL_FINDINGS.has(f));

/** BMI = weight / height² (kg/m²), one decimal. */
export function bmiOf(heightCm: number, weightKg: number): number {
  const m = heightCm / 100;
  return Math.round((weightKg / (m * m)) * 10) / 10;
}

// ---------------------------------------------------------------------------------------------------------
// Pregnancy outcome
// ---------------------------------------------------------------------------------------------------------

export type PregnancyOutcomeKey =
  | 'live_birth'
  | 'fetal_death'
  | 'stillbirth'
  | 'miscarriage'
  | 'induced_abortion'
  | 'medical_termination'
  | 'ectopic'
  | 'molar'
  | 'other';

/** PREGNANCY_OUTCOME codes (maternal-codes.ts) → keys. */
export const OUTCOME_KEYS: Readonly<Record<string, PregnancyOutcomeKey>> = {
  '1': 'live_birth',
  '2': 'fetal_death',
  '3': 'stillbirth',
  '4': 'miscarriage',
  '5': 'induced_abortion',
  '6': 'medical_termination',
  '7': 'ectopic',
  '8': 'molar',
  '9': 'other',
};

/** A delivery (产次) is a birth after 28 weeks; before 28+0 the pregnancy ends in an abortion (流产). */
export const DELIVERY_FROM_DAYS = 28 * 7;

/** Outcomes that are births: a baby (alive or not) is delivered and postpartum care follows. */
export const isBirth = (k: PregnancyOutcomeKey): boolean =>
  k === 'live_birth' || k === 'fetal_death' || k === 'stillbirth';

export interface OutcomeInput {
  outcome: PregnancyOutcomeKey;
  date: string;
  gaDays?: number | null;
  deliveryMode?: string | null;
  babies: readonly { bornAlive: boolean }[];
}

export type OutcomeIssueCode =
  | 'outcome_live_birth_without_live_baby'
  | 'outcome_baby_alive_not_live_birth'
  | 'outcome_babies_without_birth'
  | 'outcome_abortion_after_28_weeks'
  | 'outcome_delivery_mode_without_birth';

/** Consistency of an outcome with its babies and gestational age: errors and warnings. */
export function outcomeIssues(v: OutcomeInput): { errors: OutcomeIssueCode[]; warnings: OutcomeIssueCode[] } {
  const errors: OutcomeIssueCode[] = [];
  const warnings: OutcomeIssueCode[] = [];
  const birth = isBirth(v.outcome);
  if (v.outcome === 'live_birth' && !v.babies.some((b) => b.bornAlive))
    errors.push('outcome_live_birth_without_live_baby');
  if ((v.outcome === 'fetal_death' || v.outcome === 'stillbirth') && v.babies.some((b) => b.bornAlive))
    errors.push('outcome_baby_alive_not_live_birth');
  if (!birth && v.babies.length > 0) errors.push('outcome_babies_without_birth');
  if (!birth && v.deliveryMode) warnings.push('outcome_delivery_mode_without_birth');
  if (
    (v.outcome === 'miscarriage' || v.outcome === 'induced_abortion') &&
    isNum(v.gaDays) &&
    v.gaDays >= DELIVERY_FROM_DAYS
  )
    warnings.push('outcome_abortion_after_28_weeks');
  return { errors, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// Who can be registered
// ---------------------------------------------------------------------------------------------------------

/** GB/T 2261.1 female. */
export const FEMALE = '2';
/** Outside these ages (completed years) a pregnancy is rare: a warning, not a refusal. */
export const USUAL_MIN_AGE = 15;
export const USUAL_MAX_AGE = 50;

export type EligibilityCode = 'maternal_not_female' | 'maternal_age_unusual';

/**
 * A maternal record or enrolment needs a woman (sex '2': an error otherwise, including 0 未知 and 9 未说明,
 * which must be corrected on the basic information first); an age under 15 or over 50 on the day is a warning.
 */
export function maternalEligibility(
  resident: { sex: string; birthDate: string },
  on: string,
): { errors: EligibilityCode[]; warnings: EligibilityCode[] } {
  const errors: EligibilityCode[] = resident.sex === FEMALE ? [] : ['maternal_not_female'];
  const age = completedYears(resident.birthDate, on);
  const warnings: EligibilityCode[] =
    age < USUAL_MIN_AGE || age > USUAL_MAX_AGE ? ['maternal_age_unusual'] : [];
  return { errors, warnings };
}
