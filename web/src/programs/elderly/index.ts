/** 老年人健康管理: the self-care assessment and the TCM constitution forms (the register is by age). */
import type { ProgramUi } from '../program-ui.ts';
import { selfCareDef } from './selfCareForm.tsx';
import { tcmDef } from './tcmForm.tsx';

export const elderlyUi: ProgramUi = {
  program: 'elderly',
  services: [selfCareDef, tcmDef],
};
