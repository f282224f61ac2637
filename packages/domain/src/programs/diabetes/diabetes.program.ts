/**
 * 2型糖尿病患者健康管理: the register a doctor enrols diagnosed patients in, and its follow-up form (at
 * least 4 face-to-face follow-ups a year; control judged by fasting glucose).
 */
import { dorsalisPedisMissing } from './annual-check.ts';
import type { HealthCheck } from '../healthcheck/health-check.schema.ts';
import type { ProgramDef } from '../program.ts';
import {
  chronicResultWords,
  CHRONIC_REGISTER_RULES,
  chronicRegisterExit,
  evaluateChronicFollowUp,
  type ChronicFollowUpForm,
} from '../chronic/followup.evaluate.ts';
import { diabetesFollowUpSchema } from './followup.schema.ts';

export const diabetesProgram: ProgramDef = {
  id: 'diabetes',
  label: { zh: '2型糖尿病患者健康管理', en: 'Type 2 diabetes care' },
  register: {
    ...CHRONIC_REGISTER_RULES,
    program: 'diabetes',
    label: { zh: '2型糖尿病', en: 'Type 2 diabetes' },
    tag: 'diabetes',
    historyDisease: '3',
    followUpType: 'diabetes_followup',
    annualCheck: { missing: (form) => dorsalisPedisMissing(form as HealthCheck), refuse: true },
    worklistTitle: { zh: '糖尿病随访名单', en: 'Diabetes follow-up list' },
  },
  services: [
    {
      type: 'diabetes_followup',
      label: { zh: '2型糖尿病随访', en: 'Type 2 diabetes follow-up' },
      schema: diabetesFollowUpSchema,
      register: 'diabetes',
      usesPrevious: true,
      evaluate: (form, ctx) => evaluateChronicFollowUp('diabetes', form as ChronicFollowUpForm, ctx),
      resultWords: chronicResultWords,
      registerExit: chronicRegisterExit,
    },
  ],
};
