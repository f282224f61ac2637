import { describe, expect, it } from 'vitest';
import { ageOn, programRegistry } from '@jkda/domain';
import { generateServices, type ServicePatient } from './history-services.ts';

describe('demo health checks, elderly forms and encounters', () => {
  const today = '2026-11-25';
  const patients: ServicePatient[] = Array.from({ length: 400 }, (_, i) => ({
    residentId: i + 1,
    sex: i % 2 ? '1' : '2',
    birthDate: `19${35 + (i % 50)}-0${(i % 9) + 1}-15`,
    recordDate: '2012-06-01',
    chronicSince: i % 4 === 0 ? '2015-01-01' : null,
    diabetic: i % 8 === 0,
  }));
  const all = patients.map((p) => ({ p, s: generateServices(p, 3, today, 5) }));

  it('writes forms that pass their schemas and the rules without errors', () => {
    let n = 0;
    for (const { p, s } of all)
      for (const x of s) {
        const ev = programRegistry.checkForm(x.type, x.form, {
          birthDate: p.birthDate,
          sex: p.sex,
          serviceDate: x.serviceDate,
          previousClassification: null,
        });
        expect(ev.errors).toEqual([]);
        expect(ev.warnings.map((w) => w.code)).not.toContain('evaluation_contradicts_values');
        expect(x.serviceDate <= today && x.serviceDate >= p.recordDate).toBe(true);
        n++;
      }
    expect(n).toBeGreaterThan(1000);
  });

  it('checks the elderly and the chronic most years but not every year, and gives the elderly forms only to 65+', () => {
    const checks = all.flatMap(({ p, s }) =>
      s.filter((x) => x.type === 'health_check').map((x) => ({ p, x })),
    );
    for (const { p, x } of checks)
      expect(ageOn(p.birthDate, x.serviceDate) >= 65 || (p.chronicSince ?? '9') <= x.serviceDate).toBe(true);
    const elderForms = all.flatMap(({ p, s }) =>
      s.filter((x) => x.type.startsWith('elderly_')).map((x) => ({ p, x })),
    );
    expect(elderForms.length).toBeGreaterThan(100);
    for (const { p, x } of elderForms) expect(ageOn(p.birthDate, x.serviceDate)).toBeGreaterThanOrEqual(65);
    // Eligible person-years checked: about 3 in 4.
    const eligible = all.filter(({ p }) => ageOn(p.birthDate, '2025-06-30') >= 66 || p.chronicSince);
    const checked2025 = eligible.filter(({ s }) =>
      s.some((x) => x.type === 'health_check' && x.serviceDate.startsWith('2025')),
    ).length;
    expect(checked2025 / eligible.length).toBeGreaterThan(0.6);
    expect(checked2025 / eligible.length).toBeLessThan(0.95);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateServices(patients[9]!, 3, today, 5))).toBe(JSON.stringify(all[9]!.s));
  });
});
