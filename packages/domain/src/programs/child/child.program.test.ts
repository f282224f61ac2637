import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../../messages.ts';
import { PROGRAM_MESSAGES } from '../program-messages.ts';
import type { FieldIssue, ServiceContext } from '../program.ts';
import { createRegistry } from '../registry.ts';
import { sdLines } from './growth/index.ts';
import { CHILD_MESSAGES, childResultWords } from './child.messages.ts';
import { CHILD_TYPES, childProgram } from './child.program.ts';
import { INFANT_1, INFANT_6, NEWBORN, PRESCHOOL_48, TCM_6, TODDLER_18 } from './child.fixtures.ts';

const registry = createRegistry([childProgram]);
const T = CHILD_TYPES;
const BIRTH = '2024-01-15';
const ctx = (serviceDate: string, over: Partial<ServiceContext> = {}): ServiceContext => ({
  birthDate: BIRTH,
  sex: '1',
  serviceDate,
  previousClassification: null,
  ...over,
});
const codes = (issues: FieldIssue[]) => issues.map((i) => `${i.field}:${i.code}`);
const check = (type: string, form: unknown, c: ServiceContext) => registry.checkForm(type, form, c);

const allWords: Record<string, unknown> = { ...FIELD_MESSAGES, ...PROGRAM_MESSAGES, ...CHILD_MESSAGES };
const expectWords = (issues: FieldIssue[]) => {
  for (const i of issues) expect(allWords[i.code], i.code).toBeDefined();
};
const wfaAt = (days: number) => sdLines('wfa', '1', days, days)[0]!;

describe('the program definition', () => {
  it('has the five service types in the age-entered child register', () => {
    expect(registry.serviceTypes).toEqual(Object.values(T));
    expect(registry.ageRegisters.map((r) => [r.program, r.entry.minAge, r.tag])).toEqual([
      ['child_health', 0, 'child'],
    ]);
  });
  const resident = { birthDate: BIRTH, sex: '1', registers: ['child_health'] };
  it.each([
    ['2024-01-15', [T.newborn]],
    ['2024-02-11', [T.newborn]], // day 27
    ['2024-02-12', [T.infant]], // day 28
    ['2024-07-15', [T.infant, T.tcm]],
    ['2025-01-14', [T.infant, T.tcm]],
    ['2025-01-15', [T.toddler, T.tcm]],
    ['2027-01-15', [T.preschool, T.tcm]],
    ['2028-01-15', [T.preschool]],
    ['2031-01-14', [T.preschool]],
    ['2031-01-15', []], // 7th birthday
    ['2024-01-14', []], // before birth
  ])('on %s offers %o', (on, types) => {
    expect(registry.applicableTypes(resident, on)).toEqual(types);
  });
  it('needs the register', () => {
    expect(registry.applicableTypes({ ...resident, registers: [] }, '2024-07-15')).toEqual([]);
  });
});

describe('newborn visit', () => {
  const nb = (serviceDate: string) => ctx(serviceDate, { birthDate: '2024-03-01' });
  it('a normal visit: a reminder to rename, the 满月 check next', () => {
    const r = check(T.newborn, NEWBORN, nb('2024-03-05'));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['form.name:name_provisional']);
    expect(r.values).toMatchObject({
      weightKg: 3.4,
      classification: 'normal',
      nextVisitDate: '2024-03-29',
      nextAction: 'routine',
    });
  });
  it.each([
    ['on day 7 after discharge', '2024-03-10', []],
    ['on day 8 after discharge', '2024-03-11', ['serviceDate:newborn_visit_late']],
  ])('%s', (_, on, extra) => {
    expect(codes(check(T.newborn, NEWBORN, nb(on)).warnings)).toEqual([
      'form.name:name_provisional',
      ...extra,
    ]);
  });
  it('a fever asks for a referral', () => {
    const r = check(T.newborn, { ...NEWBORN, temperature: 38 }, nb('2024-03-05'));
    expect(codes(r.warnings)).toEqual([
      'form.name:name_provisional',
      'form:newborn_temperature_abnormal',
      'form.referral:referral_expected',
    ]);
    expect(r.values.classification).toBe('newborn_temperature_abnormal');
    expectWords(r.warnings);
  });
  it('a referred danger sign gives no referral warning', () => {
    const referral = { code: '2', reason: '发热', institution: '县医院儿科' };
    const r = check(T.newborn, { ...NEWBORN, temperature: 38, referral }, nb('2024-03-05'));
    expect(codes(r.warnings)).not.toContain('form.referral:referral_expected');
    expect(r.values.nextAction).toBe('refer');
  });
  it('the name, sex and birth date are checked against the resident', () => {
    const r = check(T.newborn, { ...NEWBORN, name: '李芳之女', birthDate: '2024-03-02' }, nb('2024-03-05'));
    expect(codes(r.warnings)).toEqual([
      'form.birthDate:birth_date_mismatch',
      'form.name:name_provisional',
      'form.name:provisional_name_mismatch',
    ]);
    const girl = check(T.newborn, NEWBORN, { ...nb('2024-03-05'), sex: '2' });
    expect(codes(girl.warnings)).toContain('form.sex:newborn_sex_mismatch');
    expectWords([...r.warnings, ...girl.warnings]);
  });
  it('a named child has no name warning', () => {
    expect(check(T.newborn, { ...NEWBORN, name: '王小明' }, nb('2024-03-05')).warnings).toEqual([]);
  });
  it('a discharge after the visit and a visit before birth are refused', () => {
    expect(
      codes(check(T.newborn, { ...NEWBORN, dischargeDate: '2024-03-06' }, nb('2024-03-05')).errors),
    ).toEqual(['form.dischargeDate:date_after_service']);
    expect(codes(check(T.newborn, NEWBORN, nb('2024-02-28')).errors)).toContain(
      'serviceDate:record_before_birth',
    );
  });
  it('an Apgar of 6 with no asphyxia is questioned', () => {
    const r = check(
      T.newborn,
      { ...NEWBORN, asphyxia: { code: '1', apgar1: 6, apgar5: 9 } },
      nb('2024-03-05'),
    );
    expect(codes(r.warnings)).toContain('form.asphyxia:apgar_asphyxia_mismatch');
  });
  it('a schema error comes back with the form prefix', () => {
    expect(codes(check(T.newborn, { ...NEWBORN, sex: '5' }, nb('2024-03-05')).errors)).toEqual([
      'form.sex:invalid_value',
    ]);
  });
});

describe('the infant checks', () => {
  it('满月 on the medians: normal, 3-month check next', () => {
    const r = check(T.infant, { ...INFANT_1, weightGrade: '中', lengthGrade: '中' }, ctx('2024-02-13'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.values).toMatchObject({ weightKg: 4.5, classification: 'normal', nextVisitDate: '2024-04-15' });
  });
  it('a grade that disagrees with the computed one is a warning', () => {
    const r = check(T.infant, { ...INFANT_1, weightGrade: '下' }, ctx('2024-02-13'));
    expect(codes(r.warnings)).toEqual(['form.weightGrade:growth_grade_mismatch']);
    expectWords(r.warnings);
  });
  it('below −2 SD: underweight, graded 下', () => {
    const weightKg = Math.round((wfaAt(29).sdNeg2 - 0.1) * 100) / 100;
    const r = check(T.infant, { ...INFANT_1, weightKg, weightGrade: '下' }, ctx('2024-02-13'));
    expect(codes(r.warnings)).toContain('form:underweight');
    expect(codes(r.warnings)).not.toContain('form.weightGrade:growth_grade_mismatch');
    expect(r.values.classification).toContain('underweight');
    expect(childResultWords(r.values.classification!, 'zh')).toContain('低体重');
  });
  it('on the −2 SD line the grade is 中', () => {
    const r = check(
      T.infant,
      { ...INFANT_1, weightKg: wfaAt(29).sdNeg2, weightGrade: '下' },
      ctx('2024-02-13'),
    );
    expect(codes(r.warnings)).toContain('form.weightGrade:growth_grade_mismatch');
    expect(codes(r.warnings)).not.toContain('form:underweight');
  });
  it('an impossible weight is refused', () => {
    const r = check(T.infant, { ...INFANT_1, weightKg: 1 }, ctx('2024-02-13'));
    expect(codes(r.errors)).toContain('form.weightKg:measurement_implausible');
  });
  it.each([
    ['the day before the window', '2024-02-11', ['serviceDate:check_early']],
    ['the first day', '2024-02-12', []],
    ['the last day', '2024-02-14', []],
    ['the day after', '2024-02-15', ['serviceDate:check_late']],
  ])('满月 check on %s', (_, on, expected) => {
    expect(
      codes(check(T.infant, INFANT_1, ctx(on)).warnings).filter((c) => c.startsWith('serviceDate')),
    ).toEqual(expected);
  });
  it('6 months with a warning sign and a failed hearing screen asks for a referral', () => {
    const r = check(
      T.infant,
      { ...INFANT_6, development: { signs: ['2'] }, hearing: '2' },
      ctx('2024-07-20'),
    );
    expect(codes(r.warnings)).toEqual([
      'form:hearing_failed',
      'form:development_warning',
      'form.referral:referral_expected',
    ]);
  });
  it('8 months without haemoglobin reminds of the 6–8 month test', () => {
    const eight = {
      ...INFANT_6,
      monthAge: 8,
      hearing: undefined,
      hemoglobin: undefined,
      weightKg: 8.6,
      lengthCm: 70.6,
      headCm: 44.5,
    };
    const r = check(T.infant, eight, ctx('2024-09-20'));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['form.hemoglobin:hemoglobin_6_8_months']);
    expect(r.values.nextVisitDate).toBe('2025-01-15');
  });
});

describe('the toddler and preschool checks', () => {
  it('18 months normal; anaemia below 110 g/L', () => {
    expect(check(T.toddler, TODDLER_18, ctx('2025-07-20')).warnings).toEqual([]);
    const r = check(T.toddler, { ...TODDLER_18, hemoglobin: 105 }, ctx('2025-07-20'));
    expect(codes(r.warnings)).toEqual(['form:anaemia']);
    expect(r.values.classification).toBe('anaemia');
  });
  it('caries ask for a referral', () => {
    const r = check(T.toddler, { ...TODDLER_18, teeth: { erupted: 12, caries: 2 } }, ctx('2025-07-20'));
    expect(codes(r.warnings)).toEqual(['form:caries', 'form.referral:referral_expected']);
  });
  it('4 years normal; low vision asks for a referral', () => {
    expect(check(T.preschool, PRESCHOOL_48, ctx('2028-02-01')).warnings).toEqual([]);
    const r = check(T.preschool, { ...PRESCHOOL_48, vision: { left: 4.7, right: 5 } }, ctx('2028-02-01'));
    expect(codes(r.warnings)).toEqual(['form:vision_low', 'form.referral:referral_expected']);
  });
  it('a thin child assessed 正常 is questioned', () => {
    const r = check(T.preschool, { ...PRESCHOOL_48, weightKg: 12.5, weightGrade: '中' }, ctx('2028-02-01'));
    expect(codes(r.warnings)).toEqual(
      expect.arrayContaining([
        'form.weightGrade:growth_grade_mismatch',
        'form:underweight',
        'form.physicalAssessment:physical_assessment_mismatch',
      ]),
    );
    expectWords(r.warnings);
  });
  it('at 5 years the 体重/身高 grade is by BMI-for-age', () => {
    const five = { ...PRESCHOOL_48, monthAge: 60, weightKg: 18.5, heightCm: 110, weightForHeightGrade: '上' };
    const r = check(T.preschool, five, ctx('2029-03-15'));
    expect(codes(r.warnings)).toEqual(['form.weightForHeightGrade:growth_grade_mismatch']);
  });
  it('the 6-year check has no next check', () => {
    const six = { ...PRESCHOOL_48, monthAge: 72, weightKg: 20.5, heightCm: 116 };
    expect(check(T.preschool, six, ctx('2030-02-01')).values.nextVisitDate).toBeNull();
  });
  it('from the 7th birthday a check is refused', () => {
    const six = { ...PRESCHOOL_48, monthAge: 72, weightKg: 22, heightCm: 120 };
    expect(codes(check(T.preschool, six, ctx('2031-01-15')).errors)).toEqual(['serviceDate:child_over_6']);
  });
});

describe('TCM guidance', () => {
  it('at 6 months: the 12-month guidance next', () => {
    const r = check(T.tcm, TCM_6, ctx('2024-07-20'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.values).toMatchObject({ classification: 'guided', nextVisitDate: '2025-01-15' });
    expect(childResultWords('guided', 'en')).toBe('Guidance given');
  });
  it('at 36 months nothing next; outside the window a warning', () => {
    const r = check(T.tcm, { ...TCM_6, monthAge: 36 }, ctx('2026-12-01'));
    expect(codes(r.warnings)).toEqual(['serviceDate:check_early']);
    expect(check(T.tcm, { ...TCM_6, monthAge: 36 }, ctx('2027-02-01')).values.nextVisitDate).toBeNull();
  });
});
