import { describe, expect, it } from 'vitest';
import { addDays } from '../date-math.ts';
import { programRegistry } from '../registry.ts';

const ctx = { birthDate: '1955-05-05', sex: '1', serviceDate: '2026-06-10', previousClassification: null };

const base = {
  symptoms: { codes: ['1'] },
  sbp: 132,
  dbp: 82,
  lifestyle: {},
  medicationAdherence: '1',
  adverseReaction: { has: false },
  classification: '1',
};
const dm = { ...base, fastingGlucose: 6.2 };

/** The follow-up type of the register whose schema takes the sample (with or without fasting glucose). */
function typeFor(form: object): string {
  return programRegistry.doctorRegisters
    .map((r) => r.followUpType!)
    .find((t) => programRegistry.serviceType(t)!.schema.safeParse(form).success)!;
}
const BP_TYPE = typeFor(base);
const GLUCOSE_TYPE = typeFor(dm);
const check = (form: object) =>
  programRegistry.checkForm('fastingGlucose' in form ? GLUCOSE_TYPE : BP_TYPE, form, ctx);
const codes = (form: object) => check(form).errors.map((e) => `${e.field}:${e.code}`);

describe('the next visit date a doctor sets', () => {
  it.each([
    ['controlled, 3 months later', { nextVisitDate: '2026-09-10' }, []],
    [
      'controlled, the day itself',
      { nextVisitDate: '2026-06-10' },
      ['form.nextVisitDate:next_visit_not_after_visit'],
    ],
    [
      'controlled, before the visit',
      { nextVisitDate: '2026-06-01' },
      ['form.nextVisitDate:next_visit_not_after_visit'],
    ],
    [
      'uncontrolled, within 2 weeks',
      { sbp: 150, dbp: 95, classification: '2', nextVisitDate: addDays('2026-06-10', 14) },
      [],
    ],
    [
      'uncontrolled, 15 days without a reason',
      { sbp: 150, dbp: 95, classification: '2', nextVisitDate: addDays('2026-06-10', 15) },
      ['form.nextVisitReason:next_visit_late_reason'],
    ],
    [
      'uncontrolled, 30 days with a reason',
      {
        sbp: 150,
        dbp: 95,
        classification: '2',
        nextVisitDate: '2026-07-10',
        nextVisitReason: '患者外出务工',
      },
      [],
    ],
    [
      'adverse reaction, a month later without a reason',
      {
        adverseReaction: { has: true, description: '干咳' },
        classification: '3',
        nextVisitDate: '2026-07-10',
      },
      ['form.nextVisitReason:next_visit_late_reason'],
    ],
  ])('%s', (_name, over, expected) => {
    expect(codes({ ...base, ...over })).toEqual(expected);
  });
});

describe('symptoms, temperature and adverse reactions', () => {
  it.each([
    [{ symptoms: { codes: ['99'] } }, ['form.symptoms.codes.0:invalid_value']],
    [{ symptoms: { codes: ['10'] } }, ['form.symptoms.other:other_text_required']],
    [{ symptoms: { codes: ['10'], other: '耳鸣' } }, []],
    [{ symptoms: { codes: ['1', '2'] } }, ['form.symptoms.codes:choice_exclusive']],
  ])('symptoms %j → %j', (over, expected) => {
    expect(codes({ ...base, ...over })).toEqual(expected);
  });

  it.each([
    [39.0, 'routine'],
    [39.1, 'emergency_referral'],
  ])('a diabetic with %s °C: %s', (temperature, action) => {
    const r = check({ ...dm, temperature });
    expect(r.errors).toEqual([]);
    expect(r.values.nextAction).toBe(action);
  });

  it.each([
    [{ has: true, description: '踝部水肿' }, 'recheck_2w'],
    [{ has: true, description: '踝部水肿', uncontrollable: true }, 'referral_2w'],
    [{ has: false, uncontrollable: true }, 'routine'],
  ])('adverse reaction %j → %s', (adverseReaction, action) => {
    const r = check({ ...base, adverseReaction, classification: adverseReaction.has ? '3' : '1' });
    expect(r.values.nextAction).toBe(action);
  });
});

describe('phone follow-ups and visits that did not take place', () => {
  const on = (delivery: 'clinic' | 'home' | 'phone', form: object) =>
    programRegistry
      .checkForm('fastingGlucose' in form ? GLUCOSE_TYPE : BP_TYPE, form, { ...ctx, delivery })
      .errors.map((e) => `${e.field}:${e.code}`);
  const { sbp: _s, dbp: _d, ...noBp } = base;
  const { fastingGlucose: _g, ...dmNoGlucose } = dm;
  const closed = { lifestyle: {}, adverseReaction: { has: false } };

  it.each([
    [
      'clinic without readings',
      'clinic',
      noBp,
      ['form.sbp:required', 'form.dbp:required', 'form.classification:classification_values_missing'],
    ],
    [
      'home without readings',
      'home',
      noBp,
      ['form.sbp:required', 'form.dbp:required', 'form.classification:classification_values_missing'],
    ],
    ['phone without readings, classification by what the patient says', 'phone', noBp, []],
    ['phone with one reading only', 'phone', { ...noBp, sbp: 130 }, ['form.dbp:required']],
    ['phone, readings reported', 'phone', { ...base, valuesSource: 'reported' }, []],
    [
      'phone, readings said to be measured',
      'phone',
      { ...base, valuesSource: 'measured' },
      ['form.valuesSource:phone_values_not_measured'],
    ],
    ['no classification', 'clinic', { ...base, classification: undefined }, ['form.classification:required']],
    ['no symptoms', 'clinic', { ...base, symptoms: { codes: [] } }, ['form.symptoms.codes:choice_required']],
    [
      'no medication adherence',
      'clinic',
      { ...base, medicationAdherence: undefined },
      ['form.medicationAdherence:required'],
    ],
    [
      'lost, with the reason',
      'phone',
      { ...closed, outcome: 'lost', lostReason: '电话停机，家人称已外出' },
      [],
    ],
    ['lost, without a reason', 'home', { ...closed, outcome: 'lost' }, ['form.lostReason:required']],
    [
      'lost, with readings and a result',
      'home',
      { ...closed, outcome: 'lost', lostReason: '拒绝随访', sbp: 130, classification: '1' },
      ['form.sbp:not_visited_values', 'form.classification:not_visited_values'],
    ],
    [
      'died, date and cause',
      'home',
      { ...closed, outcome: 'died', death: { date: '2026-05-20', cause: '脑出血' } },
      [],
    ],
    ['died, nothing said', 'home', { ...closed, outcome: 'died' }, ['form.death:required']],
    [
      'died after the visit date',
      'home',
      { ...closed, outcome: 'died', death: { date: '2026-06-11', cause: '脑出血' } },
      ['form.death.date:date_after_service'],
    ],
  ] as const)('%s', (_name, delivery, form, expected) => {
    expect(on(delivery, form)).toEqual(expected);
  });

  it('a diabetes visit at a clinic needs the fasting glucose; by phone it may lack it', () => {
    const diabetes = programRegistry.register(
      programRegistry.programOfType(GLUCOSE_TYPE)!.register!.program,
    )!.followUpType!;
    const form = { ...dmNoGlucose };
    const at = (delivery: 'clinic' | 'phone') =>
      programRegistry.checkForm(diabetes, form, { ...ctx, delivery }).errors.map((e) => e.code);
    expect(at('clinic')).toContain('required');
    expect(at('phone')).toEqual([]);
  });

  it('a closed visit keeps no result, so it is no visit; a death ends the register entry', () => {
    const died = { ...closed, outcome: 'died', death: { date: '2026-05-20', cause: '脑出血' } };
    const r = programRegistry.checkForm(BP_TYPE, died, { ...ctx, delivery: 'home' });
    expect(r.values).toMatchObject({
      classification: null,
      nextVisitDate: null,
      nextAction: 'died',
      tookPlace: false,
    });
    expect(r.warnings).toContainEqual({ field: 'form.death', code: 'death_archive_record' });
    const def = programRegistry.serviceType(BP_TYPE)!;
    expect(def.registerExit!(r.form!, ctx.serviceDate)).toEqual({ status: 'deceased', date: '2026-05-20' });
    const lost = programRegistry.checkForm(
      BP_TYPE,
      { ...closed, outcome: 'lost', lostReason: '拒绝随访' },
      { ...ctx, delivery: 'home' },
    );
    expect(lost.values.nextAction).toBe('lost');
    expect(def.registerExit!(lost.form!, ctx.serviceDate)).toBeNull();
    expect(def.registerExit!(check(base).form!, ctx.serviceDate)).toBeNull();
  });
});
