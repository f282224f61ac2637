import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../../messages.ts';
import { PROGRAM_MESSAGES } from '../program-messages.ts';
import type { FieldIssue, ServiceContext } from '../program.ts';
import { createRegistry } from '../registry.ts';
import { MATERNAL_MESSAGES, maternalMessage } from './maternal.messages.ts';
import { MATERNAL_TYPES, maternalProgram, maternalResultWords } from './maternal.program.ts';
import { CHECK42, FIRST, FOLLOW, OUTCOME, POSTPARTUM } from './maternal.fixtures.ts';

const registry = createRegistry([maternalProgram]);
const T = MATERNAL_TYPES;
const ctx = (serviceDate: string, over: Partial<ServiceContext> = {}): ServiceContext => ({
  birthDate: '1995-05-01',
  sex: '2',
  serviceDate,
  previousClassification: null,
  ...over,
});
const codes = (issues: FieldIssue[]) => issues.map((i) => `${i.field}:${i.code}`);
const check = (type: string, form: unknown, c: ServiceContext) => registry.checkForm(type, form, c);

/** Every code a check gave has words somewhere (maternal, program or field messages). */
const allWords: Record<string, unknown> = { ...FIELD_MESSAGES, ...PROGRAM_MESSAGES, ...MATERNAL_MESSAGES };
const expectWords = (issues: FieldIssue[]) => {
  for (const i of issues) expect(allWords[i.code], i.code).toBeDefined();
};

describe('the program definition', () => {
  it('has the five service types in the maternal register', () => {
    expect(registry.serviceTypes).toEqual(Object.values(T));
    for (const t of Object.values(T)) expect(registry.serviceType(t)?.register).toBe('maternal');
    expect(registry.register('maternal')).toMatchObject({ entry: { by: 'doctor' }, tag: 'pregnant' });
    expect(registry.doctorRegisters.map((r) => r.program)).toEqual(['maternal']);
  });

  it.each([
    ['a woman in the register', { sex: '2', registers: ['maternal'] }, Object.values(T)],
    ['a woman not in it', { sex: '2', registers: [] }, []],
    ['a man in it (bad data)', { sex: '1', registers: ['maternal'] }, []],
  ])('offers the types to %s', (_n, r, want) =>
    expect(registry.applicableTypes({ birthDate: '1995-05-01', ...r }, '2025-03-12')).toEqual(want),
  );

  it.each([
    ['normal', 'zh', '未见异常'],
    ['not_recovered', 'en', 'Not recovered'],
    ['live_birth', 'zh', '活产'],
    ['ectopic', 'en', 'Ectopic pregnancy'],
    ['nonsense', 'zh', ''],
  ] as const)('result words of %s (%s)', (c, lang, want) => expect(maternalResultWords(c, lang)).toBe(want));

  it('has Chinese and English words for every maternal code', () => {
    for (const [code, [zh, en]] of Object.entries(MATERNAL_MESSAGES)) {
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en, code).toMatch(/^[A-Z0-9]/);
    }
    expect(maternalMessage('bp_140_90', 'zh')).toBe('血压≥140/90mmHg');
    expect(maternalMessage('no_such', 'en')).toBe('no_such');
  });
});

describe('first prenatal check', () => {
  it('a normal early check: no issues, next visit at 16+0', () => {
    const r = check(T.firstPrenatal, FIRST, ctx('2025-03-12'));
    expect([...r.errors, ...r.warnings]).toEqual([]);
    expect(r.values).toMatchObject({
      classification: 'normal',
      nextVisitDate: '2025-04-23',
      sbp: 112,
      nextAction: 'routine',
    });
  });

  it.each([
    ['on 12+6', '2025-04-01', { gestationalAge: { weeks: 12, days: 6 } }, []],
    [
      'on 13+0',
      '2025-04-02',
      { gestationalAge: { weeks: 13, days: 0 } },
      ['form.gestationalAge:first_visit_late'],
    ],
    [
      '13+0 by LMP, 12+0 by ultrasound',
      '2025-04-02',
      {
        gestationalAge: { weeks: 12, days: 0 },
        dueDate: '2025-10-15',
        ultrasoundDating: { date: '2025-03-12', weeks: 9, days: 0 },
      },
      [],
    ],
    [
      'entered age 4 days off',
      '2025-03-12',
      { gestationalAge: { weeks: 10, days: 4 } },
      ['form.gestationalAge:gestational_age_mismatch'],
    ],
    ['entered age 3 days off', '2025-03-12', { gestationalAge: { weeks: 10, days: 3 } }, []],
    [
      'LMP + 280 as due date',
      '2025-03-12',
      { lmp: '2024-12-28', gestationalAge: { weeks: 10, days: 4 }, dueDate: '2025-10-04' },
      [],
    ],
    ['a wrong due date', '2025-03-12', { dueDate: '2025-10-20' }, ['form.dueDate:due_date_mismatch']],
    ['age 35', '2025-03-12', { age: 29 }, []],
    ['a wrong age', '2025-03-12', { age: 30 }, ['form.age:age_mismatch']],
  ])('%s', (_n, date, over, want) => {
    const r = check(T.firstPrenatal, { ...FIRST, ...over }, ctx(date));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(want);
  });

  it.each([
    ['LMP after the visit', { lmp: '2025-03-13' }, ['form.lmp:date_after_service']],
    ['LMP 46 weeks ago', { lmp: '2024-04-24' }, ['form.lmp:gestational_age_implausible']],
    [
      'nothing to date by',
      { lmp: 'unknown', gestationalAge: undefined },
      ['form.gestationalAge:gestational_age_unknown'],
    ],
    ['SBP not above DBP', { bp: { sbp: 80, dbp: 80 } }, ['form.bp.sbp:sbp_not_above_dbp']],
    ['BMI off', { bmi: 23 }, ['form.bmi:bmi_mismatch']],
    [
      'next visit on the visit day',
      { nextVisitDate: '2025-03-12' },
      ['form.nextVisitDate:next_visit_not_after_visit'],
    ],
  ])('error: %s', (_n, over, want) => {
    const r = check(T.firstPrenatal, { ...FIRST, ...over }, ctx('2025-03-12'));
    expect(codes(r.errors)).toEqual(want);
    expectWords(r.errors);
  });

  it('LMP unknown with an entered gestational age is kept', () => {
    const r = check(T.firstPrenatal, { ...FIRST, lmp: 'unknown', dueDate: undefined }, ctx('2025-03-12'));
    expect(r.errors).toEqual([]);
    expect(r.values.nextVisitDate).toBe('2025-04-23');
  });

  it('high-risk findings: warnings, a normal class questioned, referral expected', () => {
    const r = check(
      T.firstPrenatal,
      {
        ...FIRST,
        bp: { sbp: 142, dbp: 88 },
        parity: { vaginal: 0, caesarean: 1 },
        labs: { bloodRoutine: { hemoglobin: 68 } },
      },
      ctx('2025-03-12', { birthDate: '1990-01-01' }),
    );
    expect(codes(r.warnings)).toEqual([
      'form:age_35_or_over',
      'form:bp_140_90',
      'form:anaemia',
      'form:severe_anaemia',
      'form:scarred_uterus',
      'form.overallAssessment:classification_normal_with_findings',
      'form.referral:referral_expected',
    ]);
    expectWords(r.warnings);
  });

  it('a risk factor alone (age 35) does not question 未见异常 nor ask for referral', () => {
    const r = check(T.firstPrenatal, FIRST, ctx('2025-03-12', { birthDate: '1990-01-01' }));
    expect(codes(r.warnings)).toEqual(['form:age_35_or_over']);
  });

  it('a referral written: no referral warning, next action refer', () => {
    const r = check(
      T.firstPrenatal,
      {
        ...FIRST,
        bp: { sbp: 150, dbp: 95 },
        overallAssessment: { code: '2', other: '血压高' },
        referral: { code: '2', reason: '血压高', institution: '县医院产科' },
      },
      ctx('2025-03-12'),
    );
    expect(codes(r.warnings)).toEqual(['form:bp_140_90']);
    expect(r.values).toMatchObject({ classification: 'abnormal', nextAction: 'refer' });
  });

  it.each([
    ['a man', { sex: '1' }, ['form:maternal_not_female'], []],
    ['sex not stated', { sex: '9' }, ['form:maternal_not_female'], []],
    ['a girl of 14', { birthDate: '2010-03-13' }, [], ['serviceDate:maternal_age_unusual']],
    ['a girl of 15', { birthDate: '2010-03-12' }, [], []],
    ['a woman of 51', { birthDate: '1974-03-12' }, [], ['serviceDate:maternal_age_unusual']],
  ])('eligibility: %s', (_n, over, errors, warnings) => {
    const r = check(T.firstPrenatal, FIRST, ctx('2025-03-12', over));
    expect(codes(r.errors)).toEqual(errors);
    expect(codes(r.warnings).filter((w) => w.startsWith('serviceDate:'))).toEqual(warnings);
  });
});

describe('prenatal follow-ups (2nd to 5th)', () => {
  it.each([
    ['2nd at 15+6', 2, 15, 6, ['form.gestationalAge:visit_outside_window']],
    ['2nd at 16+0', 2, 16, 0, []],
    ['2nd at 20+6', 2, 20, 6, []],
    ['2nd at 21+0', 2, 21, 0, ['form.gestationalAge:visit_outside_window']],
    ['3rd at 21+0', 3, 21, 0, []],
    ['3rd at 24+6', 3, 24, 6, []],
    ['4th at 27+6', 4, 27, 6, ['form.gestationalAge:visit_outside_window']],
    ['4th at 28+0', 4, 28, 0, []],
    ['4th at 36+6', 4, 36, 6, []],
    ['5th at 36+6', 5, 36, 6, ['form.gestationalAge:visit_outside_window']],
    ['5th at 37+0', 5, 37, 0, []],
    ['5th at 40+6', 5, 40, 6, []],
    ['5th at 41+0', 5, 41, 0, ['form.gestationalAge:visit_outside_window']],
  ])('%s', (_n, visitNumber, weeks, days, want) => {
    const r = check(
      T.prenatalFollowUp,
      { ...FOLLOW, visitNumber, gestationalAge: { weeks, days }, guidance: { codes: ['1'] } },
      ctx('2025-06-01'),
    );
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(want);
  });

  it('the next visit date is the start of the next window', () => {
    const r = check(T.prenatalFollowUp, FOLLOW, ctx('2025-05-10'));
    // 18+2 on 2025-05-10: the 3rd visit opens at 21+0, 19 days later.
    expect(r.values).toMatchObject({ classification: 'normal', nextVisitDate: '2025-05-29', sbp: 110 });
  });

  it.each([
    ['FHR 109', { fetalHeartRate: 109 }, ['form:fetal_heart_rate_abnormal']],
    ['FHR 110', { fetalHeartRate: 110 }, []],
    ['Hb 109', { hemoglobin: 109 }, ['form:anaemia']],
    ['protein +', { urineProtein: '+' }, ['form:proteinuria']],
  ])('finding %s', (_n, over, want) => {
    const r = check(
      T.prenatalFollowUp,
      { ...FOLLOW, ...over, classification: { code: '2', other: '异常' } },
      ctx('2025-05-10'),
    );
    expect(codes(r.warnings).filter((w) => w.startsWith('form:'))).toEqual(want);
  });

  it('urged: kept with the result urged, next visit from the age', () => {
    const r = check(
      T.prenatalFollowUp,
      { kind: 'urged', visitNumber: 2, gestationalAge: { weeks: 16, days: 0 }, doctor: '王医生' },
      ctx('2025-04-23'),
    );
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ classification: 'urged', nextVisitDate: '2025-05-28' });
  });

  it('lost with a death after the record date is refused', () => {
    const r = check(
      T.prenatalFollowUp,
      {
        kind: 'lost',
        visitNumber: 3,
        reason: '死亡',
        death: { date: '2025-06-02', cause: '车祸' },
        doctor: '王医生',
      },
      ctx('2025-06-01'),
    );
    expect(codes(r.errors)).toEqual(['form.death.date:date_after_service']);
    expect(r.values).toMatchObject({ classification: 'lost', nextAction: 'lost', nextVisitDate: null });
  });
});

describe('postpartum visit', () => {
  it.each([
    ['day 0 (discharge day)', '2025-10-04', [], []],
    ['day 7', '2025-10-11', [], []],
    ['day 8', '2025-10-12', [], ['serviceDate:postpartum_visit_late']],
    ['before discharge', '2025-10-03', ['form.dischargeDate:date_after_service'], []],
  ])('%s', (_n, date, errors, warnings) => {
    const r = check(T.postpartumVisit, POSTPARTUM, ctx(date));
    expect(codes(r.errors)).toEqual(errors);
    expect(codes(r.warnings)).toEqual(warnings);
    expectWords([...r.errors, ...r.warnings]);
  });

  it('the next visit is the 42-day check', () =>
    expect(check(T.postpartumVisit, POSTPARTUM, ctx('2025-10-08')).values).toMatchObject({
      classification: 'normal',
      nextVisitDate: '2025-11-12',
    }));

  it.each([
    ['37.9 °C', 37.9, []],
    [
      '38.0 °C',
      38,
      [
        'form:puerperal_fever',
        'form.classification:classification_normal_with_findings',
        'form.referral:referral_expected',
      ],
    ],
  ])('temperature %s', (_n, temperature, want) =>
    expect(
      codes(check(T.postpartumVisit, { ...POSTPARTUM, temperature }, ctx('2025-10-08')).warnings),
    ).toEqual(want),
  );
});

describe('42-day check', () => {
  it.each([
    ['day 41', '2025-11-11', ['serviceDate:check42_early']],
    ['day 42', '2025-11-12', []],
    ['day 56', '2025-11-26', []],
    ['day 57', '2025-11-27', ['serviceDate:check42_late']],
  ])('%s', (_n, date, want) => {
    const r = check(T.postpartum42, CHECK42, ctx(date));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(want);
    expect(r.values).toMatchObject({ classification: 'recovered', nextAction: 'close', nextVisitDate: null });
  });

  it('not recovered but closed: warned', () => {
    const r = check(
      T.postpartum42,
      { ...CHECK42, classification: { code: '2', other: '血压未恢复' } },
      ctx('2025-11-12'),
    );
    expect(codes(r.warnings)).toEqual(['form.handling:close_not_recovered']);
    expect(r.values.classification).toBe('not_recovered');
  });

  it('a delivery date after the check is refused', () => {
    const r = check(
      T.postpartum42,
      { ...CHECK42, deliveryDate: '2025-11-13', dischargeDate: '2025-11-14' },
      ctx('2025-11-12'),
    );
    expect(codes(r.errors)).toEqual([
      'form.deliveryDate:date_after_service',
      'form.dischargeDate:date_after_service',
    ]);
  });
});

describe('pregnancy outcome', () => {
  it('a live birth with the newborn linked', () => {
    const r = check(T.outcome, OUTCOME, ctx('2025-10-05'));
    expect([...r.errors, ...r.warnings]).toEqual([]);
    expect(r.values.classification).toBe('live_birth');
  });
  it.each([
    ['after the record date', { date: '2025-10-06' }, ['form.date:date_after_service']],
    [
      'live birth, baby not alive',
      { babies: [{ sex: '1', bornAlive: false }] },
      ['form.outcome:outcome_live_birth_without_live_baby'],
    ],
    ['miscarriage with a baby', { outcome: { code: '4' } }, ['form.outcome:outcome_babies_without_birth']],
  ])('%s', (_n, over, want) => {
    const r = check(T.outcome, { ...OUTCOME, ...over }, ctx('2025-10-05'));
    expect(codes(r.errors)).toEqual(want);
    expectWords(r.errors);
  });
});
