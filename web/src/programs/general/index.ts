/** 基本医疗: the general-practice records any resident may have (encounter, consultation, two-way referral). */
import type { ProgramUi } from '../program-ui.ts';
import { consultationDef, encounterDef, referralBackDef, referralOutDef } from './generalForms.tsx';

export const generalUi: ProgramUi = {
  program: 'general',
  services: [encounterDef, consultationDef, referralOutDef, referralBackDef],
};
