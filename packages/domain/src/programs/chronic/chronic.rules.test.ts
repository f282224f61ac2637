import { describe, it, expect } from 'vitest';
import {
  annualCheckDue,
  bmi,
  bpControlled,
  bpTarget,
  checkClassification,
  classificationCode,
  classificationFromCode,
  emergencyReferral,
  expectedClassification,
  followUpsInYear,
  glucoseControlled,
  isFaceToFace,
  meetsAnnualFollowUps,
  nextVisit,
  plausibility,
  valuesControlled,
  type ClassificationValues,
  type EmergencyInput,
  type NextVisitInput,
  type PlausibilityValues,
  type VisitClassification,
} from '../chronic/chronic.rules.ts';
import { daysBetween } from '../date-math.ts';

describe('bpControlled (< 140/90; at 65+ < 150/90)', () => {
  it.each([
    [139, 89, 64, true],
    [140, 89, 64, false],
    [139, 90, 64, false],
    [149, 89, 64, false],
    [150, 80, 64, false],
    [139, 89, 65, true],
    [140, 89, 65, true],
    [149, 89, 65, true],
    [150, 89, 65, false],
    [149, 90, 65, false],
    [145, 80, 80, true],
    [120, 95, 70, false],
    [100, 60, 35, true],
  ])('%i/%i at %i → %s', (sbp, dbp, age, want) => expect(bpControlled({ sbp, dbp, age })).toBe(want));

  it('bpTarget switches at 65', () => {
    expect(bpTarget(64)).toEqual({ sbp: 140, dbp: 90 });
    expect(bpTarget(65)).toEqual({ sbp: 150, dbp: 90 });
  });
});

describe('glucoseControlled (FBG < 7.0)', () => {
  it.each([
    [6.9, true],
    [6.99, true],
    [7.0, false],
    [7.1, false],
    [126 / 18, false], // 126 mg/dL = 7.0 mmol/L
    [3.5, true],
  ])('%d → %s', (v, want) => expect(glucoseControlled(v)).toBe(want));
});

describe('emergencyReferral', () => {
  const cases: [string, EmergencyInput, string[]][] = [
    ['HTN 179/109: none', { program: 'hypertension', sbp: 179, dbp: 109 }, []],
    ['HTN 180/100', { program: 'hypertension', sbp: 180, dbp: 100 }, ['sbp_ge_180']],
    ['HTN 170/110', { program: 'hypertension', sbp: 170, dbp: 110 }, ['dbp_ge_110']],
    ['HTN 180/110', { program: 'hypertension', sbp: 180, dbp: 110 }, ['sbp_ge_180', 'dbp_ge_110']],
    ['HTN 110 DBP only', { program: 'hypertension', dbp: 110 }, ['dbp_ge_110']],
    ['HTN missing values', { program: 'hypertension' }, []],
    [
      'HTN ignores glucose, HR and temperature',
      { program: 'hypertension', glucose: 20, heartRate: 130, temperature: 40 },
      [],
    ],
    [
      'HTN symptom flags, in the spec order',
      { program: 'hypertension', sbp: 150, dbp: 95, flags: ['orthopnoea', 'altered_consciousness'] },
      ['altered_consciousness', 'orthopnoea'],
    ],
    [
      'HTN pregnancy',
      { program: 'hypertension', flags: ['pregnancy_lactation_raised_bp'] },
      ['pregnancy_lactation_raised_bp'],
    ],
    [
      'HTN values and flags',
      { program: 'hypertension', sbp: 185, flags: ['eye_pain'] },
      ['sbp_ge_180', 'eye_pain'],
    ],
    ['DM glucose 16.6: none', { program: 'diabetes', glucose: 16.6 }, []],
    ['DM glucose 16.7', { program: 'diabetes', glucose: 16.7 }, ['glucose_ge_16_7']],
    ['DM glucose 4.0: none', { program: 'diabetes', glucose: 4.0 }, []],
    ['DM glucose 3.9', { program: 'diabetes', glucose: 3.9 }, ['glucose_le_3_9']],
    ['DM glucose 3.9 from 70.2 mg/dL', { program: 'diabetes', glucose: 70.2 / 18 }, ['glucose_le_3_9']],
    ['DM glucose 3.8', { program: 'diabetes', glucose: 3.8 }, ['glucose_le_3_9']],
    ['DM BP 179/109: none', { program: 'diabetes', sbp: 179, dbp: 109 }, []],
    ['DM BP 180/110', { program: 'diabetes', sbp: 180, dbp: 110 }, ['sbp_ge_180', 'dbp_ge_110']],
    ['DM HR 100: none', { program: 'diabetes', heartRate: 100 }, []],
    ['DM HR 101', { program: 'diabetes', heartRate: 101 }, ['heart_rate_gt_100']],
    ['DM temp 39.0: none', { program: 'diabetes', temperature: 39 }, []],
    ['DM temp 39.1', { program: 'diabetes', temperature: 39.1 }, ['temperature_gt_39']],
    [
      'DM flags',
      {
        program: 'diabetes',
        flags: ['pregnancy_lactation_hyperglycaemia', 'ketosis_signs', 'sudden_vision_loss'],
      },
      ['ketosis_signs', 'sudden_vision_loss', 'pregnancy_lactation_hyperglycaemia'],
    ],
    ['DM null values', { program: 'diabetes', glucose: null, sbp: null, heartRate: null }, []],
    ['DM NaN does not fire', { program: 'diabetes', glucose: Number.NaN }, []],
  ];
  it.each(cases)('%s', (_name, input, want) => {
    const r = emergencyReferral(input);
    expect(r.criteria).toEqual(want);
    expect(r.emergency).toBe(want.length > 0);
  });

  it('ignores flags of the other program and repeated flags', () => {
    const input = {
      program: 'hypertension',
      flags: ['ketosis_signs', 'eye_pain', 'eye_pain'],
    } as unknown as EmergencyInput;
    expect(emergencyReferral(input).criteria).toEqual(['eye_pain']);
  });
});

describe('classification codes', () => {
  it.each([
    ['controlled', '1'],
    ['uncontrolled', '2'],
    ['adverse_reaction', '3'],
    ['complication', '4'],
  ] as const)('%s ↔ %s', (key, code) => {
    expect(classificationCode(key)).toBe(code);
    expect(classificationFromCode(code)).toBe(key);
  });
  it('unknown code', () => expect(classificationFromCode('5')).toBeNull());
});

const htn = (
  sbp: number | null,
  dbp: number | null,
  age: number | null,
  extra: Partial<ClassificationValues> = {},
) => ({ program: 'hypertension', sbp, dbp, age, ...extra }) as ClassificationValues;
const dm = (fastingGlucose: number | null, extra: Partial<ClassificationValues> = {}) =>
  ({ program: 'diabetes', fastingGlucose, ...extra }) as ClassificationValues;

describe('expectedClassification', () => {
  it.each([
    ['HTN 64y 139/89', 'controlled', htn(139, 89, 64)],
    ['HTN 64y 140/89', 'uncontrolled', htn(140, 89, 64)],
    ['HTN 64y 139/90', 'uncontrolled', htn(139, 90, 64)],
    ['HTN 64y 149/85', 'uncontrolled', htn(149, 85, 64)],
    ['HTN 65y 149/89', 'controlled', htn(149, 89, 65)],
    ['HTN 65y 150/89', 'uncontrolled', htn(150, 89, 65)],
    ['HTN 65y 149/90', 'uncontrolled', htn(149, 90, 65)],
    ['HTN ADR', 'adverse_reaction', htn(130, 80, 50, { adverseReaction: true })],
    ['HTN ADR = 无', 'controlled', htn(130, 80, 50, { adverseReaction: false })],
    ['HTN complication', 'complication', htn(130, 80, 50, { complication: true })],
    [
      'HTN complication beats ADR',
      'complication',
      htn(160, 95, 50, { complication: true, adverseReaction: true }),
    ],
    ['HTN BP missing', null, htn(null, null, 50)],
    ['HTN BP missing, ADR', 'adverse_reaction', htn(null, null, 50, { adverseReaction: true })],
    ['HTN no age, 135/85', 'controlled', htn(135, 85, null)],
    ['HTN no age, 145/85', null, htn(145, 85, null)],
    ['HTN no age, 155/85', 'uncontrolled', htn(155, 85, null)],
    ['HTN no age, 135/95', 'uncontrolled', htn(135, 95, null)],
    ['DM 6.9', 'controlled', dm(6.9)],
    ['DM 7.0', 'uncontrolled', dm(7.0)],
    ['DM ignores BP', 'controlled', dm(6.0, { sbp: 160, dbp: 100, age: 50 })],
    ['DM FBG missing', null, dm(null)],
    ['DM ADR', 'adverse_reaction', dm(9.0, { adverseReaction: true })],
  ] as [string, VisitClassification | null, ClassificationValues][])('%s → %s', (_n, want, v) =>
    expect(expectedClassification(v)).toBe(want),
  );

  it('valuesControlled is null without values', () => {
    expect(valuesControlled(htn(140, null, 60))).toBeNull();
    expect(valuesControlled(dm(null))).toBeNull();
  });
});

describe('checkClassification', () => {
  it.each([
    ['控制满意 at 64y 139/89', 'controlled', htn(139, 89, 64), [], []],
    ['控制满意 at 64y 140/80', 'controlled', htn(140, 80, 64), ['classification_contradicts_values'], []],
    ['控制满意 at 64y 130/90', 'controlled', htn(130, 90, 64), ['classification_contradicts_values'], []],
    ['控制满意 at 65y 149/89', 'controlled', htn(149, 89, 65), [], []],
    ['控制满意 at 65y 150/80', 'controlled', htn(150, 80, 65), ['classification_contradicts_values'], []],
    ['控制满意 DM 6.9', 'controlled', dm(6.9), [], []],
    ['控制满意 DM 7.0', 'controlled', dm(7.0), ['classification_contradicts_values'], []],
    ['控制满意 without values', 'controlled', htn(null, null, 60), ['classification_values_missing'], []],
    [
      '控制满意 with ADR',
      'controlled',
      htn(120, 80, 60, { adverseReaction: true }),
      ['classification_not_most_severe'],
      [],
    ],
    [
      '控制满意 with ADR and high BP',
      'controlled',
      htn(160, 80, 60, { adverseReaction: true }),
      ['classification_contradicts_values', 'classification_not_most_severe'],
      [],
    ],
    ['控制不满意 at 64y 140/80', 'uncontrolled', htn(140, 80, 64), [], []],
    [
      '控制不满意 at 65y 145/80',
      'uncontrolled',
      htn(145, 80, 65),
      [],
      ['classification_uncontrolled_values_controlled'],
    ],
    ['控制不满意 DM 7.0', 'uncontrolled', dm(7.0), [], []],
    [
      '控制不满意 with complication',
      'uncontrolled',
      dm(9, { complication: true }),
      ['classification_not_most_severe'],
      [],
    ],
    ['不良反应 with ADR', 'adverse_reaction', htn(150, 95, 60, { adverseReaction: true }), [], []],
    [
      '不良反应 with ADR = 无',
      'adverse_reaction',
      htn(150, 95, 60, { adverseReaction: false }),
      ['classification_adverse_reaction_absent'],
      [],
    ],
    ['不良反应 ADR not recorded', 'adverse_reaction', htn(150, 95, 60), [], []],
    [
      '不良反应 with complication',
      'adverse_reaction',
      dm(9, { adverseReaction: true, complication: true }),
      ['classification_not_most_severe'],
      [],
    ],
    ['并发症 with complication', 'complication', dm(9, { complication: true }), [], []],
    ['并发症 with ADR only', 'complication', dm(9, { adverseReaction: true }), [], []],
    [
      '并发症, complication = false',
      'complication',
      dm(9, { complication: false }),
      [],
      ['classification_complication_absent'],
    ],
  ] as [string, VisitClassification, ClassificationValues, string[], string[]][])(
    '%s',
    (_n, chosen, v, errors, warnings) => {
      const r = checkClassification(chosen, v);
      expect(r.errors).toEqual(errors);
      expect(r.warnings).toEqual(warnings);
      expect(r.expected).toBe(expectedClassification(v));
    },
  );
});

describe('nextVisit', () => {
  const base = { visitDate: '2024-01-15' };
  it.each([
    [
      'controlled → 3 months',
      { ...base, classification: 'controlled' },
      '2024-04-15',
      'routine',
      '1',
      ['controlled'],
    ],
    [
      'controlled, 30 Nov → 29 Feb (leap)',
      { visitDate: '2023-11-30', classification: 'controlled' },
      '2024-02-29',
      'routine',
      '1',
      ['controlled'],
    ],
    [
      'controlled, 30 Nov 2024 → 28 Feb 2025',
      { visitDate: '2024-11-30', classification: 'controlled' },
      '2025-02-28',
      'routine',
      '1',
      ['controlled'],
    ],
    [
      'first uncontrolled (previous controlled) → 2 weeks',
      { visitDate: '2024-02-20', classification: 'uncontrolled', previousClassification: 'controlled' },
      '2024-03-05',
      'recheck_2w',
      '2',
      ['first_uncontrolled'],
    ],
    [
      'first uncontrolled (no previous visit)',
      { visitDate: '2023-02-20', classification: 'uncontrolled', previousClassification: null },
      '2023-03-06',
      'recheck_2w',
      '2',
      ['first_uncontrolled'],
    ],
    [
      'two consecutive uncontrolled → referral',
      { visitDate: '2024-12-25', classification: 'uncontrolled', previousClassification: 'uncontrolled' },
      '2025-01-08',
      'referral_2w',
      '3',
      ['two_consecutive_uncontrolled'],
    ],
    [
      'uncontrolled after an ADR visit is not "two consecutive"',
      { ...base, classification: 'uncontrolled', previousClassification: 'adverse_reaction' },
      '2024-01-29',
      'recheck_2w',
      '2',
      ['first_uncontrolled'],
    ],
    [
      'controlled after uncontrolled → routine',
      { ...base, classification: 'controlled', previousClassification: 'uncontrolled' },
      '2024-04-15',
      'routine',
      '1',
      ['controlled'],
    ],
    [
      'ADR → 2 weeks',
      { ...base, classification: 'adverse_reaction' },
      '2024-01-29',
      'recheck_2w',
      '2',
      ['adverse_reaction'],
    ],
    [
      'uncontrollable ADR → referral',
      { ...base, classification: 'adverse_reaction', uncontrollableAdverseReaction: true },
      '2024-01-29',
      'referral_2w',
      '3',
      ['uncontrollable_adverse_reaction'],
    ],
    [
      'complication → referral',
      { ...base, classification: 'complication' },
      '2024-01-29',
      'referral_2w',
      '3',
      ['complication'],
    ],
    [
      'emergency → emergency referral',
      { ...base, classification: 'uncontrolled', emergency: true },
      '2024-01-29',
      'emergency_referral',
      '4',
      ['emergency', 'first_uncontrolled'],
    ],
    [
      'emergency with two consecutive uncontrolled',
      { ...base, classification: 'uncontrolled', previousClassification: 'uncontrolled', emergency: true },
      '2024-01-29',
      'emergency_referral',
      '4',
      ['emergency', 'two_consecutive_uncontrolled'],
    ],
    [
      'configurable routine window',
      { visitDate: '2024-01-31', classification: 'controlled', routineMonths: 1 },
      '2024-02-29',
      'routine',
      '1',
      ['controlled'],
    ],
    [
      'configurable short interval',
      { ...base, classification: 'uncontrolled', shortIntervalDays: 7 },
      '2024-01-22',
      'recheck_2w',
      '2',
      ['first_uncontrolled'],
    ],
  ] as [string, NextVisitInput, string, string, string, string[]][])(
    '%s',
    (_n, input, dueDate, action, code, reasons) => {
      const r = nextVisit(input);
      expect(r).toEqual({
        dueDate,
        action,
        code,
        referral: action === 'referral_2w' || action === 'emergency_referral',
        reasons,
      });
    },
  );

  it('2 weeks vs 3 months from the same date', () => {
    const d = '2024-02-15';
    expect(daysBetween(d, nextVisit({ visitDate: d, classification: 'uncontrolled' }).dueDate)).toBe(14);
    expect(nextVisit({ visitDate: d, classification: 'controlled' }).dueDate).toBe('2024-05-15');
  });

  it.each([
    [{ visitDate: '2024-02-30', classification: 'controlled' }],
    [{ visitDate: '15/01/2024', classification: 'controlled' }],
    [{ ...base, classification: 'controlled', routineMonths: 0 }],
    [{ ...base, classification: 'controlled', routineMonths: 2.5 }],
    [{ ...base, classification: 'uncontrolled', shortIntervalDays: 0 }],
  ] as [NextVisitInput][])('throws RangeError for %j', (input) =>
    expect(() => nextVisit(input)).toThrow(RangeError),
  );
});

describe('bmi', () => {
  it.each([
    [170, 70, 24.2],
    [160, 61.44, 24.0],
    [175, 80, 26.1],
    [180, 81, 25.0],
    [200, 97.8, 24.5], // 24.45 rounds half up
    [165, 50, 18.4],
  ])('%i cm, %d kg → %d', (h, w, want) => expect(bmi(h, w)).toBe(want));

  it.each([
    [0, 60],
    [170, 0],
    [-170, 60],
    [Number.NaN, 60],
  ])('null for %d cm, %d kg', (h, w) => expect(bmi(h, w)).toBeNull());
});

describe('follow-ups per year (≥ 4 face-to-face)', () => {
  const four = ['2024-01-10', '2024-02-29', '2024-07-01', '2024-12-31'];
  it.each([
    ['four in the year', four, 2024, 4, true],
    ['three', four.slice(0, 3), 2024, 3, false],
    ['same day twice counts once', ['2024-01-10', '2024-01-10', '2024-04-10', '2024-07-10'], 2024, 3, false],
    ['other years excluded', ['2023-12-31', ...four.slice(1), '2025-01-01'], 2024, 3, false],
    ['none', [], 2024, 0, false],
    ['five', [...four, '2024-10-01'], 2024, 5, true],
  ])('%s', (_n, dates, year, count, meets) => {
    expect(followUpsInYear(dates, year)).toBe(count);
    expect(meetsAnnualFollowUps(dates, year)).toBe(meets);
  });

  it('a custom minimum', () => expect(meetsAnnualFollowUps(four.slice(0, 2), 2024, 2)).toBe(true));
  it('rejects a bad date', () => expect(() => followUpsInYear(['2023-02-29'], 2023)).toThrow(RangeError));

  it.each([
    ['1', true],
    ['2', true],
    ['3', false],
    ['9', false],
  ])('method %s face to face = %s', (code, want) => expect(isFaceToFace(code)).toBe(want));
});

describe('annualCheckDue', () => {
  it.each([
    ['turns 65 on 31 Dec', { birthDate: '1959-12-31', year: 2024, checkDates: [] }, true, ['elderly'], false],
    ['turns 65 next year', { birthDate: '1960-01-01', year: 2024, checkDates: [] }, false, [], false],
    [
      'born 29 Feb, 65 in 2025',
      { birthDate: '1960-02-29', year: 2025, checkDates: [] },
      true,
      ['elderly'],
      false,
    ],
    [
      'hypertension and diabetes under 65',
      { birthDate: '1980-05-05', year: 2024, hypertension: true, diabetes: true, checkDates: [] },
      true,
      ['hypertension', 'diabetes'],
      false,
    ],
    [
      'severe mental disorder',
      { birthDate: '1990-05-05', year: 2024, severeMentalDisorder: true, checkDates: [] },
      true,
      ['severe_mental_disorder'],
      false,
    ],
    [
      'done in the year',
      {
        birthDate: '1950-01-01',
        year: 2024,
        hypertension: true,
        checkDates: ['2023-06-01', '2024-03-01', '2024-09-01'],
      },
      true,
      ['elderly', 'hypertension'],
      true,
    ],
    [
      'last year only',
      { birthDate: '1950-01-01', year: 2024, checkDates: ['2023-12-31'] },
      true,
      ['elderly'],
      false,
    ],
  ] as const)('%s', (_n, input, required, reasons, done) => {
    const r = annualCheckDue(input);
    expect(r.required).toBe(required);
    expect(r.reasons).toEqual(reasons);
    expect(r.done).toBe(done);
    expect(r.due).toBe(required && !done);
    expect(r.dueBy).toBe(required ? `${input.year}-12-31` : null);
  });

  it('gives the latest check of the year', () =>
    expect(
      annualCheckDue({
        birthDate: '1950-01-01',
        year: 2024,
        checkDates: ['2024-09-01', '2024-03-01', '2025-01-02'],
      }).lastCheckDate,
    ).toBe('2024-09-01'));
});

describe('plausibility', () => {
  type Finding = [field: string, code: string];
  const run = (v: PlausibilityValues) => {
    const r = plausibility(v);
    return {
      errors: r.errors.map((e): Finding => [e.field, e.code]),
      warnings: r.warnings.map((w): Finding => [w.field, w.code]),
    };
  };

  it.each([
    [
      'normal values',
      { sbp: 130, dbp: 80, heartRate: 72, glucose: 5.6, heightCm: 165, weightKg: 60, bmi: 22.0 },
      [],
      [],
    ],
    ['empty', {}, [], []],
    ['nulls skipped', { sbp: null, dbp: null }, [], []],
    ['SBP = DBP', { sbp: 90, dbp: 90 }, [['sbp', 'sbp_not_above_dbp']], []],
    ['SBP < DBP (swapped)', { sbp: 80, dbp: 130 }, [['sbp', 'sbp_not_above_dbp']], []],
    ['SBP 300 is possible but unusual', { sbp: 300, dbp: 100 }, [], [['sbp', 'unusually_high']]],
    ['SBP 301', { sbp: 301, dbp: 100 }, [['sbp', 'above_possible']], []],
    ['SBP 220 fine, 221 warns', { sbp: 220, dbp: 100 }, [], []],
    ['SBP 221', { sbp: 221, dbp: 100 }, [], [['sbp', 'unusually_high']]],
    ['SBP 80 fine', { sbp: 80, dbp: 50 }, [], []],
    ['SBP 79', { sbp: 79, dbp: 50 }, [], [['sbp', 'unusually_low']]],
    ['SBP 39', { sbp: 39, dbp: 30 }, [['sbp', 'below_possible']], [['dbp', 'unusually_low']]],
    ['SBP negative', { sbp: -120 }, [['sbp', 'negative']], []],
    ['SBP 0', { sbp: 0 }, [['sbp', 'below_possible']], []],
    ['DBP 40 fine, 39 warns', { sbp: 100, dbp: 39 }, [], [['dbp', 'unusually_low']]],
    ['DBP 140 fine', { sbp: 200, dbp: 140 }, [], []],
    ['DBP 141', { sbp: 200, dbp: 141 }, [], [['dbp', 'unusually_high']]],
    ['DBP 201', { sbp: 250, dbp: 201 }, [['dbp', 'above_possible']], [['sbp', 'unusually_high']]],
    ['HR 40 fine', { heartRate: 40 }, [], []],
    ['HR 150 fine', { heartRate: 150 }, [], []],
    ['HR 39', { heartRate: 39 }, [], [['heartRate', 'unusually_low']]],
    ['HR 151', { heartRate: 151 }, [], [['heartRate', 'unusually_high']]],
    ['HR 301', { heartRate: 301 }, [['heartRate', 'above_possible']], []],
    ['glucose 2.8 fine', { glucose: 2.8 }, [], []],
    ['glucose 2.7', { glucose: 2.7 }, [], [['glucose', 'unusually_low']]],
    ['glucose 25 fine', { glucose: 25 }, [], []],
    ['glucose 25.1', { glucose: 25.1 }, [], [['glucose', 'unusually_high']]],
    ['glucose 50 possible', { glucose: 50 }, [], [['glucose', 'unusually_high']]],
    ['glucose 50.1 (mg/dL typed as mmol/L?)', { glucose: 50.1 }, [['glucose', 'above_possible']], []],
    ['glucose 0.9', { glucose: 0.9 }, [['glucose', 'below_possible']], []],
    ['height 250 possible', { heightCm: 250 }, [], [['heightCm', 'unusually_high']]],
    ['height 251', { heightCm: 251 }, [['heightCm', 'above_possible']], []],
    ['height in metres', { heightCm: 1.65 }, [['heightCm', 'below_possible']], []],
    ['weight 351', { weightKg: 351 }, [['weightKg', 'above_possible']], []],
    ['weight 29', { weightKg: 29 }, [], [['weightKg', 'unusually_low']]],
    ['temperature 41.1', { temperature: 41.1 }, [], [['temperature', 'unusually_high']]],
    ['temperature 34.9', { temperature: 34.9 }, [], [['temperature', 'unusually_low']]],
    ['temperature 45.1', { temperature: 45.1 }, [['temperature', 'above_possible']], []],
    ['waist 151', { waistCm: 151 }, [], [['waistCm', 'unusually_high']]],
    ['BMI 15 fine, computed', { heightCm: 150, weightKg: 33.75 }, [], []],
    ['BMI 14.9 computed', { heightCm: 150, weightKg: 33.5 }, [], [['bmi', 'unusually_low']]],
    ['BMI 40 fine, computed', { heightCm: 150, weightKg: 90 }, [], []],
    ['BMI 40.4 computed', { heightCm: 150, weightKg: 91 }, [], [['bmi', 'unusually_high']]],
    ['BMI entered 41', { bmi: 41 }, [], [['bmi', 'unusually_high']]],
    [
      'BMI not computed from an impossible height',
      { heightCm: 1.7, weightKg: 70 },
      [['heightCm', 'below_possible']],
      [],
    ],
    ['BMI entered, matching (rounded)', { heightCm: 200, weightKg: 97.8, bmi: 24.5 }, [], []],
    ['BMI entered, matching (truncated)', { heightCm: 200, weightKg: 97.8, bmi: 24.4 }, [], []],
    ['BMI entered, mismatch', { heightCm: 170, weightKg: 70, bmi: 25.2 }, [['bmi', 'bmi_mismatch']], []],
    [
      'BMI entered, rounded to an integer',
      { heightCm: 200, weightKg: 97.8, bmi: 24 },
      [['bmi', 'bmi_mismatch']],
      [],
    ],
    ['NaN', { sbp: Number.NaN }, [['sbp', 'not_a_number']], []],
  ] as [string, PlausibilityValues, Finding[], Finding[]][])('%s', (_n, v, errors, warnings) =>
    expect(run(v)).toEqual({ errors, warnings }),
  );
});
