/**
 * 健康体检表: the health check every resident may have, and the annual check of the registers that ask for one
 * registers (a signed one counts as the year's check).
 */
import type { ProgramDef } from '../program.ts';
import { NO_VALUES } from '../program.ts';
import { evaluateHealthCheck } from './health-check.rules.ts';
import { healthCheckSchema, type HealthCheck } from './health-check.schema.ts';

export const healthCheckProgram: ProgramDef = {
  id: 'health_check',
  label: { zh: '健康体检', en: 'Health check' },
  services: [
    {
      type: 'health_check',
      label: { zh: '健康体检', en: 'Health check' },
      schema: healthCheckSchema,
      annualCheck: true,
      evaluate(form, ctx) {
        const r = evaluateHealthCheck(form as HealthCheck, ctx);
        return {
          errors: r.errors,
          warnings: r.warnings,
          values: {
            ...NO_VALUES,
            sbp: r.sbp,
            dbp: r.dbp,
            fastingGlucose: r.fastingGlucoseMmol,
            weightKg: r.weightKg,
          },
        };
      },
    },
  ],
};
