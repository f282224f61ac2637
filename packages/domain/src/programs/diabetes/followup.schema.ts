/** The type 2 diabetes follow-up form (2型糖尿病患者随访服务记录表, 3rd edition, FACTS §3.7). */
import { z } from 'zod';
import { isoDate } from '../../resident.schema.ts';
import { followUpBase, symptomsOf, level3, num } from '../chronic/followup-base.schema.ts';

export const DIABETES_SYMPTOMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const; // 10 = 其他

export const diabetesFollowUpSchema = z
  .object({
    ...followUpBase,
    symptoms: symptomsOf(DIABETES_SYMPTOMS).optional(),
    dorsalisPedis: z
      .enum(['normal', 'weak_both', 'weak_left', 'weak_right', 'absent_both', 'absent_left', 'absent_right'])
      .optional(),
    stapleGramsPerDay: num(0, 2000).optional(),
    stapleTarget: num(0, 2000).optional(),
    /** Required at a clinic or home visit (the rules check it). */
    fastingGlucose: num(0, 60).optional(),
    /** Body temperature °C (above 39 °C is an emergency referral criterion for diabetes). */
    temperature: num(30, 45).optional(),
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

export type DiabetesFollowUp = z.infer<typeof diabetesFollowUpSchema>;
