import { describe, expect, it } from 'vitest';
import { addDays } from '../date-math.ts';
import {
  acceptableDueDates,
  check42Timing,
  countsForPostpartumVisitRate,
  datePregnancy,
  dueDate,
  dueDateByDays,
  dueDateNaegele,
  gaDaysOn,
  gaFromDays,
  gaFromLmp,
  gaFromUltrasound,
  highRiskFindings,
  inPrenatalWindow,
  isEarlyRegistration,
  maternalEligibility,
  maternalNextDue,
  missedPrenatalVisits,
  needsReferral,
  nextPrenatalVisit,
  nextPrenatalVisitDate,
  outcomeIssues,
  postpartumVisitTiming,
  prenatalSchedule,
  prenatalWindowAt,
  proteinuria,
  type HighRiskFinding,
  type HighRiskInput,
  type PrenatalVisit,
  type Timing,
} from './maternal.rules.ts';

const LMP = '2025-01-01';
const on = (weeks: number, days: number) => addDays(LMP, weeks * 7 + days);

describe('gestational age from the LMP', () => {
  it.each([
    ['2025-01-01', 0, 0],
    ['2025-01-07', 0, 6],
    ['2025-01-08', 1, 0],
    ['2025-04-01', 12, 6],
    ['2025-04-02', 13, 0],
    ['2025-10-08', 40, 0],
  ])('on %s → %i+%i', (date, weeks, days) => expect(gaFromLmp(LMP, date)).toEqual({ weeks, days }));

  it('refuses a date before the LMP', () => expect(() => gaFromLmp(LMP, '2024-12-31')).toThrow(RangeError));
  it('converts days', () => expect(gaFromDays(146)).toEqual({ weeks: 20, days: 6 }));
});

describe('the visit windows at each boundary', () => {
  it.each<[number, number, PrenatalVisit | null]>([
    [0, 0, 1],
    [12, 6, 1],
    [13, 0, null],
    [15, 6, null],
    [16, 0, 2],
    [20, 6, 2],
    [21, 0, 3],
    [24, 6, 3],
    [25, 0, null],
    [27, 6, null],
    [28, 0, 4],
    [36, 6, 4],
    [37, 0, 5],
    [40, 6, 5],
    [41, 0, null],
  ])('%i+%i → visit %s', (weeks, days, visit) => {
    const ga = gaFromLmp(LMP, on(weeks, days));
    expect(ga).toEqual({ weeks, days });
    expect(prenatalWindowAt(weeks * 7 + days)).toBe(visit);
    if (visit) expect(inPrenatalWindow(visit, weeks * 7 + days)).toBe(true);
  });

  it.each([
    [12, 6, true],
    [13, 0, false],
  ])('early registration at %i+%i: %s', (w, d, want) => expect(isEarlyRegistration(w * 7 + d)).toBe(want));

  it('puts the windows on the calendar', () =>
    expect(prenatalSchedule({ source: 'lmp', zero: LMP })).toEqual([
      { visit: 1, from: '2025-01-01', to: '2025-04-01' },
      { visit: 2, from: '2025-04-23', to: '2025-05-27' },
      { visit: 3, from: '2025-05-28', to: '2025-06-24' },
      { visit: 4, from: '2025-07-16', to: '2025-09-16' },
      { visit: 5, from: '2025-09-17', to: '2025-10-14' },
    ]));

  it.each<[number[], number, PrenatalVisit | null, PrenatalVisit[]]>([
    [[1], 99, 2, []],
    [[1], 147, 3, [2]],
    [[1, 2], 182, 4, [3]],
    [[1, 2, 3, 4], 259, 5, []],
    [[1, 2, 3, 4, 5], 270, null, []],
    [[1, 2, 3, 4], 287, null, [5]],
  ])('done %j at day %i → next %s, missed %j', (done, ga, next, missed) => {
    expect(nextPrenatalVisit(done, ga)?.visit ?? null).toBe(next);
    expect(missedPrenatalVisits(done, ga)).toEqual(missed);
  });

  it.each<[PrenatalVisit, number, string, string | null]>([
    [1, 70, '2025-03-12', '2025-04-23'],
    [2, 146, '2025-05-27', '2025-05-28'],
    [3, 154, '2025-06-04', '2025-07-16'],
    [4, 252, '2025-09-10', '2025-09-17'],
    [4, 259, '2025-09-17', '2025-09-18'],
    [5, 266, '2025-09-24', null],
  ])('next visit date after visit %i at day %i on %s → %s', (visit, ga, date, want) =>
    expect(nextPrenatalVisitDate(visit, ga, date)).toBe(want),
  );
});

describe('due date (填表说明 6: month + 9, day + 7)', () => {
  it.each([
    ['2025-01-01', '2025-10-08', '2025-10-08'],
    ['2024-05-25', '2025-03-04', '2025-03-01'],
    ['2023-05-25', '2024-03-03', '2024-02-29'],
    ['2023-05-22', '2024-02-29', '2024-02-26'],
    ['2022-05-22', '2023-03-01', '2023-02-26'],
    ['2025-01-31', '2025-11-07', '2025-11-07'],
    ['2024-03-31', '2025-01-07', '2025-01-05'],
    ['2024-04-30', '2025-02-06', '2025-02-04'],
    ['2024-02-29', '2024-12-06', '2024-12-05'],
    ['2024-12-28', '2025-10-05', '2025-10-04'],
  ])('LMP %s → %s (LMP + 280 days: %s)', (lmp, naegele, by280) => {
    expect(dueDateNaegele(lmp)).toBe(naegele);
    expect(dueDateByDays(lmp)).toBe(by280);
  });

  it('accepts either rule for an entered due date', () =>
    expect(acceptableDueDates({ lmp: '2024-05-25' }).sort()).toEqual(['2025-03-01', '2025-03-04']));
});

describe('ultrasound dating wins over the LMP', () => {
  const us = { date: '2025-03-12', weeks: 9, days: 0 };
  it('dates day 0 from the scan', () => {
    const d = datePregnancy({ lmp: LMP, ultrasound: us })!;
    expect(d).toEqual({ source: 'ultrasound', zero: '2025-01-08' });
    expect(gaDaysOn(d, '2025-04-02')).toBe(84);
    expect(dueDate(d)).toBe('2025-10-15');
  });
  it('uses the LMP without a scan', () => {
    const d = datePregnancy({ lmp: LMP })!;
    expect(d.source).toBe('lmp');
    expect(gaDaysOn(d, '2025-04-02')).toBe(91);
    expect(dueDate(d)).toBe('2025-10-08');
  });
  it('is null with neither', () => expect(datePregnancy({ lmp: null })).toBeNull());
  it.each([
    ['2025-03-12', 9, 0],
    ['2025-03-19', 10, 0],
    ['2025-04-02', 12, 0],
    ['2025-04-09', 13, 0],
  ])('on %s the scan gives %i+%i', (date, weeks, days) =>
    expect(gaFromUltrasound(us, date)).toEqual({ weeks, days }),
  );
});

describe('postpartum visit within 7 days of discharge; 42-day check', () => {
  it.each<[string, Timing]>([
    ['2025-03-09', 'early'],
    ['2025-03-10', 'on_time'],
    ['2025-03-17', 'on_time'],
    ['2025-03-18', 'late'],
  ])('discharged 2025-03-10, visited %s → %s', (date, want) =>
    expect(postpartumVisitTiming('2025-03-10', date)).toBe(want),
  );
  it.each([
    ['2025-04-07', true],
    ['2025-04-08', false],
  ])('产后访视率 counts %s: %s', (date, want) =>
    expect(countsForPostpartumVisitRate('2025-03-10', date)).toBe(want),
  );
  it.each<[string, Timing]>([
    ['2025-04-11', 'early'],
    ['2025-04-12', 'on_time'],
    ['2025-04-26', 'on_time'],
    ['2025-04-27', 'late'],
  ])('delivered 2025-03-01, checked %s → %s', (date, want) =>
    expect(check42Timing('2025-03-01', date)).toBe(want),
  );
});

describe('maternalNextDue', () => {
  const dating = { source: 'lmp' as const, zero: LMP };
  it.each([
    [
      'not dated, nothing done',
      { dating: null, prenatalVisitsDone: [] },
      '2025-02-01',
      { kind: 'prenatal', visit: 1, from: '2025-02-01', to: '2025-02-01' },
    ],
    ['not dated, first done', { dating: null, prenatalVisitsDone: [1] }, '2025-02-01', null],
    [
      'dated, nothing done',
      { dating, prenatalVisitsDone: [] },
      '2025-02-01',
      { kind: 'prenatal', visit: 1, from: '2025-01-01', to: '2025-04-01' },
    ],
    [
      'first done at 14 weeks',
      { dating, prenatalVisitsDone: [1] },
      '2025-04-10',
      { kind: 'prenatal', visit: 2, from: '2025-04-23', to: '2025-05-27' },
    ],
    [
      '2nd done, at 26 weeks',
      { dating, prenatalVisitsDone: [1, 2] },
      on(26, 0),
      { kind: 'prenatal', visit: 4, from: '2025-07-16', to: '2025-09-16' },
    ],
    [
      'born, discharged',
      {
        dating,
        prenatalVisitsDone: [1, 2, 3, 4, 5],
        deliveryDate: '2025-10-01',
        dischargeDate: '2025-10-04',
        birth: true,
      },
      '2025-10-05',
      { kind: 'postpartum_visit', from: '2025-10-04', to: '2025-10-11' },
    ],
    [
      'born, visited',
      { dating, prenatalVisitsDone: [1], deliveryDate: '2025-10-01', birth: true, postpartumVisitDone: true },
      '2025-10-05',
      { kind: 'check42', from: '2025-11-12', to: '2025-11-26' },
    ],
    [
      'miscarriage',
      { dating, prenatalVisitsDone: [1], deliveryDate: '2025-02-20', birth: false },
      '2025-03-01',
      null,
    ],
    ['closed', { dating, prenatalVisitsDone: [1], closed: true }, '2025-03-01', null],
  ])('%s', (_name, state, date, want) => expect(maternalNextDue(state, date)).toEqual(want));
});

describe('high-risk findings at each threshold', () => {
  it.each<[string, HighRiskInput, HighRiskFinding[]]>([
    ['age 18', { age: 18 }, ['age_18_or_under']],
    ['age 19', { age: 19 }, []],
    ['age 34', { age: 34 }, []],
    ['age 35', { age: 35 }, ['age_35_or_over']],
    ['BMI 18.4', { bmi: 18.4 }, ['bmi_below_18_5']],
    ['BMI 18.5', { bmi: 18.5 }, []],
    ['BMI 25', { bmi: 25 }, []],
    ['BMI 25.1', { bmi: 25.1 }, ['bmi_above_25']],
    ['BP 139/89', { sbp: 139, dbp: 89 }, []],
    ['BP 140/80', { sbp: 140, dbp: 80 }, ['bp_140_90']],
    ['BP 120/90', { sbp: 120, dbp: 90 }, ['bp_140_90']],
    ['BP 159/109', { sbp: 159, dbp: 109 }, ['bp_140_90']],
    ['BP 160/100', { sbp: 160, dbp: 100 }, ['bp_140_90', 'bp_160_110']],
    ['BP 150/110', { sbp: 150, dbp: 110 }, ['bp_140_90', 'bp_160_110']],
    ['Hb 110', { hemoglobin: 110 }, []],
    ['Hb 109', { hemoglobin: 109 }, ['anaemia']],
    ['Hb 70', { hemoglobin: 70 }, ['anaemia']],
    ['Hb 69', { hemoglobin: 69 }, ['anaemia', 'severe_anaemia']],
    ['platelets 100', { platelets: 100 }, []],
    ['platelets 99', { platelets: 99 }, ['platelets_below_100']],
    ['FHR 110', { fetalHeartRate: 110 }, []],
    ['FHR 160', { fetalHeartRate: 160 }, []],
    ['FHR 109', { fetalHeartRate: 109 }, ['fetal_heart_rate_abnormal']],
    ['FHR 161', { fetalHeartRate: 161 }, ['fetal_heart_rate_abnormal']],
    ['FHR 170 at 11+6', { fetalHeartRate: 170, gaDays: 83 }, []],
    ['FHR 170 at 12+0', { fetalHeartRate: 170, gaDays: 84 }, ['fetal_heart_rate_abnormal']],
    ['urine protein ±', { urineProtein: '±' }, []],
    ['urine protein +', { urineProtein: '+' }, ['proteinuria']],
    ['HBsAg negative', { hbsag: '1' }, []],
    ['HBsAg positive', { hbsag: '2' }, ['hbsag_positive']],
    ['syphilis positive', { syphilis: '2' }, ['syphilis_positive']],
    ['HIV positive', { hiv: '2' }, ['hiv_positive']],
    ['2 abortions', { abortions: 2, adverseOutcomes: 0 }, []],
    ['3 abortions', { abortions: 3 }, ['adverse_pregnancy_history']],
    ['1 stillbirth', { adverseOutcomes: 1 }, ['adverse_pregnancy_history']],
    ['1 caesarean', { caesareans: 1 }, ['scarred_uterus']],
    ['37.9 °C', { temperature: 37.9 }, []],
    ['38.0 °C', { temperature: 38 }, ['puerperal_fever']],
    ['nothing known', {}, []],
  ])('%s', (_name, input, want) => expect(highRiskFindings(input)).toEqual(want));

  it.each([
    ['-', false],
    ['±', false],
    ['+', true],
    ['+++', true],
    ['0.2 g/L', false],
    ['0.3 g/L', true],
  ])('proteinuria(%s) = %s', (r, want) => expect(proteinuria(r)).toBe(want));

  it.each<[HighRiskFinding[], boolean]>([
    [['age_35_or_over', 'anaemia', 'scarred_uterus'], false],
    [['severe_anaemia'], true],
    [['bp_140_90'], true],
    [['fetal_heart_rate_abnormal'], true],
    [[], false],
  ])('referral for %j: %s', (f, want) => expect(needsReferral(f)).toBe(want));
});

describe('pregnancy outcome', () => {
  it.each([
    ['live birth with a live baby', { outcome: 'live_birth', babies: [{ bornAlive: true }] }, [], []],
    [
      'live birth without one',
      { outcome: 'live_birth', babies: [] },
      ['outcome_live_birth_without_live_baby'],
      [],
    ],
    [
      'stillbirth with a live baby',
      { outcome: 'stillbirth', babies: [{ bornAlive: true }] },
      ['outcome_baby_alive_not_live_birth'],
      [],
    ],
    [
      'miscarriage with a baby',
      { outcome: 'miscarriage', babies: [{ bornAlive: false }] },
      ['outcome_babies_without_birth'],
      [],
    ],
    ['miscarriage at 27+6', { outcome: 'miscarriage', babies: [], gaDays: 195 }, [], []],
    [
      'miscarriage at 28+0',
      { outcome: 'miscarriage', babies: [], gaDays: 196 },
      [],
      ['outcome_abortion_after_28_weeks'],
    ],
    [
      'ectopic with a delivery mode',
      { outcome: 'ectopic', babies: [], deliveryMode: '1' },
      [],
      ['outcome_delivery_mode_without_birth'],
    ],
  ] as const)('%s', (_n, v, errors, warnings) =>
    expect(outcomeIssues({ date: '2025-06-01', ...v, babies: [...v.babies] })).toEqual({
      errors: [...errors],
      warnings: [...warnings],
    }),
  );
});

describe('who can be registered', () => {
  it.each([
    ['2', '2010-06-01', [], []],
    ['2', '2010-06-02', [], ['maternal_age_unusual']],
    ['2', '1975-06-01', [], []],
    ['2', '1974-06-02', [], []],
    ['2', '1974-06-01', [], ['maternal_age_unusual']],
    ['1', '1995-01-01', ['maternal_not_female'], []],
    ['9', '1995-01-01', ['maternal_not_female'], []],
    ['0', '1995-01-01', ['maternal_not_female'], []],
  ])('sex %s born %s', (sex, birthDate, errors, warnings) =>
    expect(maternalEligibility({ sex, birthDate }, '2025-06-01')).toEqual({ errors, warnings }),
  );
});
