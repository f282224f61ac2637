/**
 * Words for the codes of the maternal rules (maternal.rules.ts, maternal.evaluate.ts, the schemas'
 * own codes). program-messages.ts has no per-program hook, so they are kept here, in its format
 * ([zh, en]); `satisfies` makes sure every code has its words. Codes the maternal program shares with the
 * other programs (referral_expected, bmi_mismatch, date_after_service …) keep their existing words.
 */
import type { Lang } from '../../messages.ts';
import type { EligibilityCode, HighRiskFinding, OutcomeIssueCode } from './maternal.rules.ts';

type Words = readonly [zh: string, en: string];

export const HIGH_RISK_MESSAGES = {
  age_18_or_under: ['孕妇年龄≤18岁', 'Mother aged 18 or under'],
  age_35_or_over: ['孕妇年龄≥35岁（高龄）', 'Mother aged 35 or over'],
  bmi_below_18_5: ['体质指数<18.5', 'BMI below 18.5'],
  bmi_above_25: ['体质指数>25', 'BMI above 25'],
  bp_140_90: ['血压≥140/90mmHg', 'BP 140/90 mmHg or higher'],
  bp_160_110: ['血压≥160/110mmHg（重度升高）', 'BP 160/110 mmHg or higher (severe)'],
  anaemia: ['贫血（血红蛋白<110g/L）', 'Anaemia (haemoglobin below 110 g/L)'],
  severe_anaemia: ['重度贫血（血红蛋白<70g/L）', 'Severe anaemia (haemoglobin below 70 g/L)'],
  platelets_below_100: ['血小板<100×10⁹/L', 'Platelets below 100 ×10⁹/L'],
  fetal_heart_rate_abnormal: ['胎心率不在110～160次/分钟', 'Fetal heart rate outside 110–160/min'],
  proteinuria: ['尿蛋白阳性', 'Protein in the urine'],
  hbsag_positive: ['乙型肝炎表面抗原阳性', 'HBsAg positive'],
  syphilis_positive: ['梅毒血清学试验阳性', 'Syphilis test positive'],
  hiv_positive: ['HIV抗体阳性', 'HIV antibody positive'],
  adverse_pregnancy_history: [
    '不良孕产史（流产≥3次，或死胎、死产、新生儿死亡、出生缺陷）',
    'Adverse pregnancy history (3 or more abortions, or a fetal death, stillbirth, neonatal death or birth defect)',
  ],
  scarred_uterus: ['瘢痕子宫（剖宫产史）', 'Scarred uterus (earlier caesarean)'],
  puerperal_fever: ['体温≥38℃（产褥期发热）', 'Temperature 38 °C or higher (puerperal fever)'],
} as const satisfies Record<HighRiskFinding, Words>;

export const OUTCOME_ISSUE_MESSAGES = {
  outcome_live_birth_without_live_baby: [
    '妊娠结局为活产，但没有登记活产的新生儿',
    'A live birth needs at least one baby born alive',
  ],
  outcome_baby_alive_not_live_birth: [
    '死胎/死产的结局中有活产的新生儿，请核对',
    'A baby born alive does not fit a fetal death or stillbirth',
  ],
  outcome_babies_without_birth: [
    '流产、异位妊娠等结局不应登记新生儿',
    'Babies are recorded only for a birth',
  ],
  outcome_abortion_after_28_weeks: [
    '孕28周及以后的妊娠终止应为分娩（死胎/死产/引产），请核对',
    'After 28 weeks a pregnancy ends in a delivery, not an abortion; please check',
  ],
  outcome_delivery_mode_without_birth: [
    '非分娩结局填写了分娩方式，请核对',
    'A delivery mode is given for an outcome that is not a birth',
  ],
} as const satisfies Record<OutcomeIssueCode, Words>;

export const ELIGIBILITY_MESSAGES = {
  maternal_not_female: [
    '孕产妇健康管理仅适用于女性，请核对个人基本信息中的性别',
    'Maternal care is for women only; check the sex on the basic information',
  ],
  maternal_age_unusual: [
    '该居民年龄不在15～50岁，请核实',
    'The resident is under 15 or over 50; please confirm',
  ],
} as const satisfies Record<EligibilityCode, Words>;

export const MATERNAL_FORM_MESSAGES = {
  gestational_age_unknown: [
    '请填写末次月经、B超孕周或孕周',
    'Give the last menstrual period, an ultrasound dating or the gestational age',
  ],
  gestational_age_implausible: [
    '按末次月经或B超推算孕周超过45周，请核对日期',
    'The dates give more than 45 weeks of gestation; check them',
  ],
  gestational_age_mismatch: [
    '填写的孕周与末次月经或B超推算的孕周相差超过3天',
    'The gestational age differs from the one the dates give by more than 3 days',
  ],
  due_date_mismatch: [
    '预产期与末次月经或B超推算的结果不符',
    'The due date does not match the one the dates give',
  ],
  first_visit_late: [
    '第1次产前检查在孕13周及以后，不计入早孕建册',
    'First prenatal check at 13 weeks or later: not an early registration',
  ],
  visit_outside_window: [
    '孕周不在本次产前随访规定的时间内',
    'The gestational age is outside the window of this prenatal visit',
  ],
  classification_normal_with_findings: [
    '检查有异常（见提示），分类却选了“未见异常”',
    'The examination shows abnormal findings, yet the class says nothing abnormal',
  ],
  postpartum_visit_late: [
    '产后访视超过出院后7天',
    'The postpartum visit is more than 7 days after discharge',
  ],
  check42_early: ['产后未满42天', 'Earlier than 42 days after the delivery'],
  check42_late: ['产后42天健康检查晚于产后56天', 'The 42-day check is later than 56 days after the delivery'],
  close_not_recovered: [
    '产妇未恢复，处理却选了“结案”，应转诊',
    'The mother has not recovered, yet the case is closed; refer her',
  ],
  age_mismatch: ['填写的孕妇年龄与出生日期不符', 'The age does not match the birth date'],
  parity_exceeds_gravidity: [
    '产次不能大于孕次减1（孕次含本次妊娠）',
    'Parity cannot exceed gravidity minus 1 (gravidity includes this pregnancy)',
  ],
} as const satisfies Record<string, Words>;

export const MATERNAL_MESSAGES = {
  ...HIGH_RISK_MESSAGES,
  ...OUTCOME_ISSUE_MESSAGES,
  ...ELIGIBILITY_MESSAGES,
  ...MATERNAL_FORM_MESSAGES,
} as const;
export type MaternalMessageCode = keyof typeof MATERNAL_MESSAGES;

/** Words for a maternal rule code; the code itself when unknown. */
export function maternalMessage(code: string, lang: Lang): string {
  const entry = (MATERNAL_MESSAGES as Record<string, Words>)[code];
  return entry ? entry[lang === 'zh' ? 0 : 1] : code;
}
