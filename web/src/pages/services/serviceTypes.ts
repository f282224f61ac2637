/** Names of the service types and words for a record's result column, for lists and the timeline. */
import { CONSTITUTIONS, evaluateTcmForm, SELF_CARE_LEVELS, SERVICE_TYPES, type TcmForm } from '@jkda/domain';
import type { Lang } from '../../i18n/lang.ts';
import { hasKey, translate } from '../../i18n/messages.ts';
import type { FieldIssue } from '../../forms/schemaIssues.ts';

export const ALL_SERVICE_TYPES: readonly string[] = SERVICE_TYPES;

export function serviceTypeName(type: string, lang: Lang): string {
  const k = `svc.type.${type}`;
  return hasKey(k) ? translate(lang, k) : type;
}

/** The result of an elderly form (self-care category, main TCM constitution); '' for other types. */
export function resultWords(type: string, classification: string | null, lang: Lang): string {
  if (!classification) return '';
  if (type === 'elderly_self_care')
    return SELF_CARE_LEVELS.find((l) => l.key === classification)?.[lang] ?? '';
  if (type === 'elderly_tcm') return CONSTITUTIONS.find((c) => c.key === classification)?.[lang] ?? '';
  return '';
}

/** The rule checks beyond the schema (as the server runs them), on a payload that passed the schema. */
export function ruleIssues(type: string, payload: Record<string, unknown>): FieldIssue[] {
  if (type !== 'elderly_tcm') return [];
  const r = evaluateTcmForm(payload as TcmForm);
  return r.errors.map((e) => ({ path: e.field.split('.'), code: e.code }));
}
