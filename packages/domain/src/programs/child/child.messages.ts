/**
 * Words for the codes of the child rules (child.rules.ts, child.evaluate.ts, the schemas' own codes), in
 * the format of program-messages.ts ([zh, en]); `satisfies` makes sure every code has its words. Codes the
 * child program shares with the other programs (referral_expected, record_before_birth,
 * next_visit_not_after_visit, date_after_service …) keep their existing words.
 */
import type { Lang } from '../../messages.ts';
import type { CheckFinding } from './child.evaluate.ts';
import type { GrowthFinding, NameIssue, NewbornSign, PlausibilityCode } from './child.rules.ts';

type Words = readonly [zh: string, en: string];

export const GROWTH_FINDING_MESSAGES = {
  underweight: ['低体重（年龄别体重<-2SD）', 'Underweight (weight-for-age below −2 SD)'],
  severe_underweight: ['重度低体重（年龄别体重<-3SD）', 'Severely underweight (weight-for-age below −3 SD)'],
  stunting: ['生长迟缓（年龄别身长/身高<-2SD）', 'Stunted (length/height-for-age below −2 SD)'],
  severe_stunting: ['重度生长迟缓（年龄别身长/身高<-3SD）', 'Severely stunted (below −3 SD)'],
  wasting: ['消瘦（身长/身高别体重或BMI<-2SD）', 'Wasted (weight-for-length/height or BMI below −2 SD)'],
  severe_wasting: ['重度消瘦（<-3SD）', 'Severely wasted (below −3 SD)'],
  overweight: ['超重', 'Overweight'],
  obesity: ['肥胖', 'Obese'],
  weight_for_age_high: ['年龄别体重>+2SD', 'Weight-for-age above +2 SD'],
  length_for_age_high: ['年龄别身长/身高>+2SD', 'Length/height-for-age above +2 SD'],
  head_small: ['头围<-2SD', 'Head circumference below −2 SD'],
  head_large: ['头围>+2SD', 'Head circumference above +2 SD'],
} as const satisfies Record<GrowthFinding, Words>;

export const CHECK_FINDING_MESSAGES = {
  anaemia: ['贫血（血红蛋白低于同龄界值）', 'Anaemia (haemoglobin below the limit for the age)'],
  severe_anaemia: ['重度贫血（血红蛋白<70g/L）', 'Severe anaemia (haemoglobin below 70 g/L)'],
  vision_low: ['视力低常', 'Low vision'],
  hearing_failed: ['听力筛查未通过', 'Hearing screen not passed'],
  development_warning: ['发育评估有预警征象阳性', 'A developmental warning sign is positive'],
  caries: ['有龋齿', 'Dental caries'],
  exam_abnormal: ['体格检查有异常项', 'An examination item is abnormal'],
} as const satisfies Record<CheckFinding, Words>;

export const NEWBORN_SIGN_MESSAGES = {
  newborn_temperature_abnormal: ['体温≥37.5℃或≤35.5℃', 'Temperature 37.5 °C or higher, or 35.5 °C or lower'],
  newborn_respiratory_rate_abnormal: [
    '呼吸频率<20次/分或>60次/分',
    'Respiratory rate below 20 or above 60/min',
  ],
  newborn_heart_rate_abnormal: ['心率<100次/分或>160次/分', 'Heart rate below 100 or above 160/min'],
  jaundice_palms_soles: ['皮肤严重黄染（手掌或足跖）', 'Severe jaundice (palms or soles)'],
  fontanelle_bulging: ['前囟膨隆（张力高）', 'Bulging fontanelle'],
  low_birth_weight: ['低出生体重（<2500g）', 'Low birth weight (below 2500 g)'],
  preterm: ['早产（出生孕周<37周）', 'Preterm (born before 37 weeks)'],
} as const satisfies Record<NewbornSign, Words>;

export const NAME_MESSAGES = {
  name_provisional: [
    '新生儿尚未取名（母亲姓名+之男/之女），取名后请更正姓名',
    'The newborn has no name yet (mother’s name + 之男/之女); correct it once named',
  ],
  provisional_name_mismatch: [
    '临时姓名应为母亲姓名+之男（男）/之女（女），请核对',
    'A provisional name is the mother’s name + 之男 (boy) / 之女 (girl); please check',
  ],
} as const satisfies Record<NameIssue, Words>;

export const PLAUSIBILITY_MESSAGES = {
  measurement_implausible: [
    '测量值与同龄儿童相差过大（超出WHO不可信界值），请重新测量或核对',
    'The measurement is beyond what is possible for the age (WHO implausible limits); re-measure or correct it',
  ],
  measurement_unusual: [
    '测量值偏离同龄中位数超过4个标准差，请核实',
    'The measurement is more than 4 SD from the median for the age; please confirm',
  ],
} as const satisfies Record<PlausibilityCode, Words>;

export const CHILD_FORM_MESSAGES = {
  child_over_6: [
    '儿童已满7周岁，不在0~6岁儿童健康管理范围',
    'The child is 7 or older: outside the 0–6 program',
  ],
  birth_date_mismatch: ['出生日期与个人基本信息不符', 'The birth date differs from the basic information'],
  newborn_sex_mismatch: ['性别与个人基本信息不符', 'The sex differs from the basic information'],
  newborn_visit_late: [
    '新生儿家庭访视超过出院后7天',
    'The newborn visit is more than 7 days after coming home',
  ],
  apgar_asphyxia_mismatch: [
    'Apgar评分≤7分，新生儿窒息却选了“无”',
    'An Apgar score of 7 or less, yet asphyxia is recorded as none',
  ],
  check_early: ['随访日期早于本次检查规定的月龄', 'Earlier than the age of this check'],
  check_late: ['随访日期晚于本次检查规定的月龄', 'Later than the age window of this check'],
  growth_not_assessed: [
    '性别不是男或女，无法按WHO标准评价生长发育',
    'The sex is not male or female: growth cannot be assessed against the WHO standard',
  ],
  growth_grade_mismatch: [
    '填写的上/中/下与按WHO标准计算的评价不符（±2SD）',
    'The grade entered differs from the one computed against the WHO standard (±2 SD)',
  ],
  hemoglobin_6_8_months: [
    '6~8月龄应检测1次血红蛋白；若6月龄未测，请在本次检测',
    'Haemoglobin is due once at 6–8 months; if not done at 6 months, measure it now',
  ],
  physical_assessment_mismatch: [
    '体格发育评价与按WHO标准计算的结果不符',
    'The physical growth assessment differs from the one computed against the WHO standard',
  ],
  caries_exceed_teeth: ['龋齿数不能大于牙数', 'Caries cannot exceed the number of teeth'],
} as const satisfies Record<string, Words>;

/** Words of the record's results (classification: 'normal', 'guided' or findings joined by ','). */
export const CHILD_RESULT_MESSAGES = {
  normal: ['未见异常', 'Nothing abnormal'],
  guided: ['已指导', 'Guidance given'],
} as const satisfies Record<string, Words>;

export const CHILD_MESSAGES = {
  ...GROWTH_FINDING_MESSAGES,
  ...CHECK_FINDING_MESSAGES,
  ...NEWBORN_SIGN_MESSAGES,
  ...NAME_MESSAGES,
  ...PLAUSIBILITY_MESSAGES,
  ...CHILD_FORM_MESSAGES,
  ...CHILD_RESULT_MESSAGES,
} as const;
export type ChildMessageCode = keyof typeof CHILD_MESSAGES;

/** Words for a child rule code; the code itself when unknown. */
export function childMessage(code: string, lang: Lang): string {
  const entry = (CHILD_MESSAGES as Record<string, Words>)[code];
  return entry ? entry[lang === 'zh' ? 0 : 1] : code;
}

/** Words for a stored child result: each finding of the classification, joined. */
export function childResultWords(classification: string, lang: Lang): string {
  return classification
    .split(',')
    .filter((k) => k in CHILD_MESSAGES)
    .map((k) => childMessage(k, lang))
    .join(lang === 'zh' ? '；' : '; ');
}
