import { describe, expect, it } from 'vitest';
import { assess, carryOver, schemaIssues, toFormPayload, type FollowUpValues } from './followupModel.ts';

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
    expect(schemaIssues('hypertension', payload)).toEqual([]);
    const a = assess('hypertension', v, '1950-01-01', 'controlled');
    expect(a.controlled).toBe(true);
    expect(a.expected).toBe('controlled');
    expect(a.plan?.dueDate).toBe('2026-08-10');
    expect(a.plan?.action).toBe('routine');
  });

  it('uncontrolled the first time: recheck in 2 weeks; 无 is exclusive', () => {
    const v = base({ sbp: 152, dbp: 96, classification: '2', symptoms: { codes: ['1', '2'] } });
    const a = assess('hypertension', v, '1950-01-01', 'controlled');
    expect(a.controlled).toBe(false);
    expect(a.plan?.dueDate).toBe('2026-05-24');
    expect(schemaIssues('hypertension', toFormPayload(v))).toContainEqual({
      path: 'form.symptoms.codes',
      code: 'choice_exclusive',
    });
  });

  it('diabetes: control by fasting glucose; carries medication and targets over', () => {
    const a = assess('diabetes', base({ sbp: 150, dbp: 95, fastingGlucose: 6.2 }), '1960-01-01', null);
    expect(a.controlled).toBe(true);
    const c = carryOver({
      medications: [{ name: 'x', timesPerDay: 1, dose: '1' }],
      lifestyle: { alcoholTarget: 0 },
    });
    expect(c.medications).toHaveLength(1);
    expect(c.lifestyle).toEqual({ alcoholTarget: 0 });
  });
});
