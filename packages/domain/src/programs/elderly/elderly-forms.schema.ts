/**
 * The two forms of the elderly programme as records: 老年人生活自理能力评估表 (FACTS §3.10) and
 * 老年人中医药健康管理服务记录表 (FACTS §3.11). Scoring is that of self-care.rules.ts and
 * tcm-constitution.rules.ts; these schemas add what the user records besides the answers (a total or
 * category copied from paper, the guidance given) and check it against the computed result.
 */
import { z } from 'zod';
import {
  assessSelfCare,
  selfCareAnswersSchema,
  SELF_CARE_MAX_TOTAL,
  type SelfCareCode,
  type SelfCareLevel,
} from './self-care.rules.ts';
import {
  assessTcmConstitution,
  tcmAnswersSchema,
  tcmGuidanceSchema,
  type Constitution,
  type TcmAssessment,
} from './tcm-constitution.rules.ts';

export interface FormIssue {
  field: string;
  code: string;
}

export const selfCareFormSchema = z
  .object({
    answers: selfCareAnswersSchema,
    /** Total as recorded (e.g. copied from a paper form); checked against the item scores. */
    total: z.int().min(0).max(SELF_CARE_MAX_TOTAL).optional(),
    /** Category as recorded. */
    category: z.enum(['independent', 'mild', 'moderate', 'dependent']).optional(),
  })
  .strict();
export type SelfCareForm = z.infer<typeof selfCareFormSchema>;

export interface SelfCareFormEvaluation {
  /** score_mismatch on 'total' or 'category' when the recorded one differs from the computed one. */
  errors: FormIssue[];
  total: number;
  category: SelfCareLevel;
  /** Code for the health check's 生活自理能力自我评估 (1–4). */
  code: SelfCareCode;
}

export function evaluateSelfCareForm(form: SelfCareForm): SelfCareFormEvaluation {
  const r = assessSelfCare(form.answers);
  const errors: FormIssue[] = [];
  if (form.total !== undefined && form.total !== r.total)
    errors.push({ field: 'total', code: 'score_mismatch' });
  if (form.category !== undefined && form.category !== r.category)
    errors.push({ field: 'category', code: 'score_mismatch' });
  return { errors, total: r.total, category: r.category, code: r.code };
}

export const tcmFormSchema = z
  .object({
    /** 33 answers, index 0 = question 1. */
    answers: tcmAnswersSchema,
    /** One entry per constitution guided (at most the 9 constitutions, each once). */
    guidance: z
      .array(tcmGuidanceSchema)
      .max(9)
      .refine((a) => new Set(a.map((g) => g.constitution)).size === a.length, {
        message: 'choice_duplicate',
      })
      .default([]),
    /** Guidance beyond the per-constitution options (free text). */
    otherGuidance: z.string().trim().max(500).optional(),
  })
  .strict();
export type TcmForm = z.infer<typeof tcmFormSchema>;

export interface TcmFormIssue extends FormIssue {
  constitution: Constitution;
}

export interface TcmFormEvaluation {
  /** guidance_missing (field 'guidance'): a constitution of assessment.guidanceFor has no guidance. */
  errors: TcmFormIssue[];
  /** guidance_not_indicated (field 'guidance.<i>.constitution'): guidance for a constitution not identified. */
  warnings: TcmFormIssue[];
  assessment: TcmAssessment;
}

export function evaluateTcmForm(form: TcmForm): TcmFormEvaluation {
  const assessment = assessTcmConstitution(form.answers);
  const given = new Set(form.guidance.map((g) => g.constitution));
  const errors: TcmFormIssue[] = assessment.guidanceFor
    .filter((c) => !given.has(c))
    .map((constitution) => ({ field: 'guidance', code: 'guidance_missing', constitution }));
  const warnings: TcmFormIssue[] = [];
  form.guidance.forEach((g, i) => {
    if (!assessment.guidanceFor.includes(g.constitution))
      warnings.push({
        field: `guidance.${i}.constitution`,
        code: 'guidance_not_indicated',
        constitution: g.constitution,
      });
  });
  return { errors, warnings, assessment };
}
