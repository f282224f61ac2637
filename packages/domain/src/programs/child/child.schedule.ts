/**
 * The checks of 0~6岁儿童健康管理 and the month ages the forms print them at. Kept apart from the rules so
 * the schemas (which need the month ages) and the rules (which need the windows) share one list.
 */

/** The month ages (the form's column) of each check form. 1 = 满月. */
export const INFANT_MONTHS = [1, 3, 6, 8] as const;
export const TODDLER_MONTHS = [12, 18, 24, 30] as const;
export const PRESCHOOL_MONTHS = [36, 48, 60, 72] as const;
/** The month ages of the TCM guidance (6~18月龄 and 24~36月龄 forms). */
export const TCM_MONTHS = [6, 12, 18, 24, 30, 36] as const;

export type InfantMonth = (typeof INFANT_MONTHS)[number];
export type ToddlerMonth = (typeof TODDLER_MONTHS)[number];
export type PreschoolMonth = (typeof PRESCHOOL_MONTHS)[number];
export type CheckMonth = InfantMonth | ToddlerMonth | PreschoolMonth;
export type TcmMonth = (typeof TCM_MONTHS)[number];

/** A check of the schedule: the newborn home visit, then the checks by month age. */
export type ChildCheck = 'newborn' | CheckMonth;

/** Every check in order (13: the newborn visit, 8 checks to 36 months, then 4, 5 and 6 years). */
export const CHILD_CHECKS: readonly ChildCheck[] = [
  'newborn',
  ...INFANT_MONTHS,
  ...TODDLER_MONTHS,
  ...PRESCHOOL_MONTHS,
];

/** Haemoglobin is required at these checks (18 and 30 months, 4, 5 and 6 years); see SOURCES.md §2. */
export const HEMOGLOBIN_REQUIRED_MONTHS: readonly CheckMonth[] = [18, 30, 48, 60, 72];
/** Once between 6 and 8 months: at the 6- or the 8-month check. */
export const HEMOGLOBIN_6_8_MONTHS: readonly CheckMonth[] = [6, 8];
/** The behavioural hearing screen (听力) at 6, 12, 24 and 36 months. */
export const HEARING_MONTHS: readonly CheckMonth[] = [6, 12, 24, 36];
/** Vision (视力) from 4 years. */
export const VISION_MONTHS: readonly CheckMonth[] = [48, 60, 72];
/** 可疑佝偻病症状/体征: at 3, 6 and 8 months (symptoms and signs) and 12 and 18 months (signs). */
export const RICKETS_SYMPTOM_MONTHS: readonly CheckMonth[] = [3, 6, 8];
export const RICKETS_SIGN_MONTHS: readonly CheckMonth[] = [3, 6, 8, 12, 18];
/** 步态: from 18 months (at 12 months many children do not walk yet). */
export const GAIT_MONTHS: readonly CheckMonth[] = [18, 24, 30];
