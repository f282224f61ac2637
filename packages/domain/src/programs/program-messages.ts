/**
 * Words for the codes returned by the program rules (emergency criteria, classification checks, next-step
 * reasons, plausibility findings, TCM re-check reasons), for the web forms and the audit lists. Kept apart
 * from ../messages.ts so the rules can grow without touching the API messages; `satisfies` makes sure every
 * code has its words.
 */
import type { Lang } from '../messages.ts';
import type {
  AnnualCheckReason,
  ClassificationIssueCode,
  EmergencyCriterion,
  NextVisitReason,
  PlausibilityErrorCode,
  PlausibilityField,
  PlausibilityWarningCode,
} from './chronic/chronic.rules.ts';
import type { TcmRecheckReason } from './elderly/tcm-constitution.rules.ts';

type Words = readonly [zh: string, en: string];

export const EMERGENCY_CRITERION_MESSAGES = {
  sbp_ge_180: ['收缩压≥180mmHg', 'Systolic BP ≥ 180 mmHg'],
  dbp_ge_110: ['舒张压≥110mmHg', 'Diastolic BP ≥ 110 mmHg'],
  glucose_ge_16_7: ['血糖≥16.7mmol/L', 'Glucose ≥ 16.7 mmol/L'],
  glucose_le_3_9: ['血糖≤3.9mmol/L', 'Glucose ≤ 3.9 mmol/L'],
  heart_rate_gt_100: ['心率超过100次/分钟', 'Heart rate above 100/min'],
  temperature_gt_39: ['体温超过39℃', 'Temperature above 39 °C'],
  altered_consciousness: ['意识改变', 'Altered consciousness'],
  severe_headache_or_dizziness: ['剧烈头痛或头晕', 'Severe headache or dizziness'],
  nausea_vomiting: ['恶心呕吐', 'Nausea or vomiting'],
  blurred_vision: ['视力模糊', 'Blurred vision'],
  eye_pain: ['眼痛', 'Eye pain'],
  palpitations: ['心悸', 'Palpitations'],
  chest_tightness: ['胸闷', 'Chest tightness'],
  orthopnoea: ['喘憋不能平卧', 'Breathless, cannot lie flat'],
  pregnancy_lactation_raised_bp: ['妊娠期或哺乳期血压高于正常', 'Raised BP in pregnancy or breastfeeding'],
  other_unmanageable: ['存在不能处理的其他疾病', 'Another condition that cannot be handled here'],
  ketosis_signs: [
    '酮症表现：意识或行为改变、呼气有烂苹果样丙酮味、心悸、出汗、食欲减退、恶心、呕吐、多饮、多尿、腹痛、深大呼吸、皮肤潮红',
    'Signs of ketosis: altered consciousness or behaviour, fruity (acetone) breath, palpitations, sweating, ' +
      'poor appetite, nausea, vomiting, thirst, polyuria, abdominal pain, deep breathing, flushed skin',
  ],
  sudden_vision_loss: ['视力突然骤降', 'Sudden loss of vision'],
  pregnancy_lactation_hyperglycaemia: [
    '妊娠期及哺乳期血糖高于正常',
    'Raised glucose in pregnancy or breastfeeding',
  ],
} as const satisfies Record<EmergencyCriterion, Words>;

export const CLASSIFICATION_ISSUE_MESSAGES = {
  classification_contradicts_values: [
    '血压/血糖未达标，不能选“控制满意”',
    'The values are above target; "controlled" does not fit',
  ],
  classification_not_most_severe: [
    '有药物不良反应或并发症时，应选最严重的分类',
    'With an adverse reaction or complication, choose the most severe class',
  ],
  classification_values_missing: [
    '请先填写血压（高血压）或空腹血糖（糖尿病）',
    'Enter the BP (hypertension) or fasting glucose (diabetes) first',
  ],
  classification_adverse_reaction_absent: [
    '药物不良反应填的是“无”，不能选“不良反应”',
    'No adverse reaction is recorded; "adverse reaction" does not fit',
  ],
  classification_uncontrolled_values_controlled: [
    '本次测量值已达标，确认选“控制不满意”吗？',
    'The values are within target; are you sure it is "not controlled"?',
  ],
  classification_complication_absent: [
    '未记录新发或加重的并发症，确认选“并发症”吗？',
    'No new or worse complication is recorded; are you sure?',
  ],
} as const satisfies Record<ClassificationIssueCode, Words>;

export const NEXT_VISIT_REASON_MESSAGES = {
  controlled: ['控制满意，常规随访', 'Controlled: routine follow-up'],
  first_uncontrolled: [
    '第1次控制不满意，调整用药，2周内随访',
    'First time not controlled: adjust, revisit in 2 weeks',
  ],
  adverse_reaction: ['药物不良反应，调整用药，2周内随访', 'Adverse reaction: adjust, revisit in 2 weeks'],
  two_consecutive_uncontrolled: ['连续两次出现控制不满意', 'Not controlled at two visits in a row'],
  uncontrollable_adverse_reaction: ['药物不良反应难以控制', 'Adverse reaction cannot be controlled'],
  complication: ['出现新的并发症或原有并发症加重', 'New or worsening complication'],
  emergency: ['危急情况', 'Emergency'],
} as const satisfies Record<NextVisitReason, Words>;

export const ANNUAL_CHECK_REASON_MESSAGES = {
  elderly: ['65岁及以上老年人', 'Aged 65 or over'],
  hypertension: ['高血压患者', 'Hypertension'],
  diabetes: ['2型糖尿病患者', 'Type 2 diabetes'],
  severe_mental_disorder: ['严重精神障碍患者', 'Severe mental disorder'],
} as const satisfies Record<AnnualCheckReason, Words>;

export const PLAUSIBILITY_FIELD_LABELS = {
  sbp: ['收缩压', 'Systolic BP'],
  dbp: ['舒张压', 'Diastolic BP'],
  heartRate: ['心率', 'Heart rate'],
  glucose: ['血糖', 'Glucose'],
  heightCm: ['身高', 'Height'],
  weightKg: ['体重', 'Weight'],
  bmi: ['体质指数', 'BMI'],
  waistCm: ['腰围', 'Waist'],
  temperature: ['体温', 'Temperature'],
} as const satisfies Record<PlausibilityField, Words>;

export const PLAUSIBILITY_MESSAGES = {
  not_a_number: ['不是数字', 'Not a number'],
  negative: ['不能为负数', 'Cannot be negative'],
  below_possible: [
    '数值过低，不可能，请检查单位或是否输错',
    'Too low to be possible; check the unit or typing',
  ],
  above_possible: [
    '数值过高，不可能，请检查单位或是否输错',
    'Too high to be possible; check the unit or typing',
  ],
  sbp_not_above_dbp: ['收缩压应高于舒张压', 'Systolic must be higher than diastolic'],
  bmi_mismatch: ['体质指数与身高、体重不符', 'BMI does not match height and weight'],
  unusually_low: ['数值偏低，请核实', 'Unusually low; please confirm'],
  unusually_high: ['数值偏高，请核实', 'Unusually high; please confirm'],
} as const satisfies Record<PlausibilityErrorCode | PlausibilityWarningCode, Words>;

export const TCM_RECHECK_MESSAGES = {
  no_type: [
    '未判定出任何体质，请核对答案，必要时2周后重新采集',
    'No constitution found; re-check the answers',
  ],
  yin_yang_contradiction: [
    '阴虚质与阳虚质同时判定，结果矛盾，请核对答案，必要时2周后重新采集',
    'Both yin and yang deficiency: contradictory, re-check the answers',
  ],
} as const satisfies Record<TcmRecheckReason, Words>;

/**
 * Codes of the health check, elderly and general forms (health-check.schema.ts / .rules.ts,
 * elderly-forms.schema.ts): schema issues and rule findings beyond the plausibility codes above.
 */
export const FORM_RULE_MESSAGES = {
  not_applicable: ['与所选项不符，此处不应填写', 'Does not apply to the choice made; leave it empty'],
  choice_conflict: ['所选各项互相矛盾', 'The choices contradict each other'],
  lab_result_format: [
    '应填“-”“±”“+”～“++++”或数值（可带单位）',
    'Enter -, ±, + to ++++, or a number (with unit)',
  ],
  date_order: ['结束时间（年龄）早于开始时间（年龄）', 'The end is before the start'],
  evaluation_contradicts_values: [
    '检查结果有异常（见提示），健康评价却选了“体检无异常”',
    'The results show abnormal values, yet the evaluation says nothing abnormal',
  ],
  date_after_service: ['日期晚于本次服务日期', 'The date is after the date of this service'],
  next_visit_not_after_visit: ['下次随访日期应晚于本次随访日期', 'The next visit must be after this visit'],
  next_visit_late_reason: [
    '下次随访晚于规范要求的2周内，请填写原因',
    'The next visit is later than the 2 weeks the rule asks for; give the reason',
  ],
  other_text_required: ['选择“其他”时请写明具体内容', 'Say what “other” is'],
  not_visited_values: [
    '失访或死亡的随访不填写测量值、随访分类和下次随访日期',
    'A visit closed as lost or death has no readings, result or next visit date',
  ],
  death_archive_record: [
    '已记录死亡：签名后本项目管理结束；请档案管理员将居民档案按死亡注销',
    'Death recorded: signing ends this register entry; ask the record keeper to archive the record as deceased',
  ],
  phone_values_not_measured: [
    '电话随访不能现场测量，数值应标为“患者自报”',
    'Nothing is measured by phone: mark the values as reported by the patient',
  ],
  annual_check_item_missing: [
    '老年人年度体检应填写此项，未填写时本次体检不计入年度健康管理',
    'The annual check of the elderly needs this item; without it the check does not count for the year',
  ],
  enrol_below_usual_age: [
    '该居民未满35岁，此病在此年龄少见，请核实诊断',
    'The resident is under 35, an unusual age for this condition; please confirm the diagnosis',
  ],
  enrol_not_in_history: [
    '个人基本信息表既往史中没有此病，请核实并补充既往史',
    'The past history of the basic information form does not list this condition; please check it',
  ],
  elderly_item_too_young: [
    '此项为65岁及以上老年人填写，该居民未满65岁，请核实',
    'This item is for residents aged 65 or over; please confirm',
  ],
  female_item_for_male: ['男性填写了女性专项检查，请核实', 'A female-only item is filled in for a man'],
  male_item_for_female: [
    '女性填写了男性专项检查（前列腺），请核实',
    'A male-only item (prostate) for a woman',
  ],
  direct_bilirubin_above_total: ['结合胆红素高于总胆红素', 'Direct bilirubin is above total bilirubin'],
  score_mismatch: ['填写的总分或结论与各项得分不符', 'The total or result does not match the item scores'],
  guidance_missing: [
    '判定为该体质（是/倾向是/基本是）但未填写保健指导',
    'A constitution was identified but no guidance is given for it',
  ],
  guidance_not_indicated: [
    '该体质未判定为“是/倾向是/基本是”，确认要给出指导吗？',
    'Guidance is given for a constitution that was not identified; are you sure?',
  ],
} as const satisfies Record<string, Words>;

export const PROGRAM_MESSAGES = {
  ...EMERGENCY_CRITERION_MESSAGES,
  ...CLASSIFICATION_ISSUE_MESSAGES,
  ...NEXT_VISIT_REASON_MESSAGES,
  ...ANNUAL_CHECK_REASON_MESSAGES,
  ...PLAUSIBILITY_MESSAGES,
  ...TCM_RECHECK_MESSAGES,
  ...FORM_RULE_MESSAGES,
} as const;
export type ProgramMessageCode = keyof typeof PROGRAM_MESSAGES;

/** Words for a rule code the programs share; the code itself when unknown (programRegistry.message adds each program's own). */
export function commonProgramMessage(code: string, lang: Lang): string {
  const entry = (PROGRAM_MESSAGES as Record<string, Words>)[code];
  return entry ? entry[lang === 'zh' ? 0 : 1] : code;
}

export const hasCommonProgramMessage = (code: string): boolean => code in PROGRAM_MESSAGES;
