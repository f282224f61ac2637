import { describe, it, expect } from 'vitest';
import type { z } from 'zod';
import {
  NOTE_MAX,
  consultationSchema,
  encounterSchema,
  referralBackSchema,
  referralOutSchema,
} from './general-forms.schema.ts';

function issues(schema: z.ZodType, input: unknown): [string, string][] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => [i.path.join('.'), /^[a-z_]+$/.test(i.message) ? i.message : i.code]);
}

const encounter = {
  subjective: '头晕3天',
  objective: 'BP 150/95',
  assessment: '高血压',
  plan: '调整用药，2周复诊',
};
const consultation = {
  reason: '血压控制不佳',
  opinion: '加用利尿剂',
  consultants: [{ doctor: '李医生', institution: '县人民医院' }],
  responsibleDoctor: '王医生',
};
const out = {
  toInstitution: '县人民医院',
  toDepartment: '心内科',
  impression: '高血压3级',
  presentIllness: '血压持续升高',
  pastHistory: '高血压10年',
  treatment: '氨氯地平',
  referringDoctor: '王医生',
};
const back = {
  diagnosis: '高血压3级',
  mainResults: '心电图左室高电压',
  treatment: '住院7天',
  nextPlan: '继续服药，每月随访',
  fromInstitution: '县人民医院',
  doctor: '李医生',
};

describe('valid forms', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['encounter (minimal)', encounterSchema, encounter],
    ['encounter with prescription', encounterSchema, { ...encounter, healthPrescription: '低盐饮食' }],
    ['consultation (one consultant)', consultationSchema, consultation],
    [
      'consultation (five consultants)',
      consultationSchema,
      { ...consultation, consultants: Array.from({ length: 5 }, () => consultation.consultants[0]) },
    ],
    ['referral out (minimal)', referralOutSchema, out],
    [
      'referral out (full)',
      referralOutSchema,
      { ...out, receivingDoctor: '张医生', contactPhone: '13912345678' },
    ],
    ['referral back (minimal)', referralBackSchema, back],
    ['referral back (full)', referralBackSchema, { ...back, inpatientNo: 'ZY2025-001', outReferralId: 42 }],
  ])('%s', (_n, schema, input) => expect(issues(schema, input)).toEqual([]));
});

describe('invalid forms', () => {
  it.each<[string, z.ZodType, unknown, string, string]>([
    ['blank subjective', encounterSchema, { ...encounter, subjective: '  ' }, 'subjective', 'required'],
    ['missing plan', encounterSchema, { ...encounter, plan: undefined }, 'plan', 'invalid_type'],
    [
      'assessment too long',
      encounterSchema,
      { ...encounter, assessment: 'x'.repeat(NOTE_MAX + 1) },
      'assessment',
      'too_big',
    ],
    ['unknown field', encounterSchema, { ...encounter, doctor: 'x' }, '', 'unrecognized_keys'],
    ['no consultant', consultationSchema, { ...consultation, consultants: [] }, 'consultants', 'required'],
    [
      'six consultants',
      consultationSchema,
      { ...consultation, consultants: Array.from({ length: 6 }, () => consultation.consultants[0]) },
      'consultants',
      'too_big',
    ],
    [
      'consultant without institution',
      consultationSchema,
      { ...consultation, consultants: [{ doctor: '李医生', institution: '' }] },
      'consultants.0.institution',
      'required',
    ],
    [
      'no responsible doctor',
      consultationSchema,
      { ...consultation, responsibleDoctor: '' },
      'responsibleDoctor',
      'required',
    ],
    ['no department', referralOutSchema, { ...out, toDepartment: '' }, 'toDepartment', 'required'],
    ['bad phone', referralOutSchema, { ...out, contactPhone: '12345' }, 'contactPhone', 'phone_invalid'],
    ['no next plan', referralBackSchema, { ...back, nextPlan: '' }, 'nextPlan', 'required'],
    ['link id 0', referralBackSchema, { ...back, outReferralId: 0 }, 'outReferralId', 'too_small'],
    [
      'link id not an integer',
      referralBackSchema,
      { ...back, outReferralId: 1.5 },
      'outReferralId',
      'invalid_type',
    ],
  ])('%s → %s %s', (_n, schema, input, path, code) => {
    expect(issues(schema, input)).toContainEqual([path, code]);
  });
});
