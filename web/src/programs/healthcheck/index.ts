/** 健康体检: the health check form; its records carry blood pressure, fasting glucose and weight. */
import type { ProgramUi } from '../program-ui.ts';
import { healthCheckDef } from './healthCheckForm.tsx';

export const healthCheckUi: ProgramUi = {
  program: 'health_check',
  services: [healthCheckDef],
};
