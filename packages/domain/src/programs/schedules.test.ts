/**
 * The registers' schedules as the worklist reads them: from the signed records of a register entry to the
 * next service due, its type and window, at the boundaries of the spec's windows.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from './program.ts';
import { maternalDue, maternalDueWords, maternalPlan } from './maternal/maternal.schedule.ts';
import { childDue, childDueWords, childPlan } from './child/child.register-schedule.ts';
import { doseWords, immunizationDue } from './immunization/immunization.program.ts';

let id = 0;
const rec = (type: string, serviceDate: string, form: Record<string, unknown>): HistoryRecord => ({
  id: ++id,
  type,
  serviceDate,
  form,
});

describe('maternal schedule', () => {
  const first = rec('maternal_first_prenatal', '2026-03-01', { lmp: '2026-01-01' });
  const visit = (n: number, on: string) =>
    rec('maternal_prenatal_followup', on, { kind: 'examined', visitNumber: n });
  const base = { birthDate: '1995-01-01', sex: '2', enrolledOn: '2026-03-01' };
  it.each([
    // [records, on, type, key, from, by]
    [[], '2026-03-01', 'maternal_first_prenatal', 'prenatal:1', '2026-03-01', '2026-03-01'],
    // LMP 2026-01-01: 16+0 is 2026-04-23, 20+6 is 2026-05-27, 21+0 is 2026-05-28, 24+6 is 2026-06-24.
    [[first], '2026-03-02', 'maternal_prenatal_followup', 'prenatal:2', '2026-04-23', '2026-05-27'],
    [
      [first, visit(2, '2026-04-30')],
      '2026-05-01',
      'maternal_prenatal_followup',
      'prenatal:3',
      '2026-05-28',
      '2026-06-24',
    ],
    // The last day of the 2nd visit's window, and the first of the 3rd's: a missed 2nd visit is left behind.
    [[first], '2026-05-27', 'maternal_prenatal_followup', 'prenatal:2', '2026-04-23', '2026-05-27'],
    [[first], '2026-05-28', 'maternal_prenatal_followup', 'prenatal:3', '2026-05-28', '2026-06-24'],
  ] as const)('%#: due %s on %s', (records, on, type, key, from, by) => {
    expect(maternalDue({ ...base, records, on })).toEqual({ type, key, from, by });
  });

  it('after a birth: the postpartum visit within 7 days of discharge, then the 42-day check; then nothing', () => {
    const outcome = rec('maternal_outcome', '2026-10-08', { outcome: { code: '1' }, date: '2026-10-06' });
    const done = [first, outcome];
    expect(maternalDue({ ...base, records: done, on: '2026-10-08' })).toMatchObject({
      type: 'maternal_postpartum_visit',
      from: '2026-10-06',
    });
    const pv = rec('maternal_postpartum_visit', '2026-10-10', {
      kind: 'examined',
      deliveryDate: '2026-10-06',
      dischargeDate: '2026-10-08',
    });
    expect(maternalDue({ ...base, records: [...done, pv], on: '2026-10-10' })).toMatchObject({
      type: 'maternal_postpartum_42d',
      key: 'check42',
      from: '2026-11-17',
    });
    const c42 = rec('maternal_postpartum_42d', '2026-11-18', {
      kind: 'examined',
      deliveryDate: '2026-10-06',
      dischargeDate: '2026-10-08',
    });
    expect(maternalDue({ ...base, records: [...done, pv, c42], on: '2026-11-18' })).toBeNull();
  });

  it('a miscarriage ends the schedule; records before the entry began are of an earlier pregnancy', () => {
    const loss = rec('maternal_outcome', '2026-03-20', { outcome: { code: '4' }, date: '2026-03-19' });
    expect(maternalDue({ ...base, records: [first, loss], on: '2026-03-21' })).toBeNull();
    expect(
      maternalDue({ ...base, enrolledOn: '2026-04-01', records: [first, loss], on: '2026-04-01' }),
    ).toMatchObject({
      key: 'prenatal:1',
    });
  });

  it.each([
    ['prenatal:1', 'zh', '第1次产前检查'],
    ['prenatal:4', 'zh', '第4次产前随访'],
    ['prenatal:4', 'en', 'Prenatal visit 4'],
    ['check42', 'zh', '产后42天健康检查'],
  ] as const)('words of %s (%s): %s', (key, lang, want) => expect(maternalDueWords(key, lang)).toBe(want));
});

describe('child schedule', () => {
  const born = '2026-01-10';
  const base = { birthDate: born, sex: '1', enrolledOn: born };
  const check = (type: string, on: string, monthAge?: number) =>
    rec(type, on, monthAge === undefined ? { dischargeDate: '2026-01-12' } : { monthAge });
  it.each([
    [[], '2026-01-11', 'child_newborn_visit', 'check:newborn'],
    [[check('child_newborn_visit', '2026-01-15')], '2026-01-16', 'child_check_infant', 'check:1'],
    [
      [check('child_newborn_visit', '2026-01-15'), check('child_check_infant', '2026-02-10', 1)],
      '2026-02-11',
      'child_check_infant',
      'check:3',
    ],
    // At 6 months the check carries the TCM guidance; once the check is done, the guidance is next.
    [
      [
        check('child_newborn_visit', '2026-01-15'),
        check('child_check_infant', '2026-02-10', 1),
        check('child_check_infant', '2026-04-10', 3),
        check('child_check_infant', '2026-07-10', 6),
      ],
      '2026-07-11',
      'child_tcm',
      'tcm:6',
    ],
  ] as const)('%#: on %s the next is %s', (records, on, type, key) => {
    expect(childDue({ ...base, records, on })).toMatchObject({ type, key });
  });

  it('a child of 7 is due nothing', () => {
    expect(childDue({ ...base, records: [], on: '2033-01-10' })).toBeNull();
  });

  it.each([
    ['check:newborn', 'zh', '新生儿家庭访视'],
    ['check:1', 'zh', '满月健康检查'],
    ['check:18', 'zh', '18月龄健康检查'],
    ['check:48', 'zh', '4岁健康检查'],
    ['tcm:6', 'zh', '6月龄中医药健康指导'],
  ] as const)('words of %s (%s): %s', (key, lang, want) => expect(childDueWords(key, lang)).toBe(want));
});

describe('immunization schedule', () => {
  const born = '2026-01-10';
  const base = { birthDate: born, sex: '1', enrolledOn: born };
  const dose = (vaccine: string, doseNumber: number, on: string) =>
    rec('immunization_dose', on, { vaccine, doseNumber });
  it('a newborn is due the first HepB dose at birth; overdue a month after the due age at most', () => {
    const due = immunizationDue({ ...base, records: [], on: born });
    expect(due).toMatchObject({ type: 'immunization_dose', from: born });
    expect(['HepB-1', 'BCG-1']).toContain(due!.key);
  });

  it('after the birth doses, HepB-2 is next at 1 month', () => {
    const records = [dose('HepB', 1, born), dose('BCG', 1, born)];
    expect(immunizationDue({ ...base, records, on: '2026-01-20' })).toMatchObject({
      key: 'HepB-2',
      from: '2026-02-10',
    });
  });

  it('records of other types are not doses', () => {
    const records = [rec('immunization_contraindication', born, { vaccine: 'HepB' })];
    expect(immunizationDue({ ...base, records, on: born })?.from).toBe(born);
  });

  it.each([
    ['HepB-2', 'zh', '乙肝疫苗 第2剂'],
    ['MMR-1', 'en', 'Measles, mumps and rubella vaccine, dose 1'],
    ['XYZ:2', 'zh', 'XYZ 第2剂'],
  ] as const)('words of %s (%s): %s', (key, lang, want) => expect(doseWords(key, lang)).toBe(want));
});

describe('plans on the record', () => {
  const states = (plan: readonly { key: string; state: string }[]) => plan.map((p) => `${p.key} ${p.state}`);

  describe('maternal', () => {
    // LMP 2026-01-01: windows 1: 01-01…04-01, 2: 04-23…05-27, 3: 05-28…06-24, 4: 07-16…09-16,
    // 5: 09-17…10-14; due date (280 days) 2026-10-08.
    const first = rec('maternal_first_prenatal', '2026-03-01', { lmp: '2026-01-01' });
    const base = { birthDate: '1995-01-01', sex: '2', enrolledOn: '2026-03-01' };
    it('a dated pregnancy: five prenatal windows, then the postpartum services expected from the due date', () => {
      const plan = maternalPlan({ ...base, records: [first], on: '2026-05-01' });
      expect(states(plan)).toEqual([
        'prenatal:1 done',
        'prenatal:2 due',
        'prenatal:3 upcoming',
        'prenatal:4 upcoming',
        'prenatal:5 upcoming',
        'postpartum_visit upcoming',
        'check42 upcoming',
      ]);
      expect(plan[0]).toMatchObject({
        recordId: first.id,
        doneOn: '2026-03-01',
        from: '2026-01-01',
        by: '2026-04-01',
      });
      expect(plan.slice(1, 5).map((p) => [p.from, p.by])).toEqual([
        ['2026-04-23', '2026-05-27'],
        ['2026-05-28', '2026-06-24'],
        ['2026-07-16', '2026-09-16'],
        ['2026-09-17', '2026-10-14'],
      ]);
      expect(plan[5]).toMatchObject({ from: '2026-10-08', by: '2026-10-15', expected: true });
      expect(plan[6]).toMatchObject({ from: '2026-11-19', by: '2026-12-03', expected: true });
    });

    it.each([
      // The 2nd visit's last day, the day after (missed: the 3rd is open), between windows 3 and 4.
      ['2026-05-27', 'prenatal:2 due'],
      ['2026-05-28', 'prenatal:2 missed'],
      ['2026-07-01', 'prenatal:3 missed'],
    ])('on %s: %s', (on, want) => {
      expect(states(maternalPlan({ ...base, records: [first], on }))).toContain(want);
    });

    it('a pregnancy not dated yet: only the first check, due now', () => {
      const plan = maternalPlan({ ...base, records: [], on: '2026-03-01' });
      expect(states(plan)).toEqual(['prenatal:1 due']);
    });

    it('after a birth: the visits not done are missed, the postpartum windows run from discharge and delivery', () => {
      const outcome = rec('maternal_outcome', '2026-10-08', { outcome: { code: '1' }, date: '2026-10-06' });
      const v4 = rec('maternal_prenatal_followup', '2026-08-01', { kind: 'examined', visitNumber: 4 });
      const plan = maternalPlan({ ...base, records: [first, v4, outcome], on: '2026-10-08' });
      expect(states(plan)).toEqual([
        'prenatal:1 done',
        'prenatal:2 missed',
        'prenatal:3 missed',
        'prenatal:4 done',
        'prenatal:5 missed',
        'postpartum_visit due',
        'check42 upcoming',
      ]);
      expect(plan[5]).toMatchObject({ from: '2026-10-06', by: '2026-10-13' });
      expect(plan[5]!.expected).toBeUndefined();
      expect(plan[6]).toMatchObject({ from: '2026-11-17', by: '2026-12-01' });
    });

    it('a miscarriage: no visits after it, no postpartum care', () => {
      const loss = rec('maternal_outcome', '2026-03-20', { outcome: { code: '4' }, date: '2026-03-19' });
      expect(states(maternalPlan({ ...base, records: [first, loss], on: '2026-03-21' }))).toEqual([
        'prenatal:1 done',
      ]);
    });
  });

  describe('child', () => {
    const born = '2026-01-10';
    const base = { birthDate: born, sex: '1', enrolledOn: born };
    const newborn = rec('child_newborn_visit', '2026-01-15', { dischargeDate: '2026-01-12' });
    it('every check and TCM guidance in the order of their windows', () => {
      const plan = childPlan({ ...base, records: [newborn], on: '2026-04-15' });
      expect(plan).toHaveLength(13 + 6);
      expect(states(plan).slice(0, 6)).toEqual([
        'check:newborn done',
        'check:1 missed',
        'check:3 due',
        'check:6 upcoming',
        'tcm:6 upcoming',
        'check:8 upcoming',
      ]);
      expect(plan[0]).toMatchObject({ from: '2026-01-12', by: '2026-01-19', recordId: newborn.id });
      expect(plan[1]).toMatchObject({ from: '2026-02-07', by: '2026-02-09', type: 'child_check_infant' });
      expect(plan.at(-1)).toMatchObject({
        key: 'check:72',
        type: 'child_check_preschool',
        from: '2032-01-10',
      });
    });

    it('a check whose window closed before the next opens is overdue; the 1-month check the day after its window', () => {
      expect(states(childPlan({ ...base, records: [newborn], on: '2026-02-10' }))).toContain(
        'check:1 overdue',
      );
    });
  });
});
