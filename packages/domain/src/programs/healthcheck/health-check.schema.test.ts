import { describe, it, expect } from 'vitest';
import {
  BREAST,
  CEREBROVASCULAR_DISEASES,
  DENTITION,
  HEALTH_CHECK_SYMPTOMS,
  RISK_FACTOR_CONTROL,
  URINE_RESULT,
  healthCheckSchema,
  type HealthCheckInput,
} from './health-check.schema.ts';
import * as schemaModule from './health-check.schema.ts';

const minimal: HealthCheckInput = { symptoms: { codes: ['1'] }, evaluation: { result: '1' } };

/** A form with every section filled in. */
const fullForm: HealthCheckInput = {
  symptoms: { codes: ['2', '3', '25'], other: '夜间口干' },
  general: {
    temperature: 36.5,
    pulse: 76,
    respiration: 18,
    bpLeft: { sbp: 146, dbp: 88 },
    bpRight: { sbp: 150, dbp: 86 },
    heightCm: 165,
    weightKg: 70,
    waistCm: 92,
    bmi: 25.7,
    healthSelfAssessment: '2',
    selfCare: '1',
    cognition: '2',
    mmseScore: 25,
    emotion: '1',
  },
  lifestyle: {
    exercise: { frequency: '2', minutesPerSession: 30, years: 5, mode: '散步' },
    diet: { codes: ['1', '4'] },
    smoking: { status: '2', cigarettesPerDay: 10, startAge: 20, quitAge: 60 },
    drinking: {
      frequency: '2',
      liangPerDay: 1,
      quit: '1',
      startAge: 25,
      drunkPastYear: '2',
      kinds: { codes: ['1', '5'], other: '米酒' },
    },
    occupational: {
      exposure: '2',
      job: '矿工',
      years: 10,
      hazards: {
        dust: { substance: '煤尘', protection: { code: '2', other: '口罩' } },
        physical: { substance: '噪声', protection: { code: '1' } },
      },
    },
  },
  organs: {
    lips: '1',
    dentition: { codes: ['2', '4'], missingTeeth: '右上6', dentureTeeth: '左下7' },
    pharynx: '1',
    vision: { left: 4.8, right: 4.9, leftCorrected: 5.0, rightCorrected: 5.0 },
    hearing: '1',
    motor: '1',
  },
  exam: {
    fundus: { code: '1' },
    skin: { code: '1' },
    sclera: { code: '1' },
    lymphNodes: { code: '1' },
    lungs: { barrelChest: '1', breathSounds: { code: '1' }, rales: { code: '1' } },
    heart: { rate: 76, rhythm: '1', murmur: { code: '1' } },
    abdomen: {
      tenderness: { code: '1' },
      mass: { code: '1' },
      hepatomegaly: { code: '1' },
      splenomegaly: { code: '1' },
      shiftingDullness: { code: '2', other: '少量' },
    },
    lowerLimbOedema: '1',
    dorsalisPedis: '2',
    digitalRectal: { code: '1' },
    breast: { codes: ['1'] },
    gynaecology: {
      vulva: { code: '1' },
      vagina: { code: '1' },
      cervix: { code: '1' },
      uterus: { code: '1' },
      adnexa: { code: '1' },
    },
    other: '无',
  },
  labs: {
    bloodRoutine: { hemoglobin: 130, wbc: 6.1, platelets: 210 },
    urineRoutine: { protein: '-', glucose: '++', ketones: '−', occultBlood: '±' },
    fastingGlucose: { value: 7.4, unit: 'mmol/L' },
    ecg: { code: '2', other: 'ST段改变' },
    urineMicroalbumin: 2.5,
    faecalOccultBlood: '1',
    hba1c: 7.1,
    hbsag: '1',
    liver: { alt: 30, ast: 28, albumin: 42, totalBilirubin: 12, directBilirubin: 4 },
    kidney: { creatinine: 80, urea: 5.2, potassium: 4.1, sodium: 140 },
    lipids: { totalCholesterol: 5.1, triglycerides: 1.6, ldl: 3.0, hdl: 1.2 },
    chestXray: { code: '1' },
    ultrasound: { abdomen: { code: '2', other: '脂肪肝' }, other: { code: '1' } },
    cervicalSmear: { code: '1' },
    other: '无',
  },
  problems: {
    cerebrovascular: { codes: ['1'] },
    kidney: { codes: ['1'] },
    heart: { codes: ['3'] },
    vascular: { codes: ['1'] },
    eye: { codes: ['4'] },
    nervous: { code: '1' },
    otherSystems: { code: '2', other: '慢性胃炎' },
  },
  hospitalisations: [
    { from: '2024-11', to: '2024-12', reason: '肺炎', institution: '县人民医院', recordNo: 'ZY2024-118' },
  ],
  homeBeds: [{ from: '2025-01', reason: '卒中后康复', institution: '乡镇卫生院' }],
  medications: [
    { name: '氨氯地平', route: '口服', dose: '5mg 每日1次', duration: '3年', adherence: '1' },
    { name: '二甲双胍', route: '口服', dose: '0.5g 每日2次', duration: '1年', adherence: '2' },
  ],
  vaccinations: [{ name: '流感疫苗', date: '2024-10-15', institution: '乡镇卫生院' }],
  evaluation: { result: '2', abnormalities: ['血压偏高', '空腹血糖偏高'] },
  guidance: ['1', '2'],
  riskFactors: { codes: ['1', '5', '6', '7'], targetWeightKg: 65, vaccines: '肺炎球菌疫苗', other: '限盐' },
};

/** [path, code] of every issue; our own codes are the message, zod's built-ins their issue code. */
function issues(form: unknown): [string, string][] {
  const r = healthCheckSchema.safeParse(form);
  if (r.success) return [];
  return r.error.issues.map((i) => [i.path.join('.'), /^[a-z_]+$/.test(i.message) ? i.message : i.code]);
}

describe('healthCheckSchema: valid forms', () => {
  it('parses the minimal form and fills the sections with empty defaults', () => {
    const r = healthCheckSchema.parse(minimal);
    expect(r.general).toEqual({});
    expect(r.medications).toEqual([]);
    expect(r.riskFactors).toEqual({ codes: [] });
  });

  it('parses a form with every section filled in', () => {
    expect(issues(fullForm)).toEqual([]);
    const r = healthCheckSchema.parse(fullForm);
    expect(r.labs.fastingGlucose).toEqual({ value: 7.4, unit: 'mmol/L' });
    expect(r.exam.abdomen?.shiftingDullness).toEqual({ code: '2', other: '少量' });
  });

  it('defaults the glucose unit to mmol/L', () => {
    const r = healthCheckSchema.parse({ ...minimal, labs: { fastingGlucose: { value: 6 } } });
    expect(r.labs.fastingGlucose?.unit).toBe('mmol/L');
  });
});

const withGeneral = (general: object) => ({ ...minimal, general });
const withLifestyle = (lifestyle: object) => ({ ...minimal, lifestyle });
const row = { from: '2025-01', reason: '肺炎', institution: '县医院' };

describe('healthCheckSchema: conditional requirements', () => {
  it.each<[string, unknown, string, string]>([
    [
      'none + a symptom',
      { ...minimal, symptoms: { codes: ['1', '2'] } },
      'symptoms.codes',
      'choice_exclusive',
    ],
    ['other symptom without text', { ...minimal, symptoms: { codes: ['25'] } }, 'symptoms.other', 'required'],
    ['no symptom chosen', { ...minimal, symptoms: { codes: [] } }, 'symptoms.codes', 'choice_required'],
    [
      'repeated symptom',
      { ...minimal, symptoms: { codes: ['2', '2'] } },
      'symptoms.codes',
      'choice_duplicate',
    ],
    [
      'MMSE with a negative screen',
      withGeneral({ cognition: '1', mmseScore: 28 }),
      'general.mmseScore',
      'not_applicable',
    ],
    [
      'depression score, no screen',
      withGeneral({ depressionScore: 8 }),
      'general.depressionScore',
      'not_applicable',
    ],
    ['MMSE above 30', withGeneral({ cognition: '2', mmseScore: 31 }), 'general.mmseScore', 'too_big'],
    [
      'minutes when not exercising',
      withLifestyle({ exercise: { frequency: '4', minutesPerSession: 30 } }),
      'lifestyle.exercise.minutesPerSession',
      'not_applicable',
    ],
    [
      'balanced and mostly meat',
      withLifestyle({ diet: { codes: ['1', '2'] } }),
      'lifestyle.diet.codes',
      'choice_conflict',
    ],
    [
      'smoker without amount',
      withLifestyle({ smoking: { status: '3' } }),
      'lifestyle.smoking.cigarettesPerDay',
      'required',
    ],
    [
      'never smoker with amount',
      withLifestyle({ smoking: { status: '1', cigarettesPerDay: 5 } }),
      'lifestyle.smoking.cigarettesPerDay',
      'not_applicable',
    ],
    [
      'smoker with a quit age',
      withLifestyle({ smoking: { status: '3', cigarettesPerDay: 5, quitAge: 50 } }),
      'lifestyle.smoking.quitAge',
      'not_applicable',
    ],
    [
      'quit before starting',
      withLifestyle({ smoking: { status: '2', startAge: 30, quitAge: 29 } }),
      'lifestyle.smoking.quitAge',
      'date_order',
    ],
    [
      'never drinks, but kinds',
      withLifestyle({ drinking: { frequency: '1', kinds: { codes: ['1'] } } }),
      'lifestyle.drinking.kinds',
      'not_applicable',
    ],
    [
      'other drink without text',
      withLifestyle({ drinking: { frequency: '2', kinds: { codes: ['5'] } } }),
      'lifestyle.drinking.kinds.other',
      'required',
    ],
    [
      'drinking quit age but not quit',
      withLifestyle({ drinking: { frequency: '3', quit: '1', quitAge: 60 } }),
      'lifestyle.drinking.quitAge',
      'not_applicable',
    ],
    [
      'exposed without job',
      withLifestyle({ occupational: { exposure: '2' } }),
      'lifestyle.occupational.job',
      'required',
    ],
    [
      'exposed without hazard',
      withLifestyle({ occupational: { exposure: '2', job: '焊工' } }),
      'lifestyle.occupational.hazards',
      'choice_required',
    ],
    [
      'not exposed, but a job',
      withLifestyle({ occupational: { exposure: '1', job: '焊工' } }),
      'lifestyle.occupational.job',
      'not_applicable',
    ],
    [
      'protection without the measures',
      withLifestyle({
        occupational: { exposure: '2', job: '焊工', hazards: { physical: { protection: { code: '2' } } } },
      }),
      'lifestyle.occupational.hazards.physical.protection.other',
      'required',
    ],
    [
      'other hazard unnamed',
      withLifestyle({
        occupational: { exposure: '2', job: '焊工', hazards: { other: { protection: { code: '1' } } } },
      }),
      'lifestyle.occupational.hazards.other.substance',
      'required',
    ],
    [
      'normal teeth + caries',
      { ...minimal, organs: { dentition: { codes: ['1', '3'] } } },
      'organs.dentition.codes',
      'choice_exclusive',
    ],
    [
      'positions of a finding not chosen',
      { ...minimal, organs: { dentition: { codes: ['3'], missingTeeth: '右上6' } } },
      'organs.dentition.missingTeeth',
      'not_applicable',
    ],
    [
      'vision beyond the chart',
      { ...minimal, organs: { vision: { left: 5.4 } } },
      'organs.vision.left',
      'too_big',
    ],
    [
      'abnormal fundus without text',
      { ...minimal, exam: { fundus: { code: '2' } } },
      'exam.fundus.other',
      'required',
    ],
    ['other skin without text', { ...minimal, exam: { skin: { code: '7' } } }, 'exam.skin.other', 'required'],
    [
      'other rales without text',
      { ...minimal, exam: { lungs: { rales: { code: '4' } } } },
      'exam.lungs.rales.other',
      'required',
    ],
    [
      'murmur without text',
      { ...minimal, exam: { heart: { murmur: { code: '2' } } } },
      'exam.heart.murmur.other',
      'required',
    ],
    [
      'mass without text',
      { ...minimal, exam: { abdomen: { mass: { code: '2' } } } },
      'exam.abdomen.mass.other',
      'required',
    ],
    [
      'other DRE finding without text',
      { ...minimal, exam: { digitalRectal: { code: '5' } } },
      'exam.digitalRectal.other',
      'required',
    ],
    [
      'normal breast + lump',
      { ...minimal, exam: { breast: { codes: ['1', '4'] } } },
      'exam.breast.codes',
      'choice_exclusive',
    ],
    [
      'abnormal cervix without text',
      { ...minimal, exam: { gynaecology: { cervix: { code: '2' } } } },
      'exam.gynaecology.cervix.other',
      'required',
    ],
    [
      'urine protein as a word',
      { ...minimal, labs: { urineRoutine: { protein: 'pos' } } },
      'labs.urineRoutine.protein',
      'lab_result_format',
    ],
    [
      'five plus signs',
      { ...minimal, labs: { urineRoutine: { glucose: '+++++' } } },
      'labs.urineRoutine.glucose',
      'lab_result_format',
    ],
    [
      'glucose in another unit',
      { ...minimal, labs: { fastingGlucose: { value: 6, unit: 'g/L' } } },
      'labs.fastingGlucose.unit',
      'invalid_value',
    ],
    ['abnormal ECG without text', { ...minimal, labs: { ecg: { code: '2' } } }, 'labs.ecg.other', 'required'],
    ['negative liver value', { ...minimal, labs: { liver: { alt: -1 } } }, 'labs.liver.alt', 'too_small'],
    [
      'none found + stroke',
      { ...minimal, problems: { cerebrovascular: { codes: ['1', '2'] } } },
      'problems.cerebrovascular.codes',
      'choice_exclusive',
    ],
    [
      'other eye disease without text',
      { ...minimal, problems: { eye: { codes: ['5'] } } },
      'problems.eye.other',
      'required',
    ],
    [
      'other system disease unnamed',
      { ...minimal, problems: { otherSystems: { code: '2' } } },
      'problems.otherSystems.other',
      'required',
    ],
    [
      'three hospital stays',
      { ...minimal, hospitalisations: [row, row, row] },
      'hospitalisations',
      'too_big',
    ],
    [
      'discharged before admitted',
      { ...minimal, hospitalisations: [{ ...row, to: '2024-12' }] },
      'hospitalisations.0.to',
      'date_order',
    ],
    [
      'stay without institution',
      { ...minimal, homeBeds: [{ ...row, institution: ' ' }] },
      'homeBeds.0.institution',
      'required',
    ],
    [
      'month 13',
      { ...minimal, homeBeds: [{ ...row, from: '2025-13' }] },
      'homeBeds.0.from',
      'year_month_format',
    ],
    [
      'seven medications',
      { ...minimal, medications: Array.from({ length: 7 }, () => ({ name: '阿司匹林', adherence: '1' })) },
      'medications',
      'too_big',
    ],
    [
      'medication without adherence',
      { ...minimal, medications: [{ name: '阿司匹林' }] },
      'medications.0.adherence',
      'invalid_value',
    ],
    [
      'four vaccinations',
      {
        ...minimal,
        vaccinations: Array.from({ length: 4 }, () => ({ name: '流感疫苗', date: '2025-01-02' })),
      },
      'vaccinations',
      'too_big',
    ],
    [
      'no such date',
      { ...minimal, vaccinations: [{ name: '流感疫苗', date: '2025-02-30' }] },
      'vaccinations.0.date',
      'date_invalid',
    ],
    [
      'abnormal without a finding',
      { ...minimal, evaluation: { result: '2' } },
      'evaluation.abnormalities',
      'required',
    ],
    [
      'normal with a finding',
      { ...minimal, evaluation: { result: '1', abnormalities: ['血压偏高'] } },
      'evaluation.abnormalities',
      'not_applicable',
    ],
    [
      'five findings',
      { ...minimal, evaluation: { result: '2', abnormalities: ['a', 'b', 'c', 'd', 'e'] } },
      'evaluation.abnormalities',
      'too_big',
    ],
    ['guidance repeated', { ...minimal, guidance: ['2', '2'] }, 'guidance', 'choice_duplicate'],
    [
      'lose weight without target',
      { ...minimal, riskFactors: { codes: ['5'] } },
      'riskFactors.targetWeightKg',
      'required',
    ],
    [
      'other risk factor without text',
      { ...minimal, riskFactors: { codes: ['7'] } },
      'riskFactors.other',
      'required',
    ],
    ['unknown field', { ...minimal, general: { bloodType: 'A' } }, 'general', 'unrecognized_keys'],
    ['no evaluation', { symptoms: { codes: ['1'] } }, 'evaluation', 'invalid_type'],
  ])('%s → %s %s', (_name, form, path, code) => {
    expect(issues(form)).toContainEqual([path, code]);
  });

  it.each<[string, unknown]>([
    ['none alone', { ...minimal, symptoms: { codes: ['1'] } }],
    ['other with text', { ...minimal, symptoms: { codes: ['25'], other: '失眠' } }],
    ['positive screen with MMSE', withGeneral({ cognition: '2', mmseScore: 20 })],
    ['not exercising, nothing else', withLifestyle({ exercise: { frequency: '4' } })],
    ['balanced + salty', withLifestyle({ diet: { codes: ['1', '4'] } })],
    ['lose weight with target', { ...minimal, riskFactors: { codes: ['5'], targetWeightKg: 62 } }],
    [
      'abnormal with four findings',
      { ...minimal, evaluation: { result: '2', abnormalities: ['a', 'b', 'c', 'd'] } },
    ],
    ['two hospital stays', { ...minimal, hospitalisations: [row, row] }],
  ])('accepts %s', (_name, form) => expect(issues(form)).toEqual([]));
});

describe('urine result format', () => {
  it.each(['-', '−', '±', '+', '++', '+++', '++++', '0.3 g/L', '5.5mmol/L', '15'])('accepts %s', (s) =>
    expect(URINE_RESULT.test(s)).toBe(true),
  );
  it.each(['', '阳性', '+-+', 'g/L', '1..2', '+++++'])('rejects %s', (s) =>
    expect(URINE_RESULT.test(s)).toBe(false),
  );
});

describe('code tables', () => {
  it('symptoms 1–25, 1 exclusive, 25 needs text', () => {
    expect(HEALTH_CHECK_SYMPTOMS.map((e) => e.code)).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1)),
    );
    expect(HEALTH_CHECK_SYMPTOMS.filter((e) => 'exclusive' in e).map((e) => e.code)).toEqual(['1']);
    expect(HEALTH_CHECK_SYMPTOMS.filter((e) => 'needsText' in e).map((e) => e.code)).toEqual(['25']);
  });

  it.each([
    ['DENTITION', DENTITION, 4],
    ['BREAST', BREAST, 5],
    ['CEREBROVASCULAR_DISEASES', CEREBROVASCULAR_DISEASES, 6],
    ['RISK_FACTOR_CONTROL', RISK_FACTOR_CONTROL, 7],
  ] as const)('%s has codes 1–%i', (_n, table, n) =>
    expect(table.map((e) => e.code)).toEqual(Array.from({ length: n }, (_, i) => String(i + 1))),
  );

  it('every exported table has distinct codes and Chinese and English labels', () => {
    const tables = Object.entries(schemaModule).filter(
      ([, v]) => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && 'code' in v[0],
    ) as unknown as [string, { code: string; zh: string; en: string }[]][];
    expect(tables.length).toBeGreaterThan(40);
    for (const [name, table] of tables) {
      expect(new Set(table.map((e) => e.code)).size, name).toBe(table.length);
      for (const e of table) {
        expect(e.zh, `${name} ${e.code}`).toMatch(/[\u4e00-\u9fff]/);
        expect(e.en, `${name} ${e.code}`).toMatch(/^[A-Z]/);
      }
    }
  });
});
