/**
 * The chronic follow-up model: the payload, the carry-over, and the live assessment — the registry's own
 * check and evaluation of the type (as the server runs them) on the form as typed.
 */
import { describe, expect, it } from 'vitest';
import { diabetesFollowUp } from '../diabetes/index.tsx';
import { hypertensionFollowUp } from '../hypertension/index.tsx';
import {
  assess,
  carryOver,
  carryOverAll,
  fieldPathOf,
  partValues,
  toFormPayload,
  type FollowUpValues,
} from './followUpModel.ts';

const HT = 'hypertension_followup';
const DM = 'diabetes_followup';
const born = (birthDate: string) => ({ birthDate, sex: '1' });
/** The issues the server would refuse, for a visit on 2026-05-10 of a resident born on `birthDate`. */
const issuesOf = (type: string, form: Record<string, unknown>, birthDate = '1960-03-01') =>
  assess(type, { serviceDate: '2026-05-10', delivery: 'clinic', form }, born(birthDate), null).issues;

const base = (form: Record<string, unknown>): FollowUpValues => ({
  serviceDate: '2026-05-10',
  delivery: 'clinic',
  form: {
    symptoms: { codes: ['1'] },
    adverseReaction: { has: false },
    medicationAdherence: '1',
    lifestyle: {},
    ...form,
  },
});

describe('follow-up model', () => {
  it('a controlled visit: routine, next visit in 3 months, no issues', () => {
    const v = base({ sbp: 128, dbp: 80, classification: '1', notes: '' });
    const payload = toFormPayload(v);
    expect(payload.notes).toBeUndefined();
    expect(issuesOf(HT, payload)).toEqual([]);
    const a = assess(HT, v, born('1950-01-01'), 'controlled');
    expect(a.controlled).toBe(true);
    expect(a.expected).toBe('controlled');
    expect(a.plan?.dueDate).toBe('2026-08-10');
    expect(a.plan?.action).toBe('routine');
  });

  it('uncontrolled the first time: recheck in 2 weeks; 无 is exclusive', () => {
    const v = base({ sbp: 152, dbp: 96, classification: '2', symptoms: { codes: ['1', '2'] } });
    const a = assess(HT, v, born('1950-01-01'), 'controlled');
    expect(a.controlled).toBe(false);
    expect(a.plan?.dueDate).toBe('2026-05-24');
    expect(issuesOf(HT, toFormPayload(v))).toContainEqual({
      path: 'form.symptoms.codes',
      code: 'choice_exclusive',
    });
  });

  it('diabetes: control by fasting glucose; carries medication and targets over', () => {
    const a = assess(DM, base({ sbp: 150, dbp: 95, fastingGlucose: 6.2 }), born('1960-01-01'), null);
    expect(a.controlled).toBe(true);
    const c = carryOver({
      medications: [{ name: 'x', timesPerDay: 1, dose: '1' }],
      lifestyle: { alcoholTarget: 0 },
    });
    expect(c.medications).toHaveLength(1);
    expect(c.lifestyle).toEqual({ alcoholTarget: 0 });
  });

  it('carries over only the medication, the height and the targets, not what is judged at each visit', () => {
    const c = carryOver({
      sbp: 150,
      dbp: 95,
      heightCm: 168,
      weightKg: 70,
      targetWeightKg: 65,
      saltTarget: '1',
      medicationAdherence: '2',
      insulin: { kind: '门冬胰岛素', usage: '' },
      medications: [{ name: 'x', timesPerDay: 1, dose: '1' }],
      symptoms: { codes: ['2'] },
      lifestyle: { cigarettesPerDay: 10, cigarettesTarget: 5, psychology: '2', compliance: '3' },
    });
    expect(c).toEqual({
      heightCm: 168,
      targetWeightKg: 65,
      saltTarget: '1',
      insulin: { kind: '门冬胰岛素', usage: '' },
      medications: [{ name: 'x', timesPerDay: 1, dose: '1' }],
      lifestyle: { cigarettesTarget: 5 },
    });
  });

  it("offers the program's own emergency flags", () => {
    expect(hypertensionFollowUp.emergencyFlags).toContain('severe_headache_or_dizziness');
    expect(hypertensionFollowUp.emergencyFlags).not.toContain('ketosis_signs');
    expect(diabetesFollowUp.emergencyFlags).toEqual([
      'ketosis_signs',
      'sudden_vision_loss',
      'pregnancy_lactation_hyperglycaemia',
      'other_unmanageable',
    ]);
  });

  it('ticked emergency flags reach the saved form and fire the emergency referral', () => {
    const v = base({ sbp: 150, dbp: 92, classification: '2', emergencyFlags: ['chest_tightness'] });
    const payload = toFormPayload(v);
    expect(payload.emergencyFlags).toEqual(['chest_tightness']);
    expect(issuesOf(HT, payload)).toEqual([]);
    const a = assess(HT, { ...v, form: payload }, born('1970-01-01'), null);
    expect(a.emergency).toEqual(['chest_tightness']);
    expect(a.plan?.action).toBe('emergency_referral');
    expect(a.plan?.referral).toBe(true);
    expect(a.plan?.dueDate).toBe('2026-05-24');
  });

  it('no flag ticked: an empty list is saved and nothing fires below the thresholds', () => {
    const v = base({ sbp: 128, dbp: 80, classification: '1' });
    const payload = toFormPayload(v);
    expect(payload.emergencyFlags).toEqual([]);
    expect(assess(HT, { ...v, form: payload }, born('1970-01-01'), null).emergency).toEqual([]);
  });

  it('values alone fire it too (diabetes: glucose ≤ 3.9, heart rate > 100), flags after values', () => {
    const v = base({
      sbp: 130,
      dbp: 80,
      fastingGlucose: 3.5,
      heartRate: 110,
      classification: '2',
      emergencyFlags: ['ketosis_signs', 'chest_tightness'],
    });
    const a = assess(DM, { ...v, form: toFormPayload(v) }, born('1960-01-01'), null);
    // chest_tightness is a hypertension flag: ignored for diabetes.
    expect(a.emergency).toEqual(['glucose_le_3_9', 'heart_rate_gt_100', 'ketosis_signs']);
    expect(a.plan?.action).toBe('emergency_referral');
  });

  it("HbA1c needs its test date: not after the visit, not before the birth date (the server's rules)", () => {
    // The visit is on 2026-05-10; the resident was born on 1960-03-01.
    const d = (form: Record<string, unknown>) =>
      toFormPayload(base({ sbp: 130, dbp: 80, fastingGlucose: 6.1, classification: '1', ...form }));
    expect(issuesOf(DM, d({ hba1c: 6.8 }))).toEqual([{ path: 'form.hba1cDate', code: 'required' }]);
    expect(issuesOf(DM, d({ hba1c: 6.8, hba1cDate: '2026-05-02' }))).toEqual([]);
    expect(issuesOf(DM, d({ hba1c: 6.8, hba1cDate: '2026-05-10' }))).toEqual([]);
    expect(issuesOf(DM, d({ hba1c: 6.8, hba1cDate: '2026-05-11' }))).toEqual([
      { path: 'form.hba1cDate', code: 'date_after_service' },
    ]);
    expect(issuesOf(DM, d({ hba1c: 6.8, hba1cDate: '1960-02-29' }))).toEqual([
      { path: 'form.hba1cDate', code: 'record_before_birth' },
    ]);
    expect(issuesOf(DM, d({ hba1c: 6.8, hba1cDate: '2026-02-30' }))).toContainEqual({
      path: 'form.hba1cDate',
      code: 'date_invalid',
    });
    expect(issuesOf(DM, d({ hba1c: 26, hba1cDate: '2026-05-02' }))).toContainEqual({
      path: 'form.hba1c',
      code: 'too_big',
    });
    expect(issuesOf(DM, d({ hba1c: null, hba1cDate: '' }))).toEqual([]);
  });

  it('insulin: an empty row is dropped, a kind alone saves with empty usage, usage alone needs the kind', () => {
    const d = (insulin: Record<string, unknown>) =>
      toFormPayload(base({ sbp: 130, dbp: 80, fastingGlucose: 6.1, classification: '1', insulin }));
    expect(d({ kind: '', usage: '' })).not.toHaveProperty('insulin');
    expect(d({ kind: '门冬胰岛素30', usage: '' }).insulin).toEqual({ kind: '门冬胰岛素30', usage: '' });
    expect(issuesOf(DM, d({ kind: '门冬胰岛素30' }))).toEqual([]);
    const both = d({ kind: '甘精胰岛素', usage: '睡前皮下注射 12U' });
    expect(both.insulin).toEqual({ kind: '甘精胰岛素', usage: '睡前皮下注射 12U' });
    expect(issuesOf(DM, both)).toEqual([]);
    expect(issuesOf(DM, d({ usage: '12U' }))).toContainEqual({
      path: 'form.insulin.kind',
      code: 'required',
    });
  });

  it('shows the rules the server refuses with, live: a classification the values contradict', () => {
    const v = base({ sbp: 162, dbp: 98, classification: '1' });
    expect(assess(HT, v, born('1970-01-01'), null).issues).toContainEqual({
      path: 'form.classification',
      code: 'classification_contradicts_values',
    });
  });

  it('carries medication, insulin and targets over, never emergency flags, HbA1c or hypoglycaemia', () => {
    const last = {
      sbp: 185,
      dbp: 112,
      fastingGlucose: 17.2,
      targetWeightKg: 65,
      stapleTarget: 250,
      medications: [{ name: '二甲双胍', timesPerDay: 2, dose: '0.5g' }],
      insulin: { kind: '甘精胰岛素', usage: '睡前 12U' },
      emergencyFlags: ['ketosis_signs'],
      hba1c: 8.1,
      hba1cDate: '2026-02-01',
      hypoglycemia: '2',
      symptoms: { codes: ['3'] },
      classification: '2',
      referral: { reason: 'x', institution: 'y' },
      lifestyle: { alcoholTarget: 0, cigarettesPerDay: 10 },
    };
    const c = carryOver(last);
    expect(c).toEqual({
      targetWeightKg: 65,
      stapleTarget: 250,
      medications: [{ name: '二甲双胍', timesPerDay: 2, dose: '0.5g' }],
      insulin: { kind: '甘精胰岛素', usage: '睡前 12U' },
      lifestyle: { alcoholTarget: 0 },
    });
    for (const k of ['emergencyFlags', 'hba1c', 'hba1cDate', 'hypoglycemia', 'sbp', 'fastingGlucose'])
      expect(c).not.toHaveProperty(k);
  });

  it('a visit closed as lost or death sends only the outcome and its reason, as the server takes it', () => {
    const lost = toFormPayload({
      ...base({ sbp: 140, dbp: 90, classification: '1', outcome: 'lost', lostReason: '外出务工' }),
      delivery: 'phone',
    });
    expect(lost).toEqual({
      outcome: 'lost',
      lostReason: '外出务工',
      lifestyle: {},
      adverseReaction: { has: false },
      emergencyFlags: [],
    });
    expect(
      assess(HT, { ...base({}), delivery: 'phone', form: lost }, born('1950-01-01'), null).issues,
    ).toEqual([]);
    const died = toFormPayload(base({ outcome: 'died', lostReason: 'x', death: { date: '2026-05-01' } }));
    expect(died.lostReason).toBeUndefined();
    expect(issuesOf(HT, died)).toContainEqual({ path: 'form.death.cause', code: 'required' });
  });

  it("by phone the readings may be missing, and given ones are the patient's own", () => {
    const noReadings = { ...base({ classification: '1' }), delivery: 'phone' as const };
    expect(assess(HT, noReadings, born('1950-01-01'), null).issues).toEqual([]);
    expect(issuesOf(HT, toFormPayload({ ...noReadings, delivery: 'clinic' }))).toContainEqual({
      path: 'form.sbp',
      code: 'required',
    });
    const reported = toFormPayload({
      ...base({ sbp: 128, dbp: 80, classification: '1' }),
      delivery: 'phone',
    });
    expect(reported.valuesSource).toBe('reported');
  });

  it('a combined visit: each type gets the shared fields its form has and its own; problems at their place', () => {
    const values: FollowUpValues = {
      serviceDate: '2026-05-10',
      delivery: 'clinic',
      form: { sbp: 128, dbp: 80, saltIntake: '2', fastingGlucose: 6.1, lifestyle: { psychology: '1' } },
      per: {
        [HT]: { classification: '1', medications: [{ name: '氨氯地平', timesPerDay: 1, dose: '5mg' }] },
        [DM]: { classification: '1', medications: [] },
      },
    };
    expect(partValues(values, HT).form).toEqual({
      sbp: 128,
      dbp: 80,
      saltIntake: '2',
      lifestyle: { psychology: '1' },
      classification: '1',
      medications: [{ name: '氨氯地平', timesPerDay: 1, dose: '5mg' }],
    });
    expect(partValues(values, DM).form).toEqual({
      sbp: 128,
      dbp: 80,
      fastingGlucose: 6.1,
      lifestyle: { psychology: '1' },
      classification: '1',
      medications: [],
    });
    // One type: the values as they are.
    const single = { ...values, per: undefined };
    expect(partValues(single, HT)).toBe(single);
    for (const [path, combined, place] of [
      ['form.symptoms.codes', true, `per.${DM}.symptoms.codes`],
      ['form.medications.0.name', true, `per.${DM}.medications.0.name`],
      ['form.fastingGlucose', true, 'form.fastingGlucose'],
      ['serviceDate', true, 'serviceDate'],
      ['form.symptoms.codes', false, 'form.symptoms.codes'],
    ] as const)
      expect(fieldPathOf(path, DM, combined), path).toBe(place);
    // The carry-over of both last records: the targets of each, the lifestyle targets merged, no drugs.
    expect(
      carryOverAll([
        { saltTarget: '1', heightCm: 160, lifestyle: { cigarettesTarget: 0 }, medications: [{ name: 'a' }] },
        { stapleTarget: 250, lifestyle: { alcoholTarget: 0 }, medications: [{ name: 'b' }] },
        undefined,
      ]),
    ).toEqual({
      saltTarget: '1',
      heightCm: 160,
      stapleTarget: 250,
      lifestyle: { cigarettesTarget: 0, alcoholTarget: 0 },
    });
  });
});
