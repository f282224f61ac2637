/**
 * Hypertension (高血压患者随访服务记录表) and type 2 diabetes (2型糖尿病患者随访服务记录表) follow-up forms,
 * 3rd edition (FACTS §3.6, §3.7), and the envelope every service record shares.
 */
import { z } from 'zod';
import { isoDate } from '../resident.schema.ts';
import { healthCheckSchema } from './health-check.schema.ts';
import { selfCareFormSchema, tcmFormSchema } from './elderly-forms.schema.ts';
import {
  consultationSchema,
  encounterSchema,
  referralBackSchema,
  referralOutSchema,
} from './general-forms.schema.ts';

/** Every kind of service record of this release; maternal, child, immunization … join the list later. */
export const SERVICE_TYPES = [
  'hypertension_followup',
  'diabetes_followup',
  'health_check',
  'elderly_self_care',
  'elderly_tcm',
  'encounter',
  'consultation',
  'referral_out',
  'referral_back',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** How the service was delivered: 1 门诊 clinic, 2 家庭 home, 3 电话 phone (the form's 随访方式). */
export const DELIVERY = ['clinic', 'home', 'phone'] as const;

export const HYPERTENSION_SYMPTOMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const; // 10 = 其他
export const DIABETES_SYMPTOMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const; // 10 = 其他
const level3 = z.enum(['1', '2', '3']); // 良好/一般/差, 轻/中/重, 规律/间断/不服药 …
const num = (min: number, max: number) => z.number().min(min).max(max);

const drug = z
  .object({
    name: z.string().trim().min(1, { message: 'required' }).max(50),
    timesPerDay: num(0, 12),
    dose: z.string().trim().max(30),
  })
  .strict();

const followUpBase = {
  symptoms: z
    .object({
      codes: z.array(z.string()).min(1, { message: 'choice_required' }),
      other: z.string().trim().max(100).optional(),
    })
    .strict()
    .refine((v) => !v.codes.includes('1') || v.codes.length === 1, {
      message: 'choice_exclusive',
      path: ['codes'],
    }),
  sbp: z.number().int(),
  dbp: z.number().int(),
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
    .strict(),
  otherTests: z.string().trim().max(200).optional(),
  medicationAdherence: level3,
  adverseReaction: z
    .object({ has: z.boolean(), description: z.string().trim().max(100).optional() })
    .strict(),
  /** A new complication, or an existing one worse, at this visit. */
  complication: z.boolean().default(false),
  /** 此次随访分类: 1 控制满意 2 控制不满意 3 不良反应 4 并发症 (the most severe). */
  classification: z.enum(['1', '2', '3', '4']),
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
  notes: z.string().trim().max(500).optional(),
};

export const hypertensionFollowUpSchema = z
  .object({
    ...followUpBase,
    saltIntake: level3.optional(),
    saltTarget: level3.optional(),
  })
  .strict();

export const diabetesFollowUpSchema = z
  .object({
    ...followUpBase,
    dorsalisPedis: z
      .enum(['normal', 'weak_both', 'weak_left', 'weak_right', 'absent_both', 'absent_left', 'absent_right'])
      .optional(),
    stapleGramsPerDay: num(0, 2000).optional(),
    stapleTarget: num(0, 2000).optional(),
    fastingGlucose: num(0, 60),
    hba1c: num(0, 25).optional(),
    hba1cDate: isoDate.optional(),
    hypoglycemia: level3.optional(),
    insulin: z
      .object({ kind: z.string().trim().min(1).max(50), usage: z.string().trim().max(50) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // An HbA1c value means little without the day of the test (the form asks for both).
    if (v.hba1c !== undefined && !v.hba1cDate)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['hba1cDate'] });
  });

export type HypertensionFollowUp = z.infer<typeof hypertensionFollowUpSchema>;
export type DiabetesFollowUp = z.infer<typeof diabetesFollowUpSchema>;

/** The schema of each service type's form (the envelope is the same for all). */
export const FORM_SCHEMAS = {
  hypertension_followup: hypertensionFollowUpSchema,
  diabetes_followup: diabetesFollowUpSchema,
  health_check: healthCheckSchema,
  elderly_self_care: selfCareFormSchema,
  elderly_tcm: tcmFormSchema,
  encounter: encounterSchema,
  consultation: consultationSchema,
  referral_out: referralOutSchema,
  referral_back: referralBackSchema,
} as const satisfies Record<ServiceType, z.ZodType>;

/** The envelope of every service record (this issue's follow-ups and the programs that follow). */
export const serviceRecordCreateSchema = z
  .object({
    type: z.enum(SERVICE_TYPES),
    serviceDate: isoDate,
    delivery: z.enum(DELIVERY),
    /** The form's own fields, validated by the schema of `type`. */
    form: z.record(z.string(), z.unknown()),
    /** Save as draft (default) or sign at once. */
    sign: z.boolean().default(false),
  })
  .strict();
export type ServiceRecordCreate = z.infer<typeof serviceRecordCreateSchema>;

export const serviceRecordAmendSchema = z
  .object({
    serviceDate: isoDate,
    delivery: z.enum(DELIVERY),
    form: z.record(z.string(), z.unknown()),
    version: z.number().int().positive(),
    reason: z.string().trim().max(200).optional(),
  })
  .strict();
export type ServiceRecordAmend = z.infer<typeof serviceRecordAmendSchema>;
