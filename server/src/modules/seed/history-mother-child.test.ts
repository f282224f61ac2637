/** The demo mothers and children are valid records of their types, at the rates the module says. */
import { describe, expect, it } from 'vitest';
import { addDays, programRegistry, type HistoryRecord } from '@jkda/domain';
import { generateMotherChild } from './history-mother-child.ts';

const TODAY = '2026-11-20';

describe('demo mothers and children', () => {
  const women = Array.from({ length: 3000 }, (_, i) => ({
    residentId: i + 1,
    sex: '2',
    birthDate: addDays('1996-01-01', i % 3000),
    recordDate: '2015-01-01',
  }));
  const children = Array.from({ length: 300 }, (_, i) => ({
    residentId: 10_000 + i,
    sex: i % 2 ? '1' : '2',
    birthDate: addDays(TODAY, -(i * 8 + 1)),
    recordDate: addDays(TODAY, -(i * 8 + 1)),
  }));

  it('has about 3.5 % of women of 20–40 pregnant and some just delivered', () => {
    const stories = women.map((w) => generateMotherChild(w, 7, TODAY));
    const enrolled = stories.filter((s) => s.maternal).length;
    expect(enrolled / women.length).toBeGreaterThan(0.025);
    expect(enrolled / women.length).toBeLessThan(0.06);
    expect(stories.some((s) => s.services.some((x) => x.type === 'maternal_outcome'))).toBe(true);
  });

  it('makes records every type accepts (schema and rules), each on or before today', () => {
    const all = [...women, ...children].map((p) => ({ p, mc: generateMotherChild(p, 7, TODAY) }));
    let checked = 0;
    for (const { p, mc } of all) {
      const history: HistoryRecord[] = [];
      for (const s of mc.services) {
        expect(s.serviceDate <= TODAY).toBe(true);
        const r = programRegistry.checkForm(s.type, s.form, {
          birthDate: p.birthDate,
          sex: p.sex,
          serviceDate: s.serviceDate,
          previousClassification: null,
          registers: mc.maternal ? ['maternal'] : [],
          delivery: s.delivery,
          history,
        });
        expect(r.errors, `${s.type} ${JSON.stringify(s.form)}`).toEqual([]);
        history.push({ id: history.length + 1, type: s.type, serviceDate: s.serviceDate, form: s.form });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('vaccinates most children on schedule: a child of one year has had the first-year doses', () => {
    const year = generateMotherChild(
      { residentId: 5, sex: '1', birthDate: '2025-11-01', recordDate: '2025-11-01' },
      11,
      TODAY,
    );
    const doses = new Set(year.services.map((s) => s.classification));
    // Most children; this seed's child keeps to the schedule.
    for (const d of ['HepB-1', 'BCG-1', 'HepB-2', 'IPV-1']) expect(doses).toContain(d);
  });

  it('gives most children the newborn visit and their checks so far, with weights around the standard', () => {
    const checks = children.map((c) => ({
      c,
      s: generateMotherChild(c, 7, TODAY).services.filter((x) => x.type.startsWith('child_')),
    }));
    // Children of 760 to 900 days: the newborn visit and the 1- to 24-month checks are behind them (8).
    const twoYearOlds = checks.filter(
      ({ c }) => c.birthDate <= addDays(TODAY, -760) && c.birthDate >= addDays(TODAY, -900),
    );
    expect(twoYearOlds.length).toBeGreaterThan(10);
    const counts = twoYearOlds.map(({ s }) => s.filter((x) => x.type !== 'child_tcm').length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(5);
    expect(mean).toBeLessThanOrEqual(8);
    // Some children miss some.
    expect(counts.some((n) => n < 8)).toBe(true);
    expect(checks.some(({ s }) => s.some((x) => x.type === 'child_tcm'))).toBe(true);
    // The stored result is what the rules make of the form: mostly nothing abnormal.
    const results = checks.flatMap(({ s }) => s.filter((x) => x.type === 'child_check_infant'));
    const normal = results.filter((x) => x.classification === 'normal').length;
    expect(normal / results.length).toBeGreaterThan(0.6);
    expect(results.every((x) => x.weightKg !== null && x.weightKg > 2 && x.weightKg < 15)).toBe(true);
  });
});
