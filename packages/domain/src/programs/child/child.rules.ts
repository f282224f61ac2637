/**
 * The pure rules of 0~6岁儿童健康管理 (SOURCES.md has every number and decision): the check schedule with
 * each check's window, what is due on a date, leaving the program at 7, growth z-scores and grades (via
 * ./growth), plausibility of the measurements, and the findings that ask for guidance or referral.
 */
import { addDays, addMonths, completedYears, parseCalendarDate } from '../date-math.ts';
import { ageInDays, DAYS_PER_MONTH, growthGrade, growthZ, type GrowthGrade } from './growth/index.ts';
import type { GrowthMeasured } from './growth/index.ts';
import { CHILD_CHECKS, TCM_MONTHS, type ChildCheck, type TcmMonth } from './child.schedule.ts';

// ---------------------------------------------------------------------------------------------------------
// Ages and leaving
// ---------------------------------------------------------------------------------------------------------

/**
 * The day a child born on `birthDate` completes `months` months. When the birth day does not exist in the
 * target month (born on the 31st, or on 29 February), the month is completed on the next day — the rule
 * of completedYears (date-math.ts), so a child born on 29 Feb turns 7 on 1 March.
 */
export function reachesAge(birthDate: string, months: number): string {
  const d = addMonths(birthDate, months);
  return parseCalendarDate(d)!.day < parseCalendarDate(birthDate)!.day ? addDays(d, 1) : d;
}

/** The program is for children 0–6: a child leaves on the 7th birthday. */
export const CHILD_LEAVE_YEARS = 7;
export const childLeaveDate = (birthDate: string): string => reachesAge(birthDate, CHILD_LEAVE_YEARS * 12);
/** Born on or before `on` and not yet 7. */
export const inChildProgram = (birthDate: string, on: string): boolean =>
  on >= birthDate && completedYears(birthDate, on) < CHILD_LEAVE_YEARS;

// ---------------------------------------------------------------------------------------------------------
// Check windows
// ---------------------------------------------------------------------------------------------------------

/** The newborn home visit: within 7 days of coming home (day 0 = discharge, or birth for a home birth). */
export const NEWBORN_VISIT_DAYS = 7;
/** 满月: 28 to 30 days after birth. */
export const MONTH1_FROM_DAY = 28;
export const MONTH1_TO_DAY = 30;
/** 3 to 30 months: from the month age to that month age + 29 days (满N月 至 N月29天). */
export const MONTH_WINDOW_EXTRA_DAYS = 29;

export interface CheckWindow {
  check: ChildCheck;
  /** First and last day of the window, inclusive. */
  from: string;
  to: string;
}

/** The window of a check: the dates the form's 填表说明 give for its column (SOURCES.md §2). */
export function checkWindow(
  birthDate: string,
  check: ChildCheck,
  dischargeDate?: string | null,
): CheckWindow {
  if (check === 'newborn') {
    const home = dischargeDate && dischargeDate > birthDate ? dischargeDate : birthDate;
    return { check, from: home, to: addDays(home, NEWBORN_VISIT_DAYS) };
  }
  if (check === 1)
    return { check, from: addDays(birthDate, MONTH1_FROM_DAY), to: addDays(birthDate, MONTH1_TO_DAY) };
  // 3–6 years: 满N岁 至 N岁11个月29天.
  const lastMonth = check >= 36 ? check + 11 : check;
  return {
    check,
    from: reachesAge(birthDate, check),
    to: addDays(reachesAge(birthDate, lastMonth), MONTH_WINDOW_EXTRA_DAYS),
  };
}

export type CheckTiming = 'early' | 'on_time' | 'late';
export function checkTiming(
  birthDate: string,
  check: ChildCheck,
  on: string,
  dischargeDate?: string | null,
): CheckTiming {
  const w = checkWindow(birthDate, check, dischargeDate);
  return on < w.from ? 'early' : on > w.to ? 'late' : 'on_time';
}

/** The check after `check`, or null after the 6-year check. */
export function nextCheck(check: ChildCheck): ChildCheck | null {
  return CHILD_CHECKS[CHILD_CHECKS.indexOf(check) + 1] ?? null;
}

/** The TCM guidance of a month age shares the window of the check of that month age (36 → the 3-year check). */
export const tcmWindow = (birthDate: string, month: TcmMonth): CheckWindow => checkWindow(birthDate, month);

export type DueStatus = 'due' | 'overdue' | 'missed' | 'upcoming';

/**
 * The status of an item not done on `on`: due inside its window; overdue once the window has closed while
 * the next item's window has not opened (a late check is still worth doing); missed once the next window
 * is open (the next check takes over); upcoming before its window.
 */
export function dueStatusOf(w: { from: string; to: string }, nextFrom: string | null, on: string): DueStatus {
  if (on < w.from) return 'upcoming';
  if (on <= w.to) return 'due';
  return nextFrom !== null && on >= nextFrom ? 'missed' : 'overdue';
}

export interface CheckDue {
  /** The check whose window holds `on` (not done). */
  due: CheckWindow | null;
  /** The last check whose window has closed, not done, before the next window opens. */
  overdue: CheckWindow | null;
  /** Checks not done whose windows closed and were superseded by a later window. */
  missed: ChildCheck[];
  /** The first check whose window opens after `on`. */
  next: CheckWindow | null;
  /** The child is 7 or older on `on` (or not born yet): nothing is due. */
  outside: boolean;
}

/** Which check is due, overdue or missed on a date, given the checks done. */
export function checkDueAt(
  birthDate: string,
  on: string,
  opts: { done?: readonly ChildCheck[]; dischargeDate?: string | null } = {},
): CheckDue {
  const out: CheckDue = { due: null, overdue: null, missed: [], next: null, outside: false };
  if (!inChildProgram(birthDate, on)) return { ...out, outside: true };
  const done = opts.done ?? [];
  const windows = CHILD_CHECKS.map((c) => checkWindow(birthDate, c, opts.dischargeDate));
  windows.forEach((w, i) => {
    if (done.includes(w.check)) return;
    const s = dueStatusOf(w, windows[i + 1]?.from ?? null, on);
    if (s === 'due') out.due ??= w;
    else if (s === 'overdue') out.overdue = w;
    else if (s === 'missed') out.missed.push(w.check);
    else out.next ??= w;
  });
  return out;
}

/** What the worklist knows of a child. */
export interface ChildState {
  birthDate: string;
  dischargeDate?: string | null;
  checksDone: readonly ChildCheck[];
  tcmDone: readonly TcmMonth[];
  /** The register entry ended (moved, died …). */
  closed?: boolean;
}

export type ChildDue =
  | {
      kind: 'check';
      check: ChildCheck;
      from: string;
      to: string;
      status: 'due' | 'overdue' | 'upcoming';
      withTcm: boolean;
    }
  | { kind: 'tcm'; month: TcmMonth; from: string; to: string; status: 'due' | 'overdue' | 'upcoming' };

/**
 * The next service of a child on `on` (for the worklist): the first check or TCM guidance that is due or
 * overdue, else the next upcoming one; a check and the TCM guidance of the same month age go together
 * (withTcm). Null when the child has left (7), the entry is closed, or nothing is left.
 */
export function childNextDue(state: ChildState, on: string): ChildDue | null {
  if (state.closed || !inChildProgram(state.birthDate, on)) return null;
  const leave = childLeaveDate(state.birthDate);
  const checks = CHILD_CHECKS.map((c) => checkWindow(state.birthDate, c, state.dischargeDate));
  const tcms = TCM_MONTHS.map((m) => ({ month: m, w: tcmWindow(state.birthDate, m) }));
  const tcmPending = (m: number) =>
    (TCM_MONTHS as readonly number[]).includes(m) && !state.tcmDone.includes(m as TcmMonth);
  type Cand = ChildDue & { rank: number };
  const cands: Cand[] = [];
  checks.forEach((w, i) => {
    if (state.checksDone.includes(w.check)) return;
    const s = dueStatusOf(w, checks[i + 1]?.from ?? leave, on);
    if (s === 'missed') return;
    const withTcm = typeof w.check === 'number' && tcmPending(w.check);
    cands.push({ kind: 'check', check: w.check, from: w.from, to: w.to, status: s, withTcm, rank: 0 });
  });
  tcms.forEach(({ month, w }, i) => {
    if (state.tcmDone.includes(month)) return;
    // Together with a pending check of the same month age, the check carries it.
    if (!state.checksDone.includes(month)) return;
    const s = dueStatusOf(w, tcms[i + 1]?.w.from ?? leave, on);
    if (s === 'missed') return;
    cands.push({ kind: 'tcm', month, from: w.from, to: w.to, status: s, rank: 1 });
  });
  const active = cands.filter((c) => c.status !== 'upcoming');
  const pool = active.length ? active : cands;
  const best = pool.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.rank - b.rank))[0];
  if (!best) return null;
  const { rank: _rank, ...due } = best;
  return due;
}

// ---------------------------------------------------------------------------------------------------------
// Growth
// ---------------------------------------------------------------------------------------------------------

/** From 60 months (WHO 2007, no weight-for-height) the 体重/身高 grade is judged by BMI-for-age. */
export const BMI_FROM_MONTHS = 60;

export const GROWTH_FINDINGS = [
  'underweight',
  'severe_underweight',
  'stunting',
  'severe_stunting',
  'wasting',
  'severe_wasting',
  'overweight',
  'obesity',
  'weight_for_age_high',
  'length_for_age_high',
  'head_small',
  'head_large',
] as const;
export type GrowthFinding = (typeof GROWTH_FINDINGS)[number];
/** Findings that ask for a referral (below −3 SD); the others ask for guidance (SOURCES.md §3). */
export const GROWTH_REFERRAL: ReadonlySet<GrowthFinding> = new Set<GrowthFinding>([
  'severe_underweight',
  'severe_stunting',
  'severe_wasting',
]);

export interface GrowthMeasurement {
  sex: string;
  birthDate: string;
  on: string;
  weightKg: number;
  lengthCm: number;
  headCm?: number | null | undefined;
  measured?: GrowthMeasured | null | undefined;
}

export interface GrowthResult {
  ageDays: number;
  z: {
    wfa: number | null;
    lhfa: number | null;
    wflh: number | null;
    bfa: number | null;
    hcfa: number | null;
  };
  /** The grades of the form's 体重, 身长(高) and 体重/身高 rows, computed. */
  grades: { weight: GrowthGrade | null; length: GrowthGrade | null; weightForLength: GrowthGrade | null };
  /** Which z the 体重/身高 grade used: weight-for-length/height, or BMI-for-age from 60 months. */
  weightForLengthBy: 'wflh' | 'bfa' | null;
  findings: GrowthFinding[];
}

/** The z-scores, grades and findings of a check's measurements. */
export function assessGrowth(m: GrowthMeasurement): GrowthResult {
  const ageDays = ageInDays(m.birthDate, m.on);
  const base = { sex: m.sex as '1' | '2', ageDays, measured: m.measured ?? null };
  const z = {
    wfa: growthZ({ ...base, indicator: 'wfa', weightKg: m.weightKg }),
    lhfa: growthZ({ ...base, indicator: 'lhfa', lengthCm: m.lengthCm }),
    wflh: growthZ({ ...base, indicator: 'wflh', weightKg: m.weightKg, lengthCm: m.lengthCm }),
    bfa: growthZ({ ...base, indicator: 'bfa', weightKg: m.weightKg, lengthCm: m.lengthCm }),
    hcfa: m.headCm ? growthZ({ ...base, indicator: 'hcfa', headCm: m.headCm }) : null,
  };
  const byBmi = ageDays / DAYS_PER_MONTH >= BMI_FROM_MONTHS;
  const wl = byBmi ? z.bfa : z.wflh;
  const weightForLengthBy = wl === null ? null : byBmi ? 'bfa' : 'wflh';
  const f: GrowthFinding[] = [];
  if (z.wfa !== null) {
    if (z.wfa < -3) f.push('severe_underweight');
    else if (z.wfa < -2) f.push('underweight');
    else if (z.wfa > 2) f.push('weight_for_age_high');
  }
  if (z.lhfa !== null) {
    if (z.lhfa < -3) f.push('severe_stunting');
    else if (z.lhfa < -2) f.push('stunting');
    else if (z.lhfa > 2) f.push('length_for_age_high');
  }
  if (wl !== null) {
    // Under 5 (WHO 2006): overweight above +2, obesity above +3; from 5 (WHO 2007): above +1 and +2.
    const [over, obese] = byBmi ? [1, 2] : [2, 3];
    if (wl < -3) f.push('severe_wasting');
    else if (wl < -2) f.push('wasting');
    else if (wl > obese) f.push('obesity');
    else if (wl > over) f.push('overweight');
  }
  if (z.hcfa !== null) {
    if (z.hcfa < -2) f.push('head_small');
    else if (z.hcfa > 2) f.push('head_large');
  }
  return {
    ageDays,
    z,
    grades: { weight: growthGrade(z.wfa), length: growthGrade(z.lhfa), weightForLength: growthGrade(wl) },
    weightForLengthBy,
    findings: f,
  };
}

/**
 * Plausibility of a measurement by its z-score: beyond WHO Anthro's flags of biologically implausible
 * values an error (re-measure or correct the entry), beyond ±4 SD a warning (SOURCES.md §3).
 */
export const IMPLAUSIBLE_Z = {
  wfa: [-6, 5],
  lhfa: [-6, 6],
  wflh: [-5, 5],
  bfa: [-5, 5],
  hcfa: [-5, 5],
} as const satisfies Record<keyof GrowthResult['z'], readonly [number, number]>;
export const UNUSUAL_Z = 4;

export type PlausibilityCode = 'measurement_implausible' | 'measurement_unusual';
export function growthPlausibility(
  z: GrowthResult['z'],
): { indicator: keyof GrowthResult['z']; code: PlausibilityCode }[] {
  const out: { indicator: keyof GrowthResult['z']; code: PlausibilityCode }[] = [];
  for (const k of Object.keys(IMPLAUSIBLE_Z) as (keyof GrowthResult['z'])[]) {
    const v = z[k];
    if (v === null) continue;
    const [lo, hi] = IMPLAUSIBLE_Z[k];
    if (v < lo || v > hi) out.push({ indicator: k, code: 'measurement_implausible' });
    else if (Math.abs(v) > UNUSUAL_Z) out.push({ indicator: k, code: 'measurement_unusual' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Other findings of the checks
// ---------------------------------------------------------------------------------------------------------

/** Anaemia: Hb below 110 g/L from 6 to 59 months, below 115 g/L from 5 years; severe below 70 (WHO). */
export function anaemiaOf(hemoglobin: number, ageDays: number): 'anaemia' | 'severe_anaemia' | null {
  const limit = ageDays / DAYS_PER_MONTH >= 60 ? 115 : 110;
  if (hemoglobin < 70) return 'severe_anaemia';
  return hemoglobin < limit ? 'anaemia' : null;
}

/**
 * Low vision (视力低常) in the 5-point record: at 4 years an eye below 4.8 (0.6), from 5 years below 4.9
 * (0.8), or the two eyes two lines (0.2) or more apart.
 */
export function visionLow(monthAge: number, v: { left: number; right: number }): boolean {
  const limit = monthAge >= 60 ? 4.9 : 4.8;
  return v.left < limit || v.right < limit || Math.abs(v.left - v.right) >= 0.2 - 1e-9;
}

/** Danger signs of a newborn at the home visit (新生儿访视技术规范): each asks for a referral. */
export const NEWBORN_LIMITS = {
  feverFrom: 37.5,
  hypothermiaTo: 35.5,
  respiratoryLow: 20,
  respiratoryHigh: 60,
  heartLow: 100,
  heartHigh: 160,
  lowBirthWeightKg: 2.5,
  pretermWeeks: 37,
} as const;

export type NewbornSign =
  | 'newborn_temperature_abnormal'
  | 'newborn_respiratory_rate_abnormal'
  | 'newborn_heart_rate_abnormal'
  | 'jaundice_palms_soles'
  | 'fontanelle_bulging'
  | 'low_birth_weight'
  | 'preterm';
export const NEWBORN_REFERRAL_SIGNS: ReadonlySet<NewbornSign> = new Set<NewbornSign>([
  'newborn_temperature_abnormal',
  'newborn_respiratory_rate_abnormal',
  'newborn_heart_rate_abnormal',
  'jaundice_palms_soles',
  'fontanelle_bulging',
]);

export function newbornSigns(v: {
  temperature: number;
  respiratoryRate: number;
  heartRate: number;
  jaundiceSites: readonly string[];
  fontanelleCode: string;
  birthWeightKg: number;
  gestationalWeeks: number;
}): NewbornSign[] {
  const L = NEWBORN_LIMITS;
  const out: NewbornSign[] = [];
  if (v.temperature >= L.feverFrom || v.temperature <= L.hypothermiaTo)
    out.push('newborn_temperature_abnormal');
  if (v.respiratoryRate < L.respiratoryLow || v.respiratoryRate > L.respiratoryHigh)
    out.push('newborn_respiratory_rate_abnormal');
  if (v.heartRate < L.heartLow || v.heartRate > L.heartHigh) out.push('newborn_heart_rate_abnormal');
  if (v.jaundiceSites.includes('5')) out.push('jaundice_palms_soles');
  if (v.fontanelleCode === '2') out.push('fontanelle_bulging');
  if (v.birthWeightKg < L.lowBirthWeightKg) out.push('low_birth_weight');
  if (v.gestationalWeeks < L.pretermWeeks) out.push('preterm');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The newborn's provisional name
// ---------------------------------------------------------------------------------------------------------

/** A child not yet named is recorded as the mother's name + 之男 (boy) / 之女 (girl); null for another sex code. */
export function provisionalNewbornName(motherName: string, sex: string): string | null {
  const mother = motherName.trim();
  if (!mother) return null;
  if (sex === '1') return `${mother}之男`;
  if (sex === '2') return `${mother}之女`;
  return null;
}

export const isProvisionalName = (name: string): boolean => /.之[男女]$/u.test(name.trim());

export type NameIssue = 'name_provisional' | 'provisional_name_mismatch';
/**
 * A provisional name is a reminder (rename once the child is named); it must be the mother's name and
 * the suffix of the child's sex.
 */
export function newbornNameIssues(
  name: string,
  motherName: string | null | undefined,
  sex: string,
): NameIssue[] {
  if (!isProvisionalName(name)) return [];
  const out: NameIssue[] = ['name_provisional'];
  const n = name.trim();
  const suffixSex = n.endsWith('之男') ? '1' : '2';
  const expected = motherName ? provisionalNewbornName(motherName, sex) : null;
  if (suffixSex !== sex || (motherName && expected !== n)) out.push('provisional_name_mismatch');
  return out;
}
