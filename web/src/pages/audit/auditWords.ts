/** Audit rows in words: the action, the outcome, the fields and the time, for the log page and the record tab. */
import { hasKey } from '../../i18n/messages.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import { fieldLabel } from '../../record/fields.ts';
import { countyDateTime } from '../../app/today.ts';

export function auditWords(t: I18n['t']) {
  const label = (key: string, raw: string) => (hasKey(key) ? t(key) : raw);
  return {
    action: (a: string) => label(`audit.act.${a}`, a),
    outcome: (o: string) => label(`audit.outcome.${o}`, o),
    fields: (f: string[] | null) => (f ?? []).map((x) => fieldLabel(x, t)).join(t('punct.list')) || '—',
    at: (v: string) => countyDateTime(v, true),
  };
}

/** The audited actions the filter offers: those the dictionary has words for. */
export const AUDIT_ACTIONS = [
  'resident.read',
  'resident.search',
  'resident.create',
  'resident.update',
  'resident.archive',
  'resident.restore',
  'resident.export',
  'resident.history',
  'resident.duplicate_check',
  'household.read',
  'household.search',
  'household.create',
  'household.update',
  'household.member_move',
  'program.enrol',
  'program.status',
  'service.create',
  'service.sign',
  'service.amend',
  'service.read',
  'worklist.read',
  'worklist.export',
  'auth.login',
  'auth.logout',
  'auth.forbidden',
  'auth.password_change',
  'auth.second_factor_enrol',
  'auth.second_factor_disable',
  'user.create',
  'user.import',
  'user.disable',
  'user.enable',
  'user.unlock',
  'user.password_reset',
  'user.second_factor_reset',
  'audit.query',
  'system.backup',
  'system.restore',
  'fieldkeys.pass',
] as const;
