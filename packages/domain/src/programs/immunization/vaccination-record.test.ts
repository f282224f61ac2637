import { describe, expect, it } from 'vitest';
import { schemaIssues } from '../../issues.ts';
import { checkVaccinationRecord } from './immunization.rules.ts';
import { SCHEDULE_2021 } from './schedules.ts';
import type { GivenDose } from './series-plan.ts';
import {
  aefiSchema,
  contraindicationSchema,
  vaccinationRecordSchema,
  type VaccinationRecord,
} from './vaccination-record.schema.ts';

const B = '2024-01-15';
const TODAY = '2031-01-01';
const record = (over: Partial<VaccinationRecord> = {}): VaccinationRecord => ({
  vaccine: 'HepB',
  doseNumber: 1,
  date: B,
  lotNumber: '202312A01',
  manufacturer: '某生物制品公司',
  site: 'right_upper_arm',
  route: 'intramuscular',
  institutionId: 'org-1',
  staff: { userId: 'u-1', name: '李医生' },
  source: 'jkda',
  sourceRecordId: null,
  ...over,
});
const r = (vaccine: string, doseNumber: number, date: string): GivenDose => ({ vaccine, doseNumber, date });
const check = (rec: VaccinationRecord, previous: GivenDose[] = [], today = TODAY) =>
  checkVaccinationRecord(rec, { birthDate: B, previous, schedule: SCHEDULE_2021, today });
const codes = (rec: VaccinationRecord, previous: GivenDose[] = []) => {
  const c = check(rec, previous);
  return {
    errors: c.errors.map((i) => `${i.field}:${i.code}`),
    warnings: c.warnings.map((i) => `${i.field}:${i.code}`),
    doseId: c.doseId,
  };
};
const mmr = { site: 'left_upper_arm', route: 'subcutaneous' } as const;
const dtap = (n: number, date: string) => record({ vaccine: 'DTaP', doseNumber: n, date });

describe('checkVaccinationRecord', () => {
  it.each<[string, VaccinationRecord, GivenDose[], string[], string[], string | null]>([
    ['HepB-1 on the day of birth', record(), [], [], [], 'HepB-1'],
    ['a date before birth', record({ date: '2024-01-14' }), [], ['date:before_birth'], [], null],
    ['a date after today', record({ date: '2031-01-02' }), [], ['date:in_future'], [], 'HepB-1'],
    ['an unknown vaccine', record({ vaccine: 'HPV' }), [], ['vaccine:unknown_vaccine'], [], null],
    [
      'JE-L has no 3rd dose',
      record({ vaccine: 'JE-L', doseNumber: 3, date: '2025-09-15', ...mmr }),
      [],
      ['doseNumber:dose_number_invalid'],
      [],
      null,
    ],
    ['the same vaccine twice on a day', record(), [r('HepB', 1, B)], ['date:duplicate_same_day'], [], null],
    [
      'a jkda record without a lot number',
      record({ lotNumber: null }),
      [],
      ['lotNumber:required'],
      [],
      'HepB-1',
    ],
    [
      'a provincial record without lot number and staff: kept',
      record({ lotNumber: null, staff: null, source: 'provincial', sourceRecordId: 'P-1' }),
      [],
      [],
      ['lotNumber:required', 'staff:required'],
      'HepB-1',
    ],
    ['a wrong route in jkda', record({ route: 'subcutaneous' }), [], ['route:route_mismatch'], [], 'HepB-1'],
    [
      'a wrong route imported',
      record({ route: 'oral', source: 'import', sourceRecordId: 'row-3' }),
      [],
      [],
      ['route:route_mismatch'],
      'HepB-1',
    ],
    [
      'MMR in the thigh',
      record({ vaccine: 'MMR', date: '2024-09-15', ...mmr, site: 'left_thigh' }),
      [],
      [],
      ['site:site_unusual'],
      'MMR-1',
    ],
    [
      'HepB-2 27 days after HepB-1',
      record({ doseNumber: 2, date: '2024-02-11' }),
      [r('HepB', 1, B)],
      [],
      ['date:before_due_age', 'date:interval_short'],
      'HepB-2',
    ],
    [
      'HepB-2 28 days after HepB-1 (late)',
      record({ doseNumber: 2, date: '2024-03-01' }),
      [r('HepB', 1, '2024-02-02')],
      [],
      [],
      'HepB-2',
    ],
    [
      'HepB-3 60 days after HepB-2 but under 4 months after HepB-1',
      record({ doseNumber: 3, date: '2024-07-30' }),
      [r('HepB', 1, '2024-04-01'), r('HepB', 2, '2024-05-31')],
      [],
      ['date:interval_short'],
      'HepB-3',
    ],
    [
      'HepB-3 exactly 4 months after HepB-1',
      record({ doseNumber: 3, date: '2024-08-01' }),
      [r('HepB', 1, '2024-04-01'), r('HepB', 2, '2024-05-31')],
      [],
      [],
      'HepB-3',
    ],
    ['DTaP-1 the day before 3 months', dtap(1, '2024-04-14'), [], [], ['date:before_due_age'], 'DTaP-1'],
    ['DTaP-1 at 3 months', dtap(1, '2024-04-15'), [], [], [], 'DTaP-1'],
    [
      'the 2nd HepB recorded as dose 3',
      record({ doseNumber: 3, date: '2024-02-15' }),
      [r('HepB', 1, B)],
      [],
      ['doseNumber:dose_number_mismatch'],
      'HepB-2',
    ],
    [
      'JE-I after JE-L-1',
      record({ vaccine: 'JE-I', doseNumber: 2, date: '2026-02-01' }),
      [r('JE-L', 1, '2024-09-15')],
      [],
      ['vaccine:alternative_mixed'],
      'JE-L-2',
    ],
    [
      'HepA-L 6 months after HepA-I-1 completes it',
      record({ vaccine: 'HepA-L', doseNumber: 2, date: '2026-01-15', ...mmr }),
      [r('HepA-I', 1, '2025-07-01')],
      [],
      [],
      'HepA-I-2',
    ],
    [
      'BCG at 4 years is not needed',
      record({ vaccine: 'BCG', date: '2028-01-15', route: 'intradermal' }),
      [],
      [],
      ['date:past_catch_up_age'],
      'BCG-1',
    ],
    [
      'BCG the day before 4 years',
      record({ vaccine: 'BCG', date: '2028-01-14', route: 'intradermal' }),
      [],
      [],
      [],
      'BCG-1',
    ],
    [
      'MMR 27 days after JE-L',
      record({ vaccine: 'MMR', date: '2024-10-12', ...mmr }),
      [r('JE-L', 1, '2024-09-15')],
      [],
      ['date:live_vaccine_spacing'],
      'MMR-1',
    ],
    [
      'MMR 28 days after JE-L',
      record({ vaccine: 'MMR', date: '2024-10-13', ...mmr }),
      [r('JE-L', 1, '2024-09-15')],
      [],
      [],
      'MMR-1',
    ],
    [
      'MMR on the day of JE-L',
      record({ vaccine: 'MMR', date: '2024-09-15', ...mmr }),
      [r('JE-L', 1, '2024-09-15')],
      [],
      [],
      'MMR-1',
    ],
    [
      'bOPV (oral) the day after MMR',
      record({ vaccine: 'bOPV', doseNumber: 3, date: '2024-09-16', site: 'oral', route: 'oral' }),
      [r('IPV', 1, '2024-03-15'), r('IPV', 2, '2024-04-15'), r('MMR', 1, '2024-09-15')],
      [],
      [],
      'bOPV-3',
    ],
    [
      'a second BCG',
      record({ vaccine: 'BCG', date: '2024-03-01', route: 'intradermal' }),
      [r('BCG', 1, B)],
      [],
      ['vaccine:series_already_complete'],
      null,
    ],
    [
      'DT 20 days after DTaP-1 at 6 years (DT catch-up: 1 month)',
      record({ vaccine: 'DT', doseNumber: 2, date: '2030-02-04' }),
      [r('DTaP', 1, '2030-01-15')],
      [],
      ['date:interval_short'],
      'DTaP-2',
    ],
  ])('%s', (_name, rec, previous, errors, warnings, doseId) =>
    expect(codes(rec, previous)).toEqual({ errors, warnings, doseId }),
  );
});

describe('vaccinationRecordSchema', () => {
  it('accepts a full record', () => expect(schemaIssues(vaccinationRecordSchema, record())).toEqual([]));
  it.each<[string, Record<string, unknown>, string, string]>([
    ['a provincial record needs its source id', { source: 'provincial' }, 'sourceRecordId', 'required'],
    ['site other needs text', { site: 'other' }, 'siteText', 'required'],
    ['an unknown site', { site: 'left_arm' }, 'site', 'invalid_value'],
    ['an unknown route', { route: 'nasal' }, 'route', 'invalid_value'],
    ['an impossible date', { date: '2024-02-30' }, 'date', 'not_a_date'],
    ['an unknown field', { batch: 'x' }, '', 'unrecognized_keys'],
    ['dose number 0', { doseNumber: 0 }, 'doseNumber', 'too_small'],
    ['a missing source', { source: undefined }, 'source', 'invalid_value'],
  ])('%s', (_name, over, path, code) =>
    expect(schemaIssues(vaccinationRecordSchema, { ...record(), ...over })).toContainEqual({
      path: path === '' ? [] : [path],
      code,
    }),
  );
});

describe('contraindicationSchema and aefiSchema', () => {
  const ci = {
    code: 'allergy',
    vaccine: 'MMR',
    kind: 'permanent',
    recordedOn: '2025-01-01',
    until: null,
    recordedBy: 'u-1',
  };
  const aefi = {
    vaccinationRecordId: 'v-1',
    vaccine: 'DTaP',
    vaccinationDate: '2025-01-01',
    onsetDate: '2025-01-02',
    symptoms: ['发热 38.6℃'],
    severity: 'non_serious',
    reported: true,
    reportedOn: '2025-01-03',
    reportId: null,
  };
  it('accepts valid entries', () => {
    expect(schemaIssues(contraindicationSchema, ci)).toEqual([]);
    expect(schemaIssues(aefiSchema, aefi)).toEqual([]);
  });
  it.each<[string, z, Record<string, unknown>, string, string]>([
    ['a permanent one with an end', 'ci', { until: '2025-06-01' }, 'until', 'permanent_has_end'],
    [
      'a temporary one ending before it was recorded',
      'ci',
      { kind: 'temporary', until: '2024-12-31' },
      'until',
      'before_recorded',
    ],
    ['other without text', 'ci', { code: 'other' }, 'text', 'required'],
    ['onset before the vaccination', 'aefi', { onsetDate: '2024-12-31' }, 'onsetDate', 'before_vaccination'],
    ['reported without a date', 'aefi', { reportedOn: null }, 'reportedOn', 'required'],
    ['a report date without a report', 'aefi', { reported: false }, 'reportedOn', 'not_reported'],
    [
      'reported before the onset',
      'aefi',
      { onsetDate: '2025-01-05', reportedOn: '2025-01-04' },
      'reportedOn',
      'before_onset',
    ],
    ['no symptoms', 'aefi', { symptoms: [] }, 'symptoms', 'too_small'],
  ])('%s', (_name, which, over, path, code) => {
    const [schema, base] = which === 'ci' ? [contraindicationSchema, ci] : [aefiSchema, aefi];
    expect(schemaIssues(schema, { ...base, ...over })).toContainEqual({ path: [path], code });
  });
});

type z = 'ci' | 'aefi';
