/**
 * The words of a schema-rendered form's fields (SchemaFields): a program folder's map from a field path
 * (schemaWalk's paths: keys joined by '.', `kind=lost` for a discriminator's value, `measured=standing` for
 * a value of a choice without a code table) to [zh, en], with units in the label (体重（kg）). Keys shared by
 * many forms are looked up by their last segment in COMMON_FIELD_WORDS.
 */
import type { Lang } from '../i18n/lang.ts';

export type FieldWords = Readonly<Record<string, readonly [zh: string, en: string]>>;

export const COMMON_FIELD_WORDS: FieldWords = {
  code: ['选项', 'Choice'],
  codes: ['选项', 'Choices'],
  other: ['其他/说明', 'Other / details'],
  weeks: ['周', 'Weeks'],
  days: ['天', 'Days'],
  bp: ['血压（mmHg）', 'Blood pressure (mmHg)'],
  sbp: ['收缩压（mmHg）', 'Systolic (mmHg)'],
  dbp: ['舒张压（mmHg）', 'Diastolic (mmHg)'],
  doctor: ['随访医生签名', 'Doctor'],
  nextVisitDate: ['下次随访日期', 'Next visit'],
  referral: ['转诊', 'Referral'],
  reason: ['原因', 'Reason'],
  institution: ['机构及科室', 'Institution and department'],
  gestationalAge: ['孕周', 'Gestational age'],
  guidance: ['指导', 'Guidance'],
  classification: ['分类', 'Classification'],
  weightKg: ['体重（kg）', 'Weight (kg)'],
  heightCm: ['身高（cm）', 'Height (cm)'],
  hemoglobin: ['血红蛋白（g/L）', 'Haemoglobin (g/L)'],
  death: ['死亡', 'Death'],
  date: ['日期', 'Date'],
  cause: ['死亡原因', 'Cause of death'],
  notes: ['备注', 'Notes'],
};

/** The segment of a path words are looked up by in the common words (`labs.bloodRoutine.other` → other). */
const lastSegment = (path: string) => path.split('=')[0]!.split('.').at(-1)!;

/** Whether a path has words, in the program's map or (by its last segment) the common one. */
export const hasWords = (words: FieldWords, path: string): boolean =>
  path in words || (!path.includes('=') && lastSegment(path) in COMMON_FIELD_WORDS);

/** The words of a path; the value itself for a `key=value` path without words, the key for others. */
export function fieldLabel(words: FieldWords, path: string, lang: Lang): string {
  const own = words[path] ?? (path.includes('=') ? undefined : COMMON_FIELD_WORDS[lastSegment(path)]);
  if (own) return own[lang === 'zh' ? 0 : 1];
  return path.includes('=') ? path.slice(path.indexOf('=') + 1) : lastSegment(path);
}
