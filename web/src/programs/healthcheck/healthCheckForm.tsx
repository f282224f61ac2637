/**
 * The 健康体检表 (annual health check, 3rd edition) as a service form definition: the generic
 * service-record page hosts it (its <Form>, service date, delivery, save and sign) and calls these.
 */
import type { ServiceFormDef } from '../program-ui.ts';
import { HealthCheckFields } from './HealthCheckFields.tsx';
import { fromStored, initialForm, toPayload } from './healthCheckModel.ts';

export const healthCheckDef: ServiceFormDef = {
  type: 'health_check',
  title: { zh: '健康体检表', en: 'Health check' },
  initialForm,
  toPayload,
  fromStored,
  Fields: HealthCheckFields,
  measures: ['bp', 'glucose', 'weight'],
};
