import { describe, expect, it } from 'vitest';
import {
  diabetesFollowUpSchema,
  hypertensionFollowUpSchema,
  bpControlled,
  ageOn,
  type BasicInfo,
} from '@jkda/domain';
import { generateHistory } from './history.ts';

const info = (codes: string[]): BasicInfo =>
  ({ diseases: codes.map((code) => ({ code, diagnosedAt: '2016-04' })) }) as unknown as BasicInfo;

describe('demo service history', () => {
  const today = '2026-11-25';
  const patients = Array.from({ length: 300 }, (_, i) => ({
    residentId: i + 1,
    birthDate: `19${40 + (i % 40)}-0${(i % 9) + 1}-15`,
    recordDate: '2014-06-01',
    basicInfo: info(i % 3 === 0 ? ['2', '3'] : ['2']),
  }));
  const all = patients.map((p) => ({ p, h: generateHistory(p, 7, today) }));

  it('is deterministic', () => {
    expect(JSON.stringify(generateHistory(patients[5]!, 7, today))).toBe(JSON.stringify(all[5]!.h));
  });

  it('enrols each listed disease and writes forms that pass the follow-up schemas', () => {
    for (const { p, h } of all) {
      expect(h.enrolments.map((e) => e.program).sort()).toEqual(
        p.basicInfo.diseases.map((d) => (d.code === '2' ? 'hypertension' : 'diabetes')).sort(),
      );
      for (const f of h.followUps) {
        const schema =
          f.type === 'hypertension_followup' ? hypertensionFollowUpSchema : diabetesFollowUpSchema;
        expect(schema.safeParse(f.form).success).toBe(true);
        expect(f.serviceDate <= today).toBe(true);
        expect(f.sbp).toBeGreaterThan(f.dbp);
      }
    }
  });

  it('has about 4 follow-ups a year, mostly controlled, with the spec’s classification', () => {
    const hbp = all.flatMap(({ p, h }) =>
      h.followUps.filter((f) => f.type === 'hypertension_followup').map((f) => ({ f, p })),
    );
    const perPatientYear = hbp.length / patients.length / 3;
    expect(perPatientYear).toBeGreaterThan(3);
    expect(perPatientYear).toBeLessThan(6);
    const controlled = hbp.filter(({ f }) => f.classification === 'controlled').length / hbp.length;
    expect(controlled).toBeGreaterThan(0.5);
    expect(controlled).toBeLessThan(0.9);
    for (const { f, p } of hbp) {
      const ok = bpControlled({ sbp: f.sbp, dbp: f.dbp, age: ageOn(p.birthDate, f.serviceDate) });
      expect(f.classification === 'controlled').toBe(ok);
      if (f.classification === 'uncontrolled' && f.nextAction === 'recheck_2w')
        expect(f.nextVisitDate > f.serviceDate).toBe(true);
    }
  });

  it('keeps each patient’s weight within a plausible drift between visits', () => {
    for (const { h } of all)
      for (const type of ['hypertension_followup', 'diabetes_followup']) {
        const w = h.followUps.filter((f) => f.type === type).map((f) => f.form.weightKg as number);
        for (let i = 1; i < w.length; i++) expect(Math.abs(w[i]! - w[i - 1]!)).toBeLessThanOrEqual(3);
      }
  });

  it('leaves about one patient in ten overdue today (every village doctor has some on the worklist)', () => {
    const overdue = all.filter(({ h }) => {
      const last = h.followUps.filter((f) => f.type === 'hypertension_followup').at(-1);
      return last !== undefined && last.nextVisitDate < today;
    }).length;
    expect(overdue / patients.length).toBeGreaterThan(0.1);
    expect(overdue / patients.length).toBeLessThan(0.4);
  });
});
