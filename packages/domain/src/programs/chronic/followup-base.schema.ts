/**
 * What the hypertension (高血压患者随访服务记录表) and type 2 diabetes (2型糖尿病患者随访服务记录表) follow-up
 * forms of the 3rd edition share (FACTS §3.6, §3.7): each program's folder adds its own fields.
 */
import { z } from 'zod';
import { isoDate } from '../../resident.schema.ts';

export const level3 = z.enum(['1', '2', '3']); // 良好/一般/差, 轻/中/重, 规律/间断/不服药 …
export const num = (min: number, max: number) => z.number().min(min).max(max);

const drug = z
  .object({
    name: z.string().trim().min(1, { message: 'required' }).max(50),
    timesPerDay: num(0, 12),
    dose: z.string().trim().max(30),
  })
  .strict();

/** 症状 of a follow-up form: codes of the program's own list; 1 (无症状) stands alone; the last (其他) needs its text. */
export function symptomsOf(codes: readonly [string, ...string[]]) {
  return z
    .object({
      // At least one code at a visit: the rules ask for it (a visit closed as lost or death has none).
      codes: z.array(z.enum(codes, { message: 'invalid_value' })),
      other: z.string().trim().max(100).optional(),
    })
    .strict()
    .refine((v) => !v.codes.includes('1') || v.codes.length === 1, {
      message: 'choice_exclusive',
      path: ['codes'],
    })
    .refine((v) => !v.codes.includes(codes[codes.length - 1]!) || !!v.other, {
      message: 'other_text_required',
      path: ['other'],
    });
}

/**
 * 随访结果: the visit took place; or it is closed as lost to follow-up (失访, with the reason), or the
 * patient has died (死亡, date and cause), as the form's notes allow. Only a visit has readings and a result.
 */
export const FOLLOW_UP_OUTCOMES = ['visited', 'lost', 'died'] as const;

export const followUpBase = {
  outcome: z.enum(FOLLOW_UP_OUTCOMES).default('visited'),
  lostReason: z.string().trim().min(1).max(200).optional(),
  death: z
    .object({
      date: isoDate,
      cause: z.string().trim().min(1, { message: 'required' }).max(200),
    })
    .strict()
    .optional(),
  /** Required at a clinic or home visit; a phone follow-up may have none (the rules check which). */
  sbp: z.number().int().optional(),
  dbp: z.number().int().optional(),
  /** 数值来源: measured at this visit, or reported by the patient (home monitor; the only kind by phone). */
  valuesSource: z.enum(['measured', 'reported']).optional(),
  weightKg: num(1, 400).optional(),
  targetWeightKg: num(1, 400).optional(),
  heightCm: num(30, 260).optional(),
  heartRate: z.number().int().min(0).max(350).optional(),
  signsOther: z.string().trim().max(100).optional(),
  lifestyle: z
    .object({
      cigarettesPerDay: num(0, 200).optional(),
      cigarettesTarget: num(0, 200).optional(),
      alcoholLiangPerDay: num(0, 100).optional(),
      alcoholTarget: num(0, 100).optional(),
      exerciseTimesPerWeek: num(0, 50).optional(),
      exerciseMinutes: num(0, 600).optional(),
      exerciseTargetTimesPerWeek: num(0, 50).optional(),
      exerciseTargetMinutes: num(0, 600).optional(),
      psychology: level3.optional(),
      compliance: level3.optional(),
    })
    .strict()
    .default({}),
  otherTests: z.string().trim().max(200).optional(),
  medicationAdherence: level3.optional(),
  adverseReaction: z
    .object({
      has: z.boolean(),
      description: z.string().trim().max(100).optional(),
      /** 药物不良反应难以控制: the reaction cannot be controlled at this level → referral. */
      uncontrollable: z.boolean().optional(),
    })
    .strict()
    .default({ has: false }),
  /** A new complication, or an existing one worse, at this visit. */
  complication: z.boolean().default(false),
  /** 此次随访分类: 1 控制满意 2 控制不满意 3 不良反应 4 并发症 (the most severe); a visit needs it. */
  classification: z.enum(['1', '2', '3', '4']).optional(),
  emergencyFlags: z.array(z.string().max(40)).max(20).default([]),
  medications: z.array(drug).max(10).default([]),
  medicationAdjustments: z.array(drug).max(10).default([]),
  referral: z
    .object({
      reason: z.string().trim().min(1, { message: 'required' }).max(100),
      institution: z.string().trim().min(1, { message: 'required' }).max(100),
      contact: z.string().trim().max(50).optional(),
      result: z.enum(['arrived', 'not_arrived']).optional(),
    })
    .strict()
    .optional(),
  /** The doctor may set another date than the computed one (kept with the computed one for audit). */
  nextVisitDate: isoDate.optional(),
  /** Why the next visit is later than the rule's date (required then). */
  nextVisitReason: z.string().trim().min(1).max(200).optional(),
  notes: z.string().trim().max(500).optional(),
};
