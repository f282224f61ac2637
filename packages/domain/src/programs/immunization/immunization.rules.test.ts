import { describe, expect, it } from 'vitest';
import { addDays } from '../date-math.ts';
import { catchUpPlan, vaccinationStatus, type DoseStatus } from './immunization.rules.ts';
import { SCHEDULE_2021 } from './schedules.ts';
import { spacedDate, type GivenDose, type PlanOptions } from './series-plan.ts';

const schedule = SCHEDULE_2021;
const B = '2024-01-15';
const INACTIVATED: PlanOptions = { alternatives: { JE: 'JE-I', HepA: 'HepA-I' } };

/** The due dates of a child born on 2024-01-15 (the JE-I-2 date is 7 days after JE-I-1 on its due date). */
const DUE: [doseId: string, due: string][] = [
  ['HepB-1', '2024-01-15'],
  ['HepB-2', '2024-02-15'],
  ['HepB-3', '2024-07-15'],
  ['BCG-1', '2024-01-15'],
  ['IPV-1', '2024-03-15'],
  ['IPV-2', '2024-04-15'],
  ['bOPV-3', '2024-05-15'],
  ['bOPV-4', '2028-01-15'],
  ['DTaP-1', '2024-04-15'],
  ['DTaP-2', '2024-05-15'],
  ['DTaP-3', '2024-06-15'],
  ['DTaP-4', '2025-07-15'],
  ['DT-5', '2030-01-15'],
  ['MMR-1', '2024-09-15'],
  ['MMR-2', '2025-07-15'],
  ['JE-L-1', '2024-09-15'],
  ['JE-L-2', '2026-01-15'],
  ['JE-I-1', '2024-09-15'],
  ['JE-I-2', '2024-09-22'],
  ['JE-I-3', '2026-01-15'],
  ['JE-I-4', '2030-01-15'],
  ['MPSV-A-1', '2024-07-15'],
  ['MPSV-A-2', '2024-10-15'],
  ['MPSV-AC-3', '2027-01-15'],
  ['MPSV-AC-4', '2030-01-15'],
  ['HepA-L-1', '2025-07-15'],
  ['HepA-I-1', '2025-07-15'],
  ['HepA-I-2', '2026-01-15'],
];

const doseOf = (id: string) => schedule.doses.find((d) => d.id === id)!;
const rec = (vaccine: string, doseNumber: number, date: string): GivenDose => ({ vaccine, doseNumber, date });
const given = (id: string, date: string) => rec(doseOf(id).vaccine, doseOf(id).doseNumber, date);
const pathOf = (id: string): PlanOptions =>
  id.startsWith('JE-I') || id.startsWith('HepA-I') ? INACTIVATED : {};
/** A child vaccinated on every due date before `before`, on the path of `id`'s alternatives. */
const onTimeBefore = (before: string, options: PlanOptions, except?: string) =>
  DUE.filter(([id, due]) => {
    const alt = doseOf(id).alternative;
    const series = doseOf(id).series;
    const chosen =
      options.alternatives?.[series] ?? schedule.series.find((s) => s.id === series)?.defaultAlternative;
    return due < before && series !== except && (alt === undefined || alt === chosen);
  }).map(([id, due]) => given(id, due));

const statusOf = (today: string, records: readonly GivenDose[], id: string, options: PlanOptions = {}) =>
  vaccinationStatus({ birthDate: B, today, records, schedule, options }).doses.find((d) => d.doseId === id)!;

describe('due ages (born 2024-01-15, every earlier dose on time)', () => {
  it.each(DUE)('%s is not yet due the day before %s and due on it', (id, due) => {
    const options = pathOf(id);
    const records = onTimeBefore(due, options);
    const before = statusOf(addDays(due, -1), records, id, options);
    expect([before.status, before.earliestDate]).toEqual(['notYetDue', due]);
    const on = statusOf(due, records, id, options);
    expect([on.status, on.earliestDate]).toEqual(['due', due]);
  });
});

describe('latest ages (说明: "<X 完成") and overdue', () => {
  it.each([
    ['HepB-1', '2024-01-17', '2024-01-17'],
    ['HepB-2', null, '2024-03-15'],
    ['HepB-3', '2025-01-15', '2024-08-15'],
    ['BCG-1', '2024-04-15', '2024-02-15'],
    ['bOPV-3', '2025-01-15', '2024-06-15'],
    ['bOPV-4', '2029-01-15', '2028-02-15'],
    ['DTaP-3', '2025-01-15', '2024-07-15'],
    ['DTaP-4', '2026-01-15', '2025-08-15'],
    ['DT-5', '2031-01-15', '2030-02-15'],
    ['MMR-1', '2025-01-15', '2024-10-15'],
    ['MMR-2', '2026-01-15', '2025-08-15'],
    ['JE-L-1', '2025-01-15', '2024-10-15'],
    ['JE-L-2', '2027-01-15', '2026-02-15'],
    ['MPSV-A-2', '2025-07-15', '2024-11-15'],
    ['MPSV-AC-3', '2028-01-15', '2027-02-15'],
    ['MPSV-AC-4', '2031-01-15', '2030-02-15'],
    ['HepA-L-1', '2026-01-15', '2025-08-15'],
    ['JE-I-2', '2025-01-15', '2024-10-15'],
    ['JE-I-3', '2027-01-15', '2026-02-15'],
    ['JE-I-4', '2031-01-15', '2030-02-15'],
    ['HepA-I-2', '2027-01-15', '2026-02-15'],
  ])('%s: latest date %s, overdue from %s', (id, latest, overdueFrom) => {
    const options = pathOf(id);
    const records = onTimeBefore(DUE.find(([d]) => d === id)![1], options);
    const dayBefore = statusOf(addDays(overdueFrom, -1), records, id, options);
    expect([dayBefore.latestDate, dayBefore.overdueFrom, dayBefore.status]).toEqual([
      latest,
      overdueFrom,
      'due',
    ]);
    expect(statusOf(overdueFrom, records, id, options).status).toBe('overdue');
  });

  it.each([
    ['2025-01-14', false],
    ['2025-01-15', true],
  ])('a MMR-1 planned on %s is late: %s', (today, late) => {
    const plan = catchUpPlan({ birthDate: B, today, records: onTimeBefore('2024-09-01', {}), schedule });
    expect(plan.doses.find((d) => d.doseId === 'MMR-1')).toMatchObject({ date: today, late });
  });
});

describe('minimum intervals (one day short, exact)', () => {
  it.each<[string, GivenDose[], string]>([
    ['HepB-2', [given('HepB-1', '2024-03-01')], '2024-03-29'],
    ['HepB-3', [given('HepB-1', '2024-01-15'), given('HepB-2', '2024-07-01')], '2024-08-30'],
    ['HepB-3', [given('HepB-1', '2024-05-01'), given('HepB-2', '2024-05-29')], '2024-09-01'],
    ['IPV-2', [given('IPV-1', '2024-04-10')], '2024-05-08'],
    ['bOPV-3', [given('IPV-1', '2024-03-15'), given('IPV-2', '2024-05-10')], '2024-06-07'],
    [
      'bOPV-4',
      [given('IPV-1', '2027-11-01'), given('IPV-2', '2027-12-01'), given('bOPV-3', '2028-01-02')],
      '2028-01-30',
    ],
    ['DTaP-2', [given('DTaP-1', '2024-05-01')], '2024-05-29'],
    [
      'DTaP-4',
      [given('DTaP-1', '2024-04-15'), given('DTaP-2', '2024-05-15'), given('DTaP-3', '2025-03-01')],
      '2025-09-01',
    ],
    [
      'DT-5',
      [
        given('DTaP-1', '2024-04-15'),
        given('DTaP-2', '2024-05-15'),
        given('DTaP-3', '2024-06-15'),
        given('DTaP-4', '2029-06-01'),
      ],
      '2030-06-01',
    ],
    ['MMR-2', [given('MMR-1', '2025-07-01')], '2025-07-29'],
    ['JE-L-2', [given('JE-L-1', '2025-03-01')], '2026-03-01'],
    ['JE-I-2', [given('JE-I-1', '2024-10-01')], '2024-10-08'],
    ['JE-I-3', [given('JE-I-1', '2025-12-01'), given('JE-I-2', '2025-12-20')], '2026-01-20'],
    [
      'JE-I-4',
      [given('JE-I-1', '2024-09-15'), given('JE-I-2', '2024-09-22'), given('JE-I-3', '2027-06-01')],
      '2030-06-01',
    ],
    ['MPSV-A-2', [given('MPSV-A-1', '2024-09-01')], '2024-12-01'],
    ['MPSV-AC-3', [given('MPSV-A-1', '2024-07-15'), given('MPSV-A-2', '2026-03-01')], '2027-03-01'],
    [
      'MPSV-AC-4',
      [given('MPSV-A-1', '2024-07-15'), given('MPSV-A-2', '2024-10-15'), given('MPSV-AC-3', '2027-06-01')],
      '2030-06-01',
    ],
    ['HepA-I-2', [given('HepA-I-1', '2025-09-01')], '2026-03-01'],
  ])('%s after %j: earliest %s', (id, series, earliest) => {
    const options = id.startsWith('JE-L') ? { alternatives: { HepA: 'HepA-I' } } : INACTIVATED;
    const records = [...onTimeBefore(addDays(earliest, -1), options, doseOf(id).series), ...series];
    const short = statusOf(addDays(earliest, -1), records, id, options);
    // One day short: still waiting (overdue when the dose is already late, never due).
    expect(short.earliestDate).toBe(earliest);
    expect(['notYetDue', 'overdue']).toContain(short.status);
    const exact = statusOf(earliest, records, id, options);
    expect(exact.earliestDate).toBe(earliest);
    expect(['due', 'overdue']).toContain(exact.status);
  });
});

const planRows = (birthDate: string, today: string, records: GivenDose[], options: PlanOptions = {}) => {
  const plan = catchUpPlan({ birthDate, today, records, schedule, options });
  return {
    eligible: plan.eligible,
    doses: plan.doses.map(
      (d) => `${d.date} ${d.doseId} ${d.vaccine}${d.condition ? ` (${d.condition})` : ''}`,
    ),
    dropped: plan.dropped.map((d) => `${d.doseId} ${d.reason}`),
  };
};

describe('catch-up plans', () => {
  it('a 3-year-old with only HepB-1 and BCG', () =>
    expect(
      planRows('2021-03-10', '2024-03-15', [rec('HepB', 1, '2021-03-10'), rec('BCG', 1, '2021-03-11')]),
    ).toEqual({
      eligible: true,
      doses: [
        '2024-03-15 HepB-2 HepB',
        '2024-03-15 IPV-1 IPV',
        '2024-03-15 DTaP-1 DTaP',
        '2024-03-15 MMR-1 MMR',
        '2024-03-15 JE-L-1 JE-L',
        // ≥ 24 months without MPSV-A: no more MPSV-A, MPSV-AC as soon as possible.
        '2024-03-15 MPSV-AC-3 MPSV-AC',
        '2024-03-15 HepA-L-1 HepA-L',
        '2024-04-12 IPV-2 IPV',
        '2024-04-12 DTaP-2 DTaP',
        '2024-04-12 MMR-2 MMR',
        '2024-05-10 bOPV-3 bOPV',
        '2024-05-10 DTaP-3 DTaP',
        // 60 days after HepB-2.
        '2024-05-14 HepB-3 HepB',
        // 6 months after DTaP-3.
        '2024-11-10 DTaP-4 DTaP',
        // Under 4: three polio doses now, the 4th at 4 years.
        '2025-03-10 bOPV-4 bOPV',
        '2025-03-15 JE-L-2 JE-L',
        '2027-03-10 DT-5 DT',
        '2027-03-15 MPSV-AC-4 MPSV-AC',
      ],
      dropped: ['MPSV-A-1 catch_up_age_limit', 'MPSV-A-2 catch_up_age_limit'],
    }));

  it('a 7-year-old with nothing: DT instead of DTaP, four polio doses, no BCG', () =>
    expect(planRows('2020-01-10', '2027-03-01', [])).toEqual({
      eligible: true,
      doses: [
        '2027-03-01 HepB-1 HepB',
        '2027-03-01 IPV-1 IPV',
        '2027-03-01 DTaP-1 DT',
        '2027-03-01 MMR-1 MMR',
        '2027-03-01 JE-L-1 JE-L',
        '2027-03-01 MPSV-AC-3 MPSV-AC',
        '2027-03-01 HepA-L-1 HepA-L',
        '2027-03-29 HepB-2 HepB',
        '2027-03-29 IPV-2 IPV',
        '2027-03-29 MMR-2 MMR',
        '2027-04-01 DTaP-2 DT',
        '2027-04-26 bOPV-3 bOPV',
        '2027-05-24 bOPV-4 bOPV',
        // 4 months after HepB-1 (later than 60 days after HepB-2).
        '2027-07-01 HepB-3 HepB',
        '2027-10-01 DTaP-3 DT',
        '2028-03-01 JE-L-2 JE-L',
        '2030-03-01 MPSV-AC-4 MPSV-AC',
      ],
      dropped: [
        'BCG-1 catch_up_age_limit',
        'DTaP-4 dtp_from_6_years',
        'DT-5 dtp_from_6_years',
        'MPSV-A-1 catch_up_age_limit',
        'MPSV-A-2 catch_up_age_limit',
      ],
    }));

  it('a child born before 2019-10-01 has one IPV, then bOPV', () =>
    expect(planRows('2019-09-30', '2024-01-10', []).doses.filter((d) => /IPV|bOPV/.test(d))).toEqual([
      '2024-01-10 IPV-1 IPV',
      '2024-02-07 bOPV-2 bOPV',
      '2024-03-06 bOPV-3 bOPV',
      '2024-04-03 bOPV-4 bOPV',
    ]));

  it('no plan from 18 years', () => {
    const p = planRows('2008-01-01', '2026-01-01', []);
    expect([p.eligible, p.doses, p.dropped.length, new Set(p.dropped.map((d) => d.split(' ')[1]))]).toEqual([
      false,
      [],
      SCHEDULE_2021.doses.filter(
        (d) => d.alternative !== 'JE-I' && d.alternative !== 'HepA-I' && d.id !== 'IPV-2',
      ).length,
      new Set(['age_limit']),
    ]);
  });

  it('a dose that would fall after 18 is dropped', () =>
    expect(planRows('2008-03-01', '2026-02-01', [], {}).dropped).toContain('HepB-3 age_limit'));
});

describe('DTaP/DT from 6 years (说明 百白破 补种原则)', () => {
  const birth = '2019-11-01';
  const today = '2026-01-10';
  const d = (n: number, date: string) => rec('DTaP', n, date);
  it.each<[string, GivenDose[], string[], string[]]>([
    [
      'none',
      [],
      ['2026-01-10 DTaP-1 DT', '2026-02-10 DTaP-2 DT', '2026-08-10 DTaP-3 DT'],
      ['DTaP-4', 'DT-5'],
    ],
    ['one DTaP', [d(1, '2020-02-01')], ['2026-01-10 DTaP-2 DT', '2026-07-10 DTaP-3 DT'], ['DTaP-4', 'DT-5']],
    ['two DTaP', [d(1, '2020-02-01'), d(2, '2020-03-01')], ['2026-01-10 DTaP-3 DT'], ['DTaP-4', 'DT-5']],
    [
      'three DTaP, the 3rd 2 months ago: DT 6 months after it',
      [d(1, '2020-02-01'), d(2, '2020-03-01'), d(3, '2025-11-10')],
      ['2026-05-10 DT-5 DT'],
      ['DTaP-4'],
    ],
    [
      'four DTaP, the 4th 3 months ago: DT 12 months after it',
      [d(1, '2020-02-01'), d(2, '2020-03-01'), d(3, '2020-04-01'), d(4, '2025-10-10')],
      ['2026-10-10 DT-5 DT'],
      [],
    ],
    [
      'three doses with a DT: complete',
      [d(1, '2020-02-01'), d(2, '2020-03-01'), rec('DT', 3, '2025-12-01')],
      [],
      ['DTaP-4', 'DT-5'],
    ],
  ])('%s', (_name, records, doses, dropped) => {
    const p = planRows(birth, today, records);
    expect(p.doses.filter((x) => /DTaP|DT-/.test(x))).toEqual(doses);
    expect(p.dropped.filter((x) => x.endsWith('dtp_from_6_years')).map((x) => x.split(' ')[0])).toEqual(
      dropped,
    );
  });

  it('the day before 6 years the DTaP schedule still applies', () =>
    expect(planRows(birth, '2025-10-31', []).doses.filter((x) => /DTaP|DT-/.test(x))).toEqual([
      '2025-10-31 DTaP-1 DTaP',
      '2025-11-28 DTaP-2 DTaP',
      '2025-12-26 DTaP-3 DTaP',
      '2026-06-26 DTaP-4 DTaP',
      '2027-06-26 DT-5 DT',
    ]));
});

describe('alternatives: JE-L or JE-I, HepA-L or HepA-I', () => {
  const statuses = (records: GivenDose[], options: PlanOptions = {}, today = '2026-03-01') =>
    Object.fromEntries(
      vaccinationStatus({ birthDate: B, today, records, schedule, options })
        .doses.filter((d) => d.series === 'JE' || d.series === 'HepA')
        .map((d: DoseStatus) => [d.doseId, d.reason ?? d.status]),
    );

  it('without records the live kinds are offered', () =>
    expect(statuses([])).toMatchObject({
      'JE-L-1': 'overdue',
      'JE-I-1': 'other_alternative',
      'HepA-L-1': 'overdue',
      'HepA-I-1': 'other_alternative',
    }));

  it('the option picks the inactivated kinds', () =>
    expect(statuses([], INACTIVATED)).toMatchObject({
      'JE-L-1': 'other_alternative',
      'JE-I-1': 'overdue',
      'JE-I-4': 'notYetDue',
      'HepA-L-1': 'other_alternative',
    }));

  it('the first dose given picks the kind, whatever the option', () =>
    expect(statuses([rec('JE-I', 1, '2024-09-15'), rec('HepA-L', 1, '2025-07-15')], INACTIVATED)).toEqual({
      'JE-I-1': 'complete',
      'JE-I-2': 'overdue',
      'JE-I-3': 'overdue',
      'JE-I-4': 'notYetDue',
      'JE-L-1': 'other_alternative',
      'JE-L-2': 'other_alternative',
      'HepA-L-1': 'complete',
      'HepA-I-1': 'other_alternative',
      'HepA-I-2': 'other_alternative',
    }));

  it('HepA-L 6 months after HepA-I-1 completes the inactivated series', () => {
    const s = statuses([rec('HepA-I', 1, '2025-07-15'), rec('HepA-L', 2, '2026-01-15')]);
    expect([s['HepA-I-1'], s['HepA-I-2'], s['HepA-L-1']]).toEqual([
      'complete',
      'complete',
      'other_alternative',
    ]);
  });

  it('JE-I catch-up: 7 days, 1 month, 3 years', () =>
    expect(
      planRows('2021-05-01', '2025-06-01', [], INACTIVATED).doses.filter((x) => x.includes('JE')),
    ).toEqual([
      '2025-06-01 JE-I-1 JE-I',
      '2025-06-08 JE-I-2 JE-I',
      '2025-07-08 JE-I-3 JE-I',
      '2028-07-08 JE-I-4 JE-I',
    ]));
});

describe('BCG catch-up (说明: <3 months directly, 3 months–3 years after a negative PPD test, not from 4)', () => {
  it.each([
    ['2024-01-15', 'due', null],
    ['2024-04-14', 'overdue', null],
    ['2024-04-15', 'overdue', 'tuberculin_test_negative'],
    ['2028-01-14', 'overdue', 'tuberculin_test_negative'],
    ['2028-01-15', 'notApplicable', null],
  ])('on %s: %s %s', (today, status, condition) => {
    const s = vaccinationStatus({ birthDate: B, today, records: [], schedule }).doses.find(
      (d) => d.doseId === 'BCG-1',
    )!;
    expect([s.status, s.condition]).toEqual([status, condition]);
    if (status === 'notApplicable') expect(s.reason).toBe('catch_up_age_limit');
  });
});

describe('MPSV-A / MPSV-AC (说明 流脑 补种原则)', () => {
  const men = (birth: string, today: string, records: GivenDose[]) => {
    const p = planRows(birth, today, records);
    return [...p.doses.filter((x) => x.includes('MPSV')), ...p.dropped.filter((x) => x.includes('MPSV'))];
  };
  it('20 months, none: both MPSV-A before 24 months, then MPSV-AC at 3 years', () =>
    expect(men('2024-01-15', '2025-09-15', [])).toEqual([
      '2025-09-15 MPSV-A-1 MPSV-A',
      '2025-12-15 MPSV-A-2 MPSV-A',
      '2027-01-15 MPSV-AC-3 MPSV-AC',
      '2030-01-15 MPSV-AC-4 MPSV-AC',
    ]));
  it('22 months, none: the 2nd MPSV-A would be past 24 months, so MPSV-AC 3 months after the 1st', () =>
    expect(men('2024-01-15', '2025-11-15', [])).toEqual([
      '2025-11-15 MPSV-A-1 MPSV-A',
      '2026-02-15 MPSV-AC-3 MPSV-AC',
      // MPSV-AC-4 stays at its due age, 6 years (≥ 3 years after MPSV-AC-3).
      '2030-01-15 MPSV-AC-4 MPSV-AC',
      'MPSV-A-2 catch_up_age_limit',
    ]));
  it('25 months with one MPSV-A a month ago: MPSV-AC 3 months after it', () =>
    expect(men('2024-01-15', '2026-02-15', [rec('MPSV-A', 1, '2026-01-15')])).toEqual([
      '2026-04-15 MPSV-AC-3 MPSV-AC',
      '2030-01-15 MPSV-AC-4 MPSV-AC',
      'MPSV-A-2 catch_up_age_limit',
    ]));
  it('25 months with both MPSV-A: MPSV-AC at 3 years', () =>
    expect(
      men('2024-01-15', '2026-02-15', [rec('MPSV-A', 1, '2024-07-15'), rec('MPSV-A', 2, '2024-10-15')]),
    ).toEqual(['2027-01-15 MPSV-AC-3 MPSV-AC', '2030-01-15 MPSV-AC-4 MPSV-AC']));
});

describe('injected live vaccines: the same day or 28 days apart', () => {
  it('JE-L-1 waits 28 days after an MMR-1 given alone', () => {
    const s = vaccinationStatus({
      birthDate: B,
      today: '2024-09-20',
      records: [rec('MMR', 1, '2024-09-15')],
      schedule,
    });
    expect(s.doses.find((d) => d.doseId === 'JE-L-1')!.earliestDate).toBe('2024-10-13');
  });
  it('oral bOPV is not held back', () => {
    const s = vaccinationStatus({
      birthDate: B,
      today: '2024-05-20',
      records: [given('IPV-1', '2024-03-15'), given('IPV-2', '2024-04-15'), rec('MMR', 1, '2024-05-18')],
      schedule,
    });
    expect(s.doses.find((d) => d.doseId === 'bOPV-3')!.earliestDate).toBe('2024-05-20');
  });
  it.each([
    ['2024-01-01', ['2024-01-01'], '2024-01-01'],
    ['2024-01-02', ['2024-01-01'], '2024-01-29'],
    ['2024-01-28', ['2024-01-01'], '2024-01-29'],
    ['2024-01-29', ['2024-01-01'], '2024-01-29'],
    ['2024-01-10', ['2024-01-01', '2024-01-20'], '2024-02-17'],
    ['2024-01-01', ['2024-01-29'], '2024-01-01'],
    ['2024-01-01', ['2024-01-20'], '2024-01-20'],
    ['2024-01-01', ['2024-01-15'], '2024-01-15'],
  ])('spacedDate(%s, %j) = %s', (from, others, want) =>
    expect(spacedDate(from, others, { days: 28 })).toBe(want),
  );
});

describe('next dose', () => {
  it('a newborn: HepB-1 and BCG today', () => {
    const s = vaccinationStatus({ birthDate: B, today: B, records: [], schedule });
    expect(s.next).toEqual({ doseId: 'HepB-1', vaccine: 'HepB', date: B });
    expect(s.scheduleVersion).toBe('2021');
  });
  it('after the birth doses: HepB-2 at 1 month', () =>
    expect(
      vaccinationStatus({
        birthDate: B,
        today: '2024-01-20',
        records: [given('HepB-1', B), given('BCG-1', B)],
        schedule,
      }).next,
    ).toEqual({ doseId: 'HepB-2', vaccine: 'HepB', date: '2024-02-15' }));
  it('a record beyond the series does not change anything', () => {
    const records = [given('BCG-1', B), rec('BCG', 1, '2024-03-01')];
    const s = vaccinationStatus({ birthDate: B, today: '2024-03-02', records, schedule });
    expect(s.doses.find((d) => d.doseId === 'BCG-1')!.record).toBe(records[0]);
  });
});
