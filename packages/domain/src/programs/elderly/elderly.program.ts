/**
 * 老年人健康管理: residents of 65 and over enter the register by age; each year a health check, the self-care
 * assessment (生活自理能力评估) and TCM constitution identification (中医药健康管理).
 */
import { elderlyCheckMissing } from './annual-check.ts';
import type { HealthCheck } from '../healthcheck/health-check.schema.ts';
import type { ProgramDef, ServiceContext, ServiceEvaluation } from '../program.ts';
import { NO_VALUES } from '../program.ts';
import { completedYears } from '../date-math.ts';
import {
  evaluateSelfCareForm,
  evaluateTcmForm,
  selfCareFormSchema,
  tcmFormSchema,
  type SelfCareForm,
  type TcmForm,
} from './elderly-forms.schema.ts';
import { SELF_CARE_LEVELS } from './self-care.rules.ts';
import { CONSTITUTIONS } from './tcm-constitution.rules.ts';

export const ELDERLY_MIN_AGE = 65;

const elderlyOn = (birthDate: string, on: string) => completedYears(birthDate, on) >= ELDERLY_MIN_AGE;

/** A record for a resident under 65 is kept, with a warning on its date. */
function ageWarning(ctx: ServiceContext): ServiceEvaluation['warnings'] {
  return elderlyOn(ctx.birthDate, ctx.serviceDate)
    ? []
    : [{ field: 'serviceDate', code: 'below_elderly_age' }];
}

export const elderlyProgram: ProgramDef = {
  id: 'elderly',
  label: { zh: '老年人健康管理', en: 'Elderly care' },
  register: {
    program: 'elderly',
    label: { zh: '老年人', en: 'Elderly (65+)' },
    entry: { by: 'age', minAge: ELDERLY_MIN_AGE },
    tag: 'elderly',
    dueYearsAfterCheck: 1,
    annualCheck: { missing: (form) => elderlyCheckMissing(form as HealthCheck) },
    worklist: ['overdue', 'due_week', 'check_missing'],
    worklistTitle: { zh: '老年人健康管理名单', en: 'Elderly care list' },
  },
  services: [
    {
      type: 'elderly_self_care',
      label: { zh: '老年人生活自理能力评估', en: 'Elderly self-care assessment' },
      schema: selfCareFormSchema,
      appliesTo: (r, on) => elderlyOn(r.birthDate, on),
      evaluate(form, ctx) {
        const r = evaluateSelfCareForm(form as SelfCareForm);
        // The category is the queryable result (可自理 … 不能自理) for the indicators.
        return {
          errors: r.errors,
          warnings: ageWarning(ctx),
          values: { ...NO_VALUES, classification: r.category },
        };
      },
      resultWords: (c, lang) => SELF_CARE_LEVELS.find((l) => l.key === c)?.[lang] ?? '',
    },
    {
      type: 'elderly_tcm',
      label: { zh: '老年人中医药健康管理', en: 'Elderly TCM health management' },
      schema: tcmFormSchema,
      appliesTo: (r, on) => elderlyOn(r.birthDate, on),
      evaluate(form, ctx) {
        const r = evaluateTcmForm(form as TcmForm);
        return {
          errors: r.errors.map((e) => ({ field: e.field, code: e.code })),
          warnings: [...r.warnings.map((w) => ({ field: w.field, code: w.code })), ...ageWarning(ctx)],
          values: { ...NO_VALUES, classification: r.assessment.primary },
        };
      },
      resultWords: (c, lang) => CONSTITUTIONS.find((k) => k.key === c)?.[lang] ?? '',
    },
  ],
};
