/**
 * 高血压患者健康管理: the register a doctor enrols diagnosed patients in, and its follow-up form (at least 4
 * face-to-face follow-ups a year; the next visit by the spec's rule).
 */
import type { ProgramDef } from '../program.ts';
import {
  chronicResultWords,
  CHRONIC_REGISTER_RULES,
  chronicRegisterExit,
  evaluateChronicFollowUp,
  type ChronicFollowUpForm,
} from '../chronic/followup.evaluate.ts';
import { hypertensionFollowUpSchema } from './followup.schema.ts';

export const hypertensionProgram: ProgramDef = {
  id: 'hypertension',
  label: { zh: '高血压患者健康管理', en: 'Hypertension care' },
  register: {
    ...CHRONIC_REGISTER_RULES,
    program: 'hypertension',
    label: { zh: '高血压', en: 'Hypertension' },
    tag: 'hypertension',
    historyDisease: '2',
    followUpType: 'hypertension_followup',
    worklistTitle: { zh: '高血压随访名单', en: 'Hypertension follow-up list' },
  },
  services: [
    {
      type: 'hypertension_followup',
      label: { zh: '高血压随访', en: 'Hypertension follow-up' },
      schema: hypertensionFollowUpSchema,
      register: 'hypertension',
      usesPrevious: true,
      evaluate: (form, ctx) => evaluateChronicFollowUp('hypertension', form as ChronicFollowUpForm, ctx),
      resultWords: chronicResultWords,
      registerExit: chronicRegisterExit,
    },
  ],
};
