import { describe, it, expect } from 'vitest';
import { PLAUSIBLE_RANGES } from '../chronic/chronic.rules.ts';
import {
  HEALTH_CHECK_RANGES,
  evaluateHealthCheck,
  fastingGlucoseMmol,
  pickArm,
  type HealthCheckContext,
} from './health-check.rules.ts';
import { healthCheckSchema, type HealthCheck, type HealthCheckInput } from './health-check.schema.ts';

const elderMan: HealthCheckContext = { birthDate: '1950-03-01', sex: '1', serviceDate: '2025-06-10' };
const elderWoman: HealthCheckContext = { ...elderMan, sex: '2' };

const base: HealthCheckInput = { symptoms: { codes: ['1'] }, evaluation: { result: '1' } };
/** Parses base + the given sections (so every test form is one the schema accepts). */
const form = (extra: Partial<HealthCheckInput> = {}): HealthCheck =>
  healthCheckSchema.parse({ ...base, ...extra });
const run = (extra: Partial<HealthCheckInput>, ctx = elderMan) => evaluateHealthCheck(form(extra), ctx);

/** Sets a value at a dotted path, creating objects on the way. */
function setAt(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys.at(-1)!] = value;
  return obj;
}
const at = (path: string, value: number) =>
  evaluateHealthCheck(setAt(form() as never, path, value) as never, elderMan);
const findings = (r: ReturnType<typeof evaluateHealthCheck>, path: string) => [
  ...r.errors.filter((e) => e.field === path).map((e) => e.code),
  ...r.warnings.filter((e) => e.field === path).map((e) => e.code),
];

describe('evaluateHealthCheck: empty form', () => {
  it('has no findings and null values', () => {
    expect(run({})).toEqual({
      errors: [],
      warnings: [],
      bmi: null,
      sbp: null,
      dbp: null,
      fastingGlucoseMmol: null,
      weightKg: null,
      suggestedAbnormalities: [],
    });
  });
});

describe('blood pressure', () => {
  it.each<[string, object, string, string | null]>([
    ['left sbp = dbp', { bpLeft: { sbp: 90, dbp: 90 } }, 'general.bpLeft.sbp', 'sbp_not_above_dbp'],
    ['right sbp < dbp', { bpRight: { sbp: 80, dbp: 95 } }, 'general.bpRight.sbp', 'sbp_not_above_dbp'],
    ['left sbp one above dbp', { bpLeft: { sbp: 91, dbp: 90 } }, 'general.bpLeft.sbp', null],
    ['sbp 220 (usual bound)', { bpLeft: { sbp: 220, dbp: 100 } }, 'general.bpLeft.sbp', null],
    ['sbp 221', { bpLeft: { sbp: 221, dbp: 100 } }, 'general.bpLeft.sbp', 'unusually_high'],
    ['sbp 301', { bpRight: { sbp: 301, dbp: 100 } }, 'general.bpRight.sbp', 'above_possible'],
    ['dbp 39', { bpRight: { sbp: 100, dbp: 39 } }, 'general.bpRight.dbp', 'unusually_low'],
    ['dbp 40', { bpRight: { sbp: 100, dbp: 40 } }, 'general.bpRight.dbp', null],
  ])('%s', (_n, general, path, code) => {
    expect(findings(run({ general }), path)).toEqual(code ? [code] : []);
  });

  it('reports the arm with the higher systolic reading', () => {
    const r = run({ general: { bpLeft: { sbp: 150, dbp: 80 }, bpRight: { sbp: 160, dbp: 70 } } });
    expect([r.sbp, r.dbp]).toEqual([160, 70]);
    expect(pickArm({ sbp: 170, dbp: 95 }, { sbp: 160, dbp: 100 })).toEqual({ sbp: 170, dbp: 95 });
  });

  it('on equal systolic readings takes the higher diastolic; one arm alone is used', () => {
    expect(pickArm({ sbp: 150, dbp: 85 }, { sbp: 150, dbp: 92 })).toEqual({ sbp: 150, dbp: 92 });
    expect(pickArm(undefined, { sbp: 120, dbp: 70 })).toEqual({ sbp: 120, dbp: 70 });
    expect(pickArm(undefined, undefined)).toBeNull();
  });
});

describe('BMI', () => {
  // 72 kg / 1.70 m² = 24.91 → 24.9
  it.each<[number, boolean]>([
    [24.9, false],
    [25.4, false],
    [25.5, true],
    [24.4, false],
    [24.3, true],
    [25.2, false], // beyond the 0.1 of plausibility(), within our 0.5: no error
  ])('recorded %f → mismatch %s', (recorded, mismatch) => {
    const r = run({ general: { heightCm: 170, weightKg: 72, bmi: recorded } });
    expect(r.errors.some((e) => e.field === 'general.bmi' && e.code === 'bmi_mismatch')).toBe(mismatch);
    expect(r.bmi).toBe(24.9);
  });

  it('uses the recorded BMI when height or weight is missing, and returns the weight', () => {
    expect(run({ general: { bmi: 23.1, weightKg: 60 } })).toMatchObject({
      bmi: 23.1,
      weightKg: 60,
      errors: [],
    });
  });

  it('no mismatch check when only a BMI is recorded', () => {
    expect(run({ general: { bmi: 30 } }).errors).toEqual([]);
  });
});

describe('fasting glucose', () => {
  it.each<[number, 'mmol/L' | 'mg/dL', number]>([
    [126, 'mg/dL', 7],
    [99, 'mg/dL', 5.5],
    [125, 'mg/dL', 6.94],
    [6.1, 'mmol/L', 6.1],
  ])('%f %s → %f mmol/L', (value, unit, mmol) => {
    expect(fastingGlucoseMmol({ value, unit })).toBe(mmol);
    expect(run({ labs: { fastingGlucose: { value, unit } } }).fastingGlucoseMmol).toBe(mmol);
  });

  it('checks the converted value against the ranges (25 mmol/L = 450 mg/dL is the usual bound)', () => {
    const path = 'labs.fastingGlucose.value';
    expect(findings(run({ labs: { fastingGlucose: { value: 450, unit: 'mg/dL' } } }), path)).toEqual([]);
    expect(findings(run({ labs: { fastingGlucose: { value: 452, unit: 'mg/dL' } } }), path)).toEqual([
      'unusually_high',
    ]);
    // 450 mmol/L is impossible; the same number in mg/dL is not.
    expect(findings(run({ labs: { fastingGlucose: { value: 450 } } }), path)).toEqual(['above_possible']);
    expect(findings(run({ labs: { fastingGlucose: { value: 0.9 } } }), path)).toEqual(['below_possible']);
  });
});

describe('ranges reused from chronic.rules.ts', () => {
  it.each<[string, string, number, string | null]>([
    ['temperature', 'general.temperature', 35, null],
    ['temperature', 'general.temperature', 34.9, 'unusually_low'],
    ['temperature', 'general.temperature', 41, null],
    ['temperature', 'general.temperature', 41.1, 'unusually_high'],
    ['temperature', 'general.temperature', 29.9, 'below_possible'],
    ['waist', 'general.waistCm', 50, null],
    ['waist', 'general.waistCm', 49.9, 'unusually_low'],
    ['waist', 'general.waistCm', 150, null],
    ['waist', 'general.waistCm', 150.1, 'unusually_high'],
    ['pulse', 'general.pulse', 150, null],
    ['pulse', 'general.pulse', 151, 'unusually_high'],
    ['pulse', 'general.pulse', 39, 'unusually_low'],
    ['heart rate', 'exam.heart.rate', 40, null],
    ['heart rate', 'exam.heart.rate', 39, 'unusually_low'],
    ['heart rate', 'exam.heart.rate', 301, 'above_possible'],
    ['height', 'general.heightCm', 120, null],
    ['height', 'general.heightCm', 119.9, 'unusually_low'],
    ['weight', 'general.weightKg', 150, null],
    ['weight', 'general.weightKg', 150.1, 'unusually_high'],
  ])('%s %s = %f → %s', (_n, path, value, code) => {
    expect(findings(at(path, value), path)).toEqual(code ? [code] : []);
  });

  it('the bounds above are the shared ones', () => {
    expect(PLAUSIBLE_RANGES.temperature.usual).toEqual([35, 41]);
    expect(PLAUSIBLE_RANGES.waistCm.usual).toEqual([50, 150]);
  });
});

describe('our own ranges', () => {
  it.each<[string, number, string | null]>([
    ['general.respiration', 10, null],
    ['general.respiration', 9, 'unusually_low'],
    ['general.respiration', 30, null],
    ['general.respiration', 31, 'unusually_high'],
    ['general.respiration', 81, 'above_possible'],
    ['labs.kidney.potassium', 6, null],
    ['labs.kidney.potassium', 6.01, 'unusually_high'],
    ['labs.kidney.potassium', 2.99, 'unusually_low'],
    ['labs.lipids.hdl', 0.49, 'unusually_low'],
    ['labs.liver.alt', 200, null],
    ['labs.liver.alt', 201, 'unusually_high'],
    ['labs.bloodRoutine.hemoglobin', 19, 'below_possible'],
  ])('%s = %f → %s', (path, value, code) => {
    expect(findings(at(path, value), path)).toEqual(code ? [code] : []);
  });

  // Every range of the table: at each bound, just inside it, and just outside it.
  const cases = Object.entries(HEALTH_CHECK_RANGES).flatMap(([key, { path, possible, usual }]) => {
    const eps = 0.01;
    const list: [string, string, number, string | null][] = [
      [key, path, usual[0], null],
      [key, path, usual[0] + eps, null],
      [key, path, usual[1], null],
      [key, path, usual[1] - eps, null],
      [key, path, possible[1], usual[1] < possible[1] ? 'unusually_high' : null],
      [key, path, possible[1] + eps, 'above_possible'],
      [key, path, possible[0] - eps, 'below_possible'],
    ];
    if (usual[1] < possible[1]) list.push([key, path, usual[1] + eps, 'unusually_high']);
    if (usual[0] > possible[0]) {
      list.push([key, path, usual[0] - eps, 'unusually_low']);
      list.push([key, path, possible[0], 'unusually_low']);
    }
    return list;
  });
  it.each(cases)('%s (%s) = %f → %s', (_k, path, value, code) => {
    expect(findings(at(path, value), path)).toEqual(code ? [code] : []);
  });

  it('direct bilirubin above total is an error', () => {
    const r = run({ labs: { liver: { totalBilirubin: 10, directBilirubin: 10.5 } } });
    expect(r.errors).toContainEqual({
      field: 'labs.liver.directBilirubin',
      code: 'direct_bilirubin_above_total',
    });
    expect(run({ labs: { liver: { totalBilirubin: 10, directBilirubin: 10 } } }).errors).toEqual([]);
  });
});

describe('resident-specific checks', () => {
  const elderly = { healthSelfAssessment: '1', selfCare: '2', cognition: '2', mmseScore: 22 } as const;

  it.each<[string, string, number]>([
    ['turns 65 on the check date', '1960-06-10', 0],
    ['64, 65 tomorrow', '1960-06-11', 4],
    ['40', '1985-01-01', 4],
  ])('elderly items for a resident who %s → %i warnings', (_n, birthDate, n) => {
    const r = run({ general: elderly }, { ...elderMan, birthDate });
    expect(r.warnings.filter((w) => w.code === 'elderly_item_too_young')).toHaveLength(n);
    expect(r.errors).toEqual([]);
    if (n) expect(r.warnings).toContainEqual({ field: 'general.mmseScore', code: 'elderly_item_too_young' });
  });

  it('self-care code alone is fine', () => {
    expect(run({ general: { selfCare: '3' } })).toMatchObject({ errors: [], warnings: [] });
  });

  it('gynaecology and cervical smear for a man are warnings; for a woman nothing', () => {
    const extra = {
      exam: { gynaecology: { cervix: { code: '1' as const } } },
      labs: { cervicalSmear: { code: '1' as const } },
    };
    expect(run(extra).warnings).toEqual([
      { field: 'exam.gynaecology.cervix', code: 'female_item_for_male' },
      { field: 'labs.cervicalSmear', code: 'female_item_for_male' },
    ]);
    expect(run(extra, elderWoman).warnings).toEqual([]);
  });

  it.each<[string[], boolean]>([
    [['1'], false],
    [['4'], false],
    [['2'], true],
    [['3'], true],
  ])('breast %j for a man → warning %s', (codes, warn) => {
    const r = run({ exam: { breast: { codes: codes as never } } });
    expect(r.warnings.some((w) => w.code === 'female_item_for_male')).toBe(warn);
  });

  it('prostate finding for a woman is a warning', () => {
    const extra = { exam: { digitalRectal: { code: '4' as const } } };
    expect(run(extra, elderWoman).warnings).toEqual([
      { field: 'exam.digitalRectal.code', code: 'male_item_for_female' },
    ]);
    expect(run(extra).warnings).toEqual([]);
  });

  it('dates after the check are errors', () => {
    const r = run({
      hospitalisations: [{ from: '2025-06', to: '2025-07', reason: '肺炎', institution: '县医院' }],
      vaccinations: [{ name: '流感疫苗', date: '2025-06-11' }],
    });
    expect(r.errors).toEqual([
      { field: 'hospitalisations.0.to', code: 'date_after_service' },
      { field: 'vaccinations.0.date', code: 'date_after_service' },
    ]);
  });
});

describe('suggested abnormalities', () => {
  const s = (extra: Partial<HealthCheckInput>, ctx = elderMan) => run(extra, ctx).suggestedAbnormalities;

  it.each<[string, Partial<HealthCheckInput>, string[]]>([
    ['139/89', { general: { bpLeft: { sbp: 139, dbp: 89 } } }, []],
    ['140/80', { general: { bpLeft: { sbp: 140, dbp: 80 } } }, ['血压偏高']],
    ['130/90', { general: { bpLeft: { sbp: 130, dbp: 90 } } }, ['血压偏高']],
    [
      'right arm high',
      { general: { bpLeft: { sbp: 130, dbp: 80 }, bpRight: { sbp: 145, dbp: 80 } } },
      ['血压偏高'],
    ],
    ['88/58', { general: { bpLeft: { sbp: 88, dbp: 58 } } }, ['血压偏低']],
    ['BMI 23.9', { general: { bmi: 23.9 } }, []],
    ['BMI 24', { general: { bmi: 24 } }, ['超重']],
    ['BMI 27.9', { general: { bmi: 27.9 } }, ['超重']],
    ['BMI 28', { general: { bmi: 28 } }, ['肥胖']],
    ['BMI 18.4', { general: { bmi: 18.4 } }, ['体重过低']],
    ['glucose 6.9', { labs: { fastingGlucose: { value: 6.9 } } }, ['空腹血糖受损']],
    ['glucose 7.0', { labs: { fastingGlucose: { value: 7.0 } } }, ['空腹血糖偏高']],
    ['glucose 126 mg/dL', { labs: { fastingGlucose: { value: 126, unit: 'mg/dL' } } }, ['空腹血糖偏高']],
    ['glucose 6.0', { labs: { fastingGlucose: { value: 6.0 } } }, []],
    ['waist 90 man', { general: { waistCm: 90 } }, ['腰围超标']],
    ['waist 89 man', { general: { waistCm: 89 } }, []],
    [
      'urine protein ±, glucose -',
      { labs: { urineRoutine: { protein: '±', glucose: '-' } } },
      ['尿蛋白阳性'],
    ],
    [
      'ECG abnormal, HBsAg +',
      { labs: { ecg: { code: '2', other: 'ST' }, hbsag: '2' } },
      ['乙肝表面抗原阳性', '心电图异常'],
    ],
    [
      'LDL 4.1, HDL 0.9',
      { labs: { lipids: { ldl: 4.1, hdl: 0.9 } } },
      ['低密度脂蛋白胆固醇偏高', '高密度脂蛋白胆固醇偏低'],
    ],
    ['heart rate 101, irregular', { exam: { heart: { rate: 101, rhythm: '3' } } }, ['心动过速', '心律不齐']],
    [
      'positive screens',
      { general: { cognition: '2', emotion: '2' } },
      ['认知功能粗筛阳性', '情感状态粗筛阳性'],
    ],
  ])('%s', (_n, extra, want) => expect(s(extra)).toEqual(want));

  it('waist and haemoglobin cut-offs depend on sex', () => {
    expect(s({ general: { waistCm: 86 } }, elderWoman)).toEqual(['腰围超标']);
    expect(s({ labs: { bloodRoutine: { hemoglobin: 115 } } })).toEqual(['血红蛋白偏低']);
    expect(s({ labs: { bloodRoutine: { hemoglobin: 115 } } }, elderWoman)).toEqual([]);
  });
});

describe('health evaluation against the values', () => {
  const ctx = { birthDate: '1950-01-01', sex: '1', serviceDate: '2026-06-01' };
  const form = (result: '1' | '2', sbp: number) =>
    healthCheckSchema.parse({
      symptoms: { codes: ['1'] },
      general: { bpLeft: { sbp, dbp: 80 } },
      evaluation: result === '1' ? { result } : { result, abnormalities: ['血压偏高'] },
    });
  it.each([
    ['1', 150, true],
    ['1', 139, false],
    ['2', 150, false],
  ] as const)('evaluation %s with SBP %i → contradiction warning %s', (result, sbp, warned) => {
    const w = evaluateHealthCheck(form(result, sbp), ctx).warnings;
    expect(w.some((x) => x.code === 'evaluation_contradicts_values' && x.field === 'evaluation.result')).toBe(
      warned,
    );
  });
});

describe('a half-filled form (the web evaluates as the user types)', () => {
  it('does not throw before the evaluation is chosen', () => {
    const half = {
      symptoms: { codes: ['1'] },
      general: { heightCm: 160, weightKg: 64 },
    } as unknown as HealthCheck;
    const r = evaluateHealthCheck(half, { birthDate: '1950-01-01', sex: '1', serviceDate: '2026-06-01' });
    expect(r.bmi).toBe(25);
  });
});
