import { describe, expect, it } from 'vitest';
import data2021 from './schedule-2021.json' with { type: 'json' };
import { parseSchedule, scheduleFor, scheduleSchema, type Schedule } from './schedule.schema.ts';
import { SCHEDULE_2021, SCHEDULES, shippedScheduleFor } from './schedules.ts';

const copy = (): Schedule => structuredClone(SCHEDULE_2021);
const issues = (data: unknown) => {
  const r = scheduleSchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('the shipped 2021 schedule file', () => {
  it('passes the schema', () => expect(issues(data2021)).toEqual([]));

  it('has the 2021 table: doses per vaccine', () => {
    const count = (v: string) => SCHEDULE_2021.doses.filter((d) => d.vaccine === v).length;
    expect(Object.fromEntries(SCHEDULE_2021.vaccines.map((v) => [v.code, count(v.code)]))).toEqual({
      HepB: 3,
      BCG: 1,
      IPV: 2,
      // bOPV-2 is for children born before 2019-10-01 only (one IPV).
      bOPV: 3,
      DTaP: 4,
      DT: 1,
      MMR: 2,
      'JE-L': 2,
      'JE-I': 4,
      'MPSV-A': 2,
      'MPSV-AC': 2,
      'HepA-L': 1,
      'HepA-I': 2,
    });
  });

  it('is the one shipped version, for children born from 2008', () => {
    expect(SCHEDULES).toEqual([SCHEDULE_2021]);
    expect(shippedScheduleFor('2008-01-01')?.version).toBe('2021');
    expect(shippedScheduleFor('2007-12-31')).toBeNull();
  });
});

describe('a broken schedule fails with the path of the problem', () => {
  it.each<[string, (s: Schedule) => void, string, string]>([
    [
      'a dose of an unknown vaccine',
      (s) => (s.doses[3]!.vaccine = 'OPV'),
      'doses.3.vaccine',
      'unknown_vaccine',
    ],
    ['a dose in the wrong series', (s) => (s.doses[0]!.series = 'BCG'), 'doses.0.series', 'series_mismatch'],
    ['a duplicate dose id', (s) => (s.doses[1]!.id = 'HepB-1'), 'doses.1.id', 'duplicate'],
    [
      'a JE dose without its alternative',
      (s) => delete s.doses.find((d) => d.id === 'JE-L-1')!.alternative,
      'doses.16.alternative',
      'not_an_alternative',
    ],
    [
      'an interval from a later dose',
      (s) => (s.doses[2]!.alsoAfter = [{ dose: 'BCG-1', interval: { days: 1 } }]),
      'doses.2.alsoAfter.0.dose',
      'unknown_earlier_dose',
    ],
    [
      'a default that is no alternative',
      (s) => (s.series[5]!.defaultAlternative = 'MMR'),
      'series.5.defaultAlternative',
      'not_an_alternative',
    ],
    [
      'a vaccine of an unknown series',
      (s) => (s.vaccines[0]!.series = 'HepC'),
      'vaccines.0.series',
      'unknown_series',
    ],
    [
      'a bad birth-date bound',
      (s) => (s.effectiveFromBirthDate = '2021-02-30'),
      'effectiveFromBirthDate',
      'not_a_date',
    ],
  ])('%s', (_name, breakIt, path, message) => {
    const s = copy();
    breakIt(s);
    expect(issues(s)).toContainEqual({ path, message });
  });

  it('an age in two units at once', () => {
    const s = copy() as unknown as { doses: { dueAge: unknown }[] };
    s.doses[1]!.dueAge = { months: 1, days: 2 };
    expect(issues(s).map((i) => i.path)).toContain('doses.1.dueAge');
  });

  it('an unknown field', () => {
    const s = { ...copy(), extra: true };
    expect(issues(s).map((i) => i.path)).toContain('');
    expect(() => parseSchedule(s)).toThrow(/extra/);
  });
});

describe('scheduleFor: the version of the birth cohort', () => {
  const v2025: Schedule = { ...copy(), version: '2025', effectiveFromBirthDate: '2025-01-01' };
  const all = [v2025, SCHEDULE_2021];
  it.each([
    ['2007-12-31', null],
    ['2008-01-01', '2021'],
    ['2024-12-31', '2021'],
    ['2025-01-01', '2025'],
    ['2030-06-01', '2025'],
  ])('born %s → %s', (birth, version) => expect(scheduleFor(birth, all)?.version ?? null).toBe(version));

  it('does not depend on the order of the list', () =>
    expect(scheduleFor('2025-02-01', [SCHEDULE_2021, v2025])?.version).toBe('2025'));
});
