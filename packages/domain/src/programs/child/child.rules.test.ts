import { describe, expect, it } from 'vitest';
import { addDays } from '../date-math.ts';
import { sdLines } from './growth/index.ts';
import {
  anaemiaOf,
  assessGrowth,
  checkDueAt,
  checkTiming,
  checkWindow,
  childLeaveDate,
  childNextDue,
  growthPlausibility,
  inChildProgram,
  isProvisionalName,
  newbornNameIssues,
  newbornSigns,
  provisionalNewbornName,
  reachesAge,
  visionLow,
} from './child.rules.ts';
import type { ChildCheck } from './child.schedule.ts';

const BIRTH = '2024-01-15';
const HOME = '2024-01-17';

/** Every window of a boy born 2024-01-15 and home on 2024-01-17, written out by hand. */
const WINDOWS: [ChildCheck, string, string][] = [
  ['newborn', '2024-01-17', '2024-01-24'],
  [1, '2024-02-12', '2024-02-14'],
  [3, '2024-04-15', '2024-05-14'],
  [6, '2024-07-15', '2024-08-13'],
  [8, '2024-09-15', '2024-10-14'],
  [12, '2025-01-15', '2025-02-13'],
  [18, '2025-07-15', '2025-08-13'],
  [24, '2026-01-15', '2026-02-13'],
  [30, '2026-07-15', '2026-08-13'],
  [36, '2027-01-15', '2028-01-13'],
  [48, '2028-01-15', '2029-01-13'],
  [60, '2029-01-15', '2030-01-13'],
  [72, '2030-01-15', '2031-01-13'],
];

describe('check windows', () => {
  it.each(WINDOWS)('%s: %s to %s', (check, from, to) => {
    expect(checkWindow(BIRTH, check, HOME)).toEqual({ check, from, to });
  });
  const edges = WINDOWS.flatMap(([check, from, to]) => [
    [check, addDays(from, -1), 'early'],
    [check, from, 'on_time'],
    [check, to, 'on_time'],
    [check, addDays(to, 1), 'late'],
  ]) as [ChildCheck, string, string][];
  it.each(edges)('%s on %s is %s', (check, on, timing) => {
    expect(checkTiming(BIRTH, check, on, HOME)).toBe(timing);
  });
  it('the newborn visit counts from the birth when there is no discharge date (home birth)', () => {
    expect(checkWindow(BIRTH, 'newborn')).toEqual({ check: 'newborn', from: BIRTH, to: '2024-01-22' });
    expect(checkTiming(BIRTH, 'newborn', '2024-01-23')).toBe('late');
  });
  it('the 满月 check is on days 28 to 30 by age in days', () => {
    expect(checkTiming('2024-02-01', 1, '2024-02-28')).toBe('early'); // day 27
    expect(checkTiming('2024-02-01', 1, '2024-02-29')).toBe('on_time'); // day 28 (leap year)
    expect(checkTiming('2024-02-01', 1, '2024-03-02')).toBe('on_time'); // day 30
    expect(checkTiming('2024-02-01', 1, '2024-03-03')).toBe('late');
  });
  it('a child born on the 31st completes a month on the 1st when the month is shorter', () => {
    expect(reachesAge('2024-01-31', 1)).toBe('2024-03-01');
    expect(checkWindow('2023-11-30', 3).from).toBe('2024-03-01');
  });
});

describe('leaving at 7', () => {
  it.each([
    ['2024-01-15', '2031-01-15'],
    ['2020-02-29', '2027-03-01'],
  ])('born %s leaves on %s', (birth, leave) => {
    expect(childLeaveDate(birth)).toBe(leave);
    expect(inChildProgram(birth, addDays(leave, -1))).toBe(true);
    expect(inChildProgram(birth, leave)).toBe(false);
  });
  it('not yet born is not in the program', () => {
    expect(inChildProgram(BIRTH, '2024-01-14')).toBe(false);
    expect(inChildProgram(BIRTH, BIRTH)).toBe(true);
  });
});

describe('checkDueAt', () => {
  const at = (on: string, done: ChildCheck[] = []) => checkDueAt(BIRTH, on, { done, dischargeDate: HOME });
  it('the newborn visit is due the first week home', () => {
    expect(at('2024-01-20').due?.check).toBe('newborn');
    expect(at('2024-01-20').next?.check).toBe(1);
  });
  it('a late newborn visit is overdue until the 满月 window opens, then missed', () => {
    expect(at('2024-01-25').overdue?.check).toBe('newborn');
    expect(at('2024-02-11').overdue?.check).toBe('newborn');
    expect(at('2024-02-12')).toMatchObject({ overdue: null, missed: ['newborn'], due: { check: 1 } });
  });
  it('between windows the past check is overdue and the next one upcoming', () => {
    const r = at('2024-05-20', ['newborn', 1]);
    expect(r.overdue?.check).toBe(3);
    expect(r.due).toBeNull();
    expect(r.next?.check).toBe(6);
  });
  it('once the next window opens the past one is missed', () => {
    const r = at('2024-07-15', ['newborn', 1]);
    expect(r.missed).toEqual([3]);
    expect(r.due?.check).toBe(6);
  });
  it('a done check is neither due nor missed', () => {
    expect(at('2024-07-20', ['newborn', 1, 3, 6]).due).toBeNull();
    expect(at('2024-07-20', ['newborn', 1, 3, 6]).next?.check).toBe(8);
  });
  it('after the last window, before the 7th birthday, the 6-year check is overdue', () => {
    const done = ['newborn', 1, 3, 6, 8, 12, 18, 24, 30, 36, 48, 60] as ChildCheck[];
    expect(at('2031-01-14', done).overdue?.check).toBe(72);
    expect(at('2031-01-15', done)).toMatchObject({ outside: true, overdue: null, due: null });
  });
});

describe('childNextDue', () => {
  const state = (checksDone: ChildCheck[], tcmDone: (6 | 12 | 18 | 24 | 30 | 36)[] = []) => ({
    birthDate: BIRTH,
    dischargeDate: HOME,
    checksDone,
    tcmDone,
  });
  it('nothing done: the newborn visit', () => {
    expect(childNextDue(state([]), '2024-01-18')).toMatchObject({
      kind: 'check',
      check: 'newborn',
      from: HOME,
      to: '2024-01-24',
      status: 'due',
    });
  });
  it('the next upcoming check when nothing is due', () => {
    expect(childNextDue(state(['newborn']), '2024-02-01')).toMatchObject({
      check: 1,
      from: '2024-02-12',
      status: 'upcoming',
    });
  });
  it('the 6-month check carries the 6-month TCM guidance', () => {
    expect(childNextDue(state(['newborn', 1, 3]), '2024-07-20')).toMatchObject({
      check: 6,
      withTcm: true,
      status: 'due',
    });
    expect(childNextDue(state(['newborn', 1, 3, 6]), '2024-07-20')).toMatchObject({
      kind: 'tcm',
      month: 6,
      status: 'due',
    });
    expect(childNextDue(state(['newborn', 1, 3, 6], [6]), '2024-07-20')).toMatchObject({
      check: 8,
      status: 'upcoming',
      withTcm: false,
    });
  });
  it('an overdue TCM guidance comes before a later check', () => {
    expect(childNextDue(state(['newborn', 1, 3, 6]), '2024-09-20')).toMatchObject({
      kind: 'tcm',
      month: 6,
      status: 'overdue',
    });
  });
  it('missed checks are skipped', () => {
    expect(childNextDue(state([]), '2024-07-20')).toMatchObject({ check: 6, status: 'due' });
  });
  it('nothing at 7, nor when closed', () => {
    expect(childNextDue(state([]), '2031-01-15')).toBeNull();
    expect(childNextDue({ ...state([]), closed: true }, '2024-01-18')).toBeNull();
  });
});

/** The exact SD line of an indicator for a boy (sex '1') at an age in days. */
const line = (indicator: 'wfa' | 'lhfa' | 'hcfa', days: number) => sdLines(indicator, '1', days, days)[0]!;

describe('growth', () => {
  // 6-month check of a boy born 2024-01-15 seen 2024-07-15: 182 days.
  const on = '2024-07-15';
  const days = 182;
  const wfa = line('wfa', days);
  const lhfa = line('lhfa', days);
  it.each([
    ['median', wfa.sd0, '中', 0],
    ['on −2 SD (inclusive 中)', wfa.sdNeg2, '中', -2],
    ['below −2 SD', wfa.sdNeg2 - 0.1, '下', null],
    ['on +2 SD', wfa.sd2, '中', 2],
    ['above +2 SD', wfa.sd2 + 0.1, '上', null],
  ])('weight %s', (_, weightKg, grade, z) => {
    const r = assessGrowth({ sex: '1', birthDate: BIRTH, on, weightKg, lengthCm: lhfa.sd0 });
    expect(r.ageDays).toBe(days);
    expect(r.grades.weight).toBe(grade);
    if (z !== null) expect(r.z.wfa).toBe(z);
  });
  it('findings below −2 and −3 SD', () => {
    const under = assessGrowth({
      sex: '1',
      birthDate: BIRTH,
      on,
      weightKg: wfa.sdNeg2 - 0.05,
      lengthCm: lhfa.sd0,
    });
    expect(under.findings).toContain('underweight');
    const severe = assessGrowth({
      sex: '1',
      birthDate: BIRTH,
      on,
      weightKg: wfa.sdNeg3 - 0.05,
      lengthCm: lhfa.sd0,
    });
    expect(severe.findings).toContain('severe_underweight');
    const short = assessGrowth({
      sex: '1',
      birthDate: BIRTH,
      on,
      weightKg: wfa.sd0,
      lengthCm: lhfa.sdNeg2 - 0.2,
    });
    expect(short.findings).toContain('stunting');
    expect(short.grades.length).toBe('下');
  });
  it('a child on the medians has no findings and 中 grades', () => {
    const r = assessGrowth({
      sex: '1',
      birthDate: BIRTH,
      on,
      weightKg: wfa.sd0,
      lengthCm: lhfa.sd0,
      headCm: line('hcfa', days).sd0,
    });
    expect(r.findings).toEqual([]);
    expect(r.grades).toEqual({ weight: '中', length: '中', weightForLength: '中' });
    expect(r.weightForLengthBy).toBe('wflh');
    expect(r.z.hcfa).toBe(0);
  });
  it('weight-for-length: a light child for his length is wasted', () => {
    const r = assessGrowth({ sex: '1', birthDate: BIRTH, on, weightKg: 6.5, lengthCm: lhfa.sd0 });
    expect(r.findings).toContain('wasting');
    expect(r.grades.weightForLength).toBe('下');
  });
  it('from 60 months the 体重/身高 grade is BMI-for-age; overweight above +1 SD', () => {
    // A boy of 5 years 2 months, 110 cm: BMI 15.3 is near the WHO 2007 median; 21 kg (17.4) is above +1.
    const at5 = { sex: '1', birthDate: '2019-01-01', on: '2024-03-01', lengthCm: 110 };
    const r = assessGrowth({ ...at5, weightKg: 18.5 });
    expect(r.weightForLengthBy).toBe('bfa');
    expect(r.z.wflh).toBeNull();
    expect(r.findings).toEqual([]);
    expect(assessGrowth({ ...at5, weightKg: 21 }).findings).toContain('overweight');
    expect(assessGrowth({ ...at5, weightKg: 24 }).findings).toContain('obesity');
  });
  it('no z-scores for a sex that is not 1 or 2', () => {
    const r = assessGrowth({ sex: '9', birthDate: BIRTH, on, weightKg: 8, lengthCm: 67 });
    expect(r.z.wfa).toBeNull();
    expect(r.grades.weight).toBeNull();
  });
});

describe('plausibility', () => {
  it.each([
    [{ wfa: -6.1 }, 'measurement_implausible'],
    [{ wfa: 5.1 }, 'measurement_implausible'],
    [{ wfa: 4.5 }, 'measurement_unusual'],
    [{ lhfa: 6.2 }, 'measurement_implausible'],
    [{ lhfa: -4.2 }, 'measurement_unusual'],
    [{ hcfa: -5.5 }, 'measurement_implausible'],
  ])('%o gives %s', (z, code) => {
    const all = { wfa: null, lhfa: null, wflh: null, bfa: null, hcfa: null, ...z };
    expect(growthPlausibility(all).map((p) => p.code)).toEqual([code]);
  });
  it('within ±4 SD nothing', () => {
    expect(growthPlausibility({ wfa: 3.9, lhfa: -4, wflh: 0, bfa: null, hcfa: 2 })).toEqual([]);
  });
});

describe('anaemia and vision', () => {
  it.each([
    [109, 400, 'anaemia'],
    [110, 400, null],
    [69, 400, 'severe_anaemia'],
    [112, 1900, 'anaemia'],
    [115, 1900, null],
  ])('Hb %d at day %d', (hb, days, expected) => {
    expect(anaemiaOf(hb, days)).toBe(expected);
  });
  it.each([
    [48, 4.8, 4.8, false],
    [48, 4.7, 4.8, true],
    [60, 4.8, 4.9, true],
    [60, 4.9, 4.9, false],
    [72, 5.1, 4.9, true],
    [72, 5.0, 4.9, false],
  ])('vision at %d months %d/%d low: %s', (m, l, r, low) => {
    expect(visionLow(m, { left: l, right: r })).toBe(low);
  });
});

describe('newborn', () => {
  const normal = {
    temperature: 36.8,
    respiratoryRate: 40,
    heartRate: 140,
    jaundiceSites: ['1'],
    fontanelleCode: '1',
    birthWeightKg: 3.2,
    gestationalWeeks: 39,
  };
  it.each([
    [{}, []],
    [{ temperature: 37.5 }, ['newborn_temperature_abnormal']],
    [{ temperature: 35.5 }, ['newborn_temperature_abnormal']],
    [{ temperature: 37.4 }, []],
    [{ respiratoryRate: 61 }, ['newborn_respiratory_rate_abnormal']],
    [{ respiratoryRate: 19 }, ['newborn_respiratory_rate_abnormal']],
    [{ heartRate: 161 }, ['newborn_heart_rate_abnormal']],
    [{ heartRate: 100 }, []],
    [{ jaundiceSites: ['2', '5'] }, ['jaundice_palms_soles']],
    [{ fontanelleCode: '2' }, ['fontanelle_bulging']],
    [{ birthWeightKg: 2.49, gestationalWeeks: 36 }, ['low_birth_weight', 'preterm']],
  ])('%o', (over, signs) => {
    expect(newbornSigns({ ...normal, ...over })).toEqual(signs);
  });
  it('provisional names', () => {
    expect(provisionalNewbornName('李芳', '1')).toBe('李芳之男');
    expect(provisionalNewbornName(' 李芳 ', '2')).toBe('李芳之女');
    expect(provisionalNewbornName('李芳', '9')).toBeNull();
    expect(provisionalNewbornName('', '1')).toBeNull();
    expect(isProvisionalName('李芳之男')).toBe(true);
    expect(isProvisionalName('之男')).toBe(false);
    expect(isProvisionalName('王小明')).toBe(false);
  });
  it.each([
    ['王小明', '李芳', '1', []],
    ['李芳之男', '李芳', '1', ['name_provisional']],
    ['李芳之女', '李芳', '1', ['name_provisional', 'provisional_name_mismatch']],
    ['张红之男', '李芳', '1', ['name_provisional', 'provisional_name_mismatch']],
    ['张红之男', null, '1', ['name_provisional']],
  ])('%s (mother %s, sex %s)', (name, mother, sex, expected) => {
    expect(newbornNameIssues(name, mother, sex)).toEqual(expected);
  });
});
