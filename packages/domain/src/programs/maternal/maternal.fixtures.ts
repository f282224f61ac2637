/** Valid forms of each maternal type, for the tests (synthetic data). */

export const FIRST = {
  gestationalAge: { weeks: 10, days: 0 },
  gravidity: 2,
  parity: { vaginal: 1, caesarean: 0 },
  lmp: '2025-01-01',
  dueDate: '2025-10-08',
  pastHistory: { codes: ['1'] },
  personalHistory: { codes: ['1'] },
  gynaecologicalSurgery: { code: '1' },
  pregnancyHistory: {
    spontaneousAbortion: 0,
    inducedAbortion: 0,
    fetalDeath: 0,
    stillbirth: 0,
    neonatalDeath: 0,
    birthDefect: 0,
  },
  heightCm: 160,
  weightKg: 55,
  bp: { sbp: 112, dbp: 70 },
  auscultation: { heart: { code: '1' }, lungs: { code: '1' } },
  overallAssessment: { code: '1' },
  guidance: { codes: ['1', '3'] },
  referral: { code: '1' },
  doctor: '王医生',
};

export const FOLLOW = {
  kind: 'examined',
  visitNumber: 2,
  gestationalAge: { weeks: 18, days: 2 },
  complaint: '无',
  weightKg: 58,
  fundalHeightCm: 18,
  abdominalCircumferenceCm: 85,
  fetalPosition: '头位',
  fetalHeartRate: 145,
  bp: { sbp: 110, dbp: 70 },
  hemoglobin: 120,
  urineProtein: '-',
  classification: { code: '1' },
  guidance: { codes: ['1', '2'] },
  referral: { code: '1' },
  doctor: '王医生',
};

const body = {
  deliveryDate: '2025-10-01',
  dischargeDate: '2025-10-04',
  generalHealth: '良好',
  mentalState: '良好',
  breasts: { code: '1' },
  lochia: { code: '1' },
  uterus: { code: '1' },
  wound: { code: '1' },
  doctor: '王医生',
};
export const POSTPARTUM = {
  kind: 'examined',
  ...body,
  temperature: 36.8,
  bp: { sbp: 118, dbp: 76 },
  classification: { code: '1' },
  guidance: { codes: ['4', '5'] },
  referral: { code: '1' },
};
export const CHECK42 = {
  kind: 'examined',
  ...body,
  classification: { code: '1' },
  guidance: { codes: ['2', '3'] },
  handling: { code: '1' },
};
export const OUTCOME = {
  outcome: { code: '1' },
  date: '2025-10-01',
  gestationalAge: { weeks: 39, days: 0 },
  deliveryMode: '1',
  babies: [{ sex: '2', bornAlive: true, birthWeightG: 3200, residentId: 42 }],
  doctor: '王医生',
};
