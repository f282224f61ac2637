/** Valid forms of each child type, for the tests (synthetic data). */

const ok = { code: '1' } as const;

export const NEWBORN = {
  name: '李芳之男',
  sex: '1',
  birthDate: '2024-03-01',
  mother: { name: '李芳', phone: '13800000000' },
  gestationalAge: { weeks: 39, days: 2 },
  motherIllness: { codes: ['1'] },
  deliveryInstitution: '县妇幼保健院',
  birthSituation: { codes: ['1'] },
  asphyxia: { code: '1' },
  malformation: ok,
  hearingScreening: '1',
  diseaseScreening: { codes: ['2'] },
  birthWeightKg: 3.3,
  currentWeightKg: 3.4,
  birthLengthCm: 50,
  feeding: '1',
  milkMl: 60,
  feedsPerDay: 8,
  vomiting: ok,
  stool: ok,
  stoolsPerDay: 3,
  temperature: 36.8,
  heartRate: 140,
  respiratoryRate: 40,
  complexion: ok,
  jaundice: { codes: ['1'] },
  fontanelle: { code: '1', size: { lengthCm: 2, widthCm: 2 } },
  eyes: ok,
  limbs: ok,
  ears: ok,
  neckMass: ok,
  nose: ok,
  skin: ok,
  mouth: ok,
  anus: ok,
  heartLung: ok,
  chest: ok,
  abdomen: ok,
  genitals: ok,
  spine: ok,
  umbilicalCord: ok,
  referral: ok,
  guidance: { codes: ['1', '2'] },
  dischargeDate: '2024-03-03',
  nextVisitPlace: '乡镇卫生院',
  doctor: '王医生',
};

const checkBase = {
  chest: ok,
  abdomen: ok,
  illness: ok,
  referral: ok,
  doctor: '王医生',
};

const underThreeBase = {
  ...checkBase,
  complexion: ok,
  skin: ok,
  fontanelle: { code: '2', size: { lengthCm: 1.5, widthCm: 1.5 } },
  eyes: ok,
  ears: ok,
  limbs: ok,
  outdoorHours: 1,
  vitaminDIu: 400,
  guidance: { codes: ['1', '2'] },
};

/** The 满月 check of a boy: weight and length on the WHO median at 1 month. */
export const INFANT_1 = {
  ...underThreeBase,
  monthAge: 1,
  weightKg: 4.5,
  lengthCm: 54.7,
  headCm: 37.3,
  neckMass: ok,
  mouth: ok,
  umbilicus: { code: '2' },
  anusGenitals: ok,
};

export const INFANT_6 = {
  ...underThreeBase,
  monthAge: 6,
  weightKg: 7.9,
  lengthCm: 67.6,
  headCm: 43.3,
  neckMass: ok,
  teethErupted: 0,
  hearing: '1',
  ricketsSymptoms: { codes: ['1'] },
  ricketsSigns: { codes: ['1'] },
  hemoglobin: 120,
  development: { signs: [] },
  anusGenitals: ok,
};

export const TODDLER_18 = {
  ...underThreeBase,
  complexion: ok,
  monthAge: 18,
  weightKg: 10.9,
  lengthCm: 82.3,
  teeth: { erupted: 12, caries: 0 },
  gait: ok,
  ricketsSigns: { codes: ['1'] },
  hemoglobin: 125,
  development: { signs: [] },
};

export const PRESCHOOL_48 = {
  ...checkBase,
  monthAge: 48,
  weightKg: 16.3,
  heightCm: 103.3,
  physicalAssessment: { codes: ['1'] },
  vision: { left: 5.0, right: 5.0 },
  teeth: { count: 20, caries: 0 },
  hemoglobin: 125,
  development: { signs: [] },
  guidance: { codes: ['1', '2'] },
};

export const TCM_6 = {
  monthAge: 6,
  services: { codes: ['1', '2', '3'] },
  doctor: '王医生',
};
