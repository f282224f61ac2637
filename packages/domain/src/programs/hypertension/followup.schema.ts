/** The hypertension follow-up form (高血压患者随访服务记录表, 3rd edition, FACTS §3.6). */
import { z } from 'zod';
import { followUpBase, symptomsOf, level3 } from '../chronic/followup-base.schema.ts';

export const HYPERTENSION_SYMPTOMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const; // 10 = 其他

export const hypertensionFollowUpSchema = z
  .object({
    ...followUpBase,
    symptoms: symptomsOf(HYPERTENSION_SYMPTOMS).optional(),
    saltIntake: level3.optional(),
    saltTarget: level3.optional(),
  })
  .strict();

export type HypertensionFollowUp = z.infer<typeof hypertensionFollowUpSchema>;
