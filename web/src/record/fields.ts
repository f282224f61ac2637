/**
 * Field paths of the record (as the history and the server's field errors name them, e.g.
 * basicInfo.drugAllergy.codes) in words, and their values as labels.
 */
import type { CodeTableName } from '../i18n/codes.ts';
import { codeLabel } from '../i18n/codes.ts';
import type { I18n } from '../i18n/i18n.tsx';
import { hasKey } from '../i18n/messages.ts';
import { diseasesText } from './format.ts';
import type { BasicInfo } from './types.ts';

/** The code table of each coded field (arrays of codes use the same table). */
const CODED: Record<string, CodeTableName> = {
  sex: 'sex',
  idType: 'idType',
  relationToHead: 'relationToHead',
  status: 'recordStatus',
  archiveReason: 'archiveReason',
  manualTags: 'keyPopulation',
  'basicInfo.residenceType': 'residenceType',
  'basicInfo.ethnicity': 'ethnicity',
  'basicInfo.bloodType': 'bloodType',
  'basicInfo.rh': 'rh',
  'basicInfo.education': 'education',
  'basicInfo.occupation': 'occupation',
  'basicInfo.maritalStatus': 'maritalStatus',
  'basicInfo.paymentMethods.codes': 'paymentMethod',
  'basicInfo.drugAllergy.codes': 'drugAllergy',
  'basicInfo.exposure.codes': 'exposure',
  'basicInfo.disability.codes': 'disability',
  'basicInfo.familyHistory.father.codes': 'familyDisease',
  'basicInfo.familyHistory.mother.codes': 'familyDisease',
  'basicInfo.familyHistory.siblings.codes': 'familyDisease',
  'basicInfo.familyHistory.children.codes': 'familyDisease',
  'basicInfo.environment.kitchenExhaust': 'kitchenExhaust',
  'basicInfo.environment.fuel': 'fuel',
  'basicInfo.environment.drinkingWater': 'drinkingWater',
  'basicInfo.environment.toilet': 'toilet',
  'basicInfo.environment.livestockPen': 'livestockPen',
};

/** E.g. basicInfo.drugAllergy.other → 药物过敏史·其他（注明）. */
export function fieldLabel(path: string, t: I18n['t']): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = `field.${parts.slice(0, n).join('.')}`;
    if (!hasKey(key)) continue;
    const rest = parts
      .slice(n)
      .filter((p) => p !== 'codes' && !/^\d+$/.test(p))
      .map((p) => {
        const k = `field.part.${p}`;
        return hasKey(k) ? t(k) : p;
      });
    return [t(key), ...rest].join('·');
  }
  return path;
}

export interface ValueLookups {
  villageName?: (code: string) => string | undefined;
  doctorName?: (id: number) => string | undefined;
}

/** A stored value of a field as the user reads it. */
export function fieldValueText(
  path: string,
  value: unknown,
  i18n: Pick<I18n, 't' | 'lang'>,
  lookups: ValueLookups = {},
): string {
  const { t, lang } = i18n;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return t('history.blank');
  const table = CODED[path];
  const sep = t('punct.list');
  if (table) {
    const codes = Array.isArray(value) ? value : [value];
    return codes.map((c) => codeLabel(table, String(c), lang)).join(sep);
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (path === 'villageCode' && typeof value === 'string') return lookups.villageName?.(value) ?? value;
  if (path === 'responsibleDoctorId' && typeof value === 'number')
    return lookups.doctorName?.(value) ?? `#${value}`;
  if (path === 'basicInfo.diseases' && Array.isArray(value))
    return diseasesText(value as BasicInfo['diseases'], lang);
  if (/\.items$/.test(path) && Array.isArray(value))
    return (value as { name?: string; date?: string }[])
      .map((i) => [i.name, i.date].filter(Boolean).join(' '))
      .join(t('punct.semi'));
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
