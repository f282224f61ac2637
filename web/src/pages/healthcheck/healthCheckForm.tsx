/**
 * The 健康体检表 (annual health check, 3rd edition) as a service form definition: the generic
 * service-record page hosts it (its <Form>, service date, delivery, save and sign) and calls these.
 */
import type { ComponentType } from 'react';
import { HealthCheckFields } from './HealthCheckFields.tsx';
import { fromStored, initialForm, toPayload } from './healthCheckModel.ts';

/** The host page's contract for a service form (matched structurally). */
export interface ServiceFormDef {
  type: string;
  title: { zh: string; en: string };
  /** antd values of the `form` part for a new record; `last` is the resident's last signed form or null. */
  initialForm(ctx: {
    birthDate: string;
    sex: string;
    today: string;
    last: Record<string, unknown> | null;
  }): Record<string, unknown>;
  /** antd values of the `form` part → the API's `form` (empty strings and objects dropped). */
  toPayload(values: Record<string, unknown>): Record<string, unknown>;
  /** stored API `form` → antd values. */
  fromStored(stored: Record<string, unknown>): Record<string, unknown>;
  /** <Form.Item name={['form', …]}> items inside the host's <Form>. */
  Fields: ComponentType<{ birthDate: string; sex: string; serviceDate: string; readOnly: boolean }>;
}

export const healthCheckDef: ServiceFormDef = {
  type: 'health_check',
  title: { zh: '健康体检表', en: 'Health check' },
  initialForm,
  toPayload,
  fromStored,
  Fields: HealthCheckFields,
};
