/** Records of general practice for any resident: encounter (接诊), consultation (会诊), two-way referral. */
import type { ProgramDef, ServiceEvaluation } from '../program.ts';
import { NO_VALUES } from '../program.ts';
import {
  consultationSchema,
  encounterSchema,
  referralBackSchema,
  referralOutSchema,
} from './general-forms.schema.ts';

const noRules = (): ServiceEvaluation => ({ errors: [], warnings: [], values: NO_VALUES });

export const generalProgram: ProgramDef = {
  id: 'general',
  label: { zh: '基本医疗', en: 'General practice' },
  services: [
    {
      type: 'encounter',
      label: { zh: '接诊记录', en: 'Encounter' },
      schema: encounterSchema,
      evaluate: noRules,
    },
    {
      type: 'consultation',
      label: { zh: '会诊记录', en: 'Consultation' },
      schema: consultationSchema,
      evaluate: noRules,
    },
    {
      type: 'referral_out',
      label: { zh: '双向转诊（转出）', en: 'Referral out' },
      schema: referralOutSchema,
      evaluate: noRules,
    },
    {
      type: 'referral_back',
      label: { zh: '双向转诊（回转）', en: 'Referral back' },
      schema: referralBackSchema,
      links: [{ field: 'outReferralId', type: 'referral_out', code: 'referral_not_found' }],
      evaluate: noRules,
    },
  ],
};
