/**
 * The registry of service record forms that the generic service page (ServiceRecordPage) can show. A form is
 * a ServiceFormDef: how a new record starts, how antd values become the API's `form` and back, and the
 * fields. To add a type, write a def (see selfCareForm.tsx) and add it to DEFS below.
 */
import type { ComponentType } from 'react';
import { consultationDef, encounterDef, referralBackDef, referralOutDef } from './generalForms.tsx';
import { diabetesFollowUpView, hypertensionFollowUpView } from './followUpView.tsx';
import { selfCareDef } from './selfCareForm.tsx';
import { tcmDef } from './tcmForm.tsx';
import { healthCheckDef } from '../healthcheck/healthCheckForm.tsx';

export interface ServiceFormDef {
  type: string;
  title: { zh: string; en: string };
  /** antd values of the `form` part for a new record; `last` is the resident's last signed form of this type (carry-over) or null. */
  initialForm(ctx: {
    birthDate: string;
    sex: string;
    today: string;
    last: Record<string, unknown> | null;
  }): Record<string, unknown>;
  /** antd values of the `form` part → the API's `form`. */
  toPayload(values: Record<string, unknown>): Record<string, unknown>;
  /** stored API `form` → antd values. */
  fromStored(stored: Record<string, unknown>): Record<string, unknown>;
  /** Renders <Form.Item name={['form', …]}> items inside the page's <Form>; may use Form.useFormInstance()/Form.useWatch for live rules. */
  Fields: ComponentType<{ birthDate: string; sex: string; serviceDate: string; readOnly: boolean }>;
}

const DEFS: ServiceFormDef[] = [
  hypertensionFollowUpView,
  diabetesFollowUpView,
  healthCheckDef,
  selfCareDef,
  tcmDef,
  encounterDef,
  consultationDef,
  referralOutDef,
  referralBackDef,
];

export const SERVICE_FORMS: ReadonlyMap<string, ServiceFormDef> = new Map(DEFS.map((d) => [d.type, d]));

export function serviceFormOf(type: string): ServiceFormDef | undefined {
  return SERVICE_FORMS.get(type);
}

/** Follow-ups are recorded on FollowUpPage; the generic page only shows them. */
export const FOLLOW_UP_TYPES: readonly string[] = ['hypertension_followup', 'diabetes_followup'];
/** Forms of the elderly programme: for residents aged 65 and over. */
export const ELDERLY_TYPES: readonly string[] = ['elderly_self_care', 'elderly_tcm'];
