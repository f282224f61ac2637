/**
 * The code lists of the maternal forms of the 3rd edition (第1次产前检查服务记录表, 第2~5次产前随访服务记录表,
 * 产后访视记录表, 产后42天健康检查记录表) as the forms print them, and the zod building blocks the schemas share.
 * Sources: SOURCES.md §1. Codes are strings as printed; `exclusive` marks a choice that stands alone (无,
 * 无特殊, 未见异常), `needsText` one that needs its description (其他, 异常, 有).
 */
import { codeEntry as c, EXCLUSIVE as X, NEEDS_TEXT as T, type CodeTable } from '../form-kit.ts';

export type MaternalTable = CodeTable;
// The form kit's building blocks, as the maternal schemas (and child/) have imported them from here.
export {
  REFERRAL,
  bpSchema,
  count,
  described,
  enumOf,
  gestationalAgeSchema,
  multi,
  multiChoiceIssues,
  needsText,
  num,
  optText,
  referralSchema,
  reqText,
  text,
  urineResult,
  URINE_RESULT,
  type MultiChoice,
} from '../form-kit.ts';

/** 未见异常 / 异常 (auscultation, gynaecological exam, breasts, lochia, uterus, wound, classification). */
export const NORMAL_ABNORMAL = [
  c('1', '未见异常', 'Nothing abnormal'),
  c('2', '异常', 'Abnormal', T),
] as const;

/** 既往史 (first prenatal check; several may be chosen). */
export const PAST_HISTORY = [
  c('1', '无', 'None', X),
  c('2', '心脏病', 'Heart disease'),
  c('3', '肾脏疾病', 'Kidney disease'),
  c('4', '肝脏疾病', 'Liver disease'),
  c('5', '高血压', 'Hypertension'),
  c('6', '贫血', 'Anaemia'),
  c('7', '糖尿病', 'Diabetes'),
  c('8', '其他', 'Other', T),
] as const;

/** 家族史: hereditary or mental illness of parents, husband, siblings or children. The form has no 无. */
export const FAMILY_HISTORY = [
  c('1', '遗传性疾病史', 'Hereditary disease'),
  c('2', '精神疾病史', 'Mental illness'),
  c('3', '其他', 'Other', T),
] as const;

/** 个人史 (several may be chosen). */
export const PERSONAL_HISTORY = [
  c('1', '无特殊', 'Nothing special', X),
  c('2', '吸烟', 'Smoking'),
  c('3', '饮酒', 'Drinking'),
  c('4', '服用药物', 'Taking medicines'),
  c('5', '接触有毒有害物质', 'Exposure to toxic substances'),
  c('6', '接触放射线', 'Exposure to radiation'),
  c('7', '其他', 'Other', T),
] as const;

/** 妇科手术史 (gynaecological operations and caesarean sections): 有 asks what. */
export const GYNAECOLOGICAL_SURGERY = [c('1', '无', 'No'), c('2', '有', 'Yes', T)] as const;

/** 孕产史: the count of each (0 when none), in the form's order. */
export const PREGNANCY_HISTORY_ITEMS = [
  { key: 'spontaneousAbortion', zh: '自然流产', en: 'Miscarriage' },
  { key: 'inducedAbortion', zh: '人工流产', en: 'Induced abortion' },
  { key: 'fetalDeath', zh: '死胎', en: 'Fetal death' },
  { key: 'stillbirth', zh: '死产', en: 'Stillbirth' },
  { key: 'neonatalDeath', zh: '新生儿死亡', en: 'Neonatal death' },
  { key: 'birthDefect', zh: '出生缺陷儿', en: 'Child with a birth defect' },
] as const;

/** 阴道分泌物* (several may be chosen). */
export const VAGINAL_SECRETIONS = [
  c('1', '未见异常', 'Nothing abnormal', X),
  c('2', '滴虫', 'Trichomonas'),
  c('3', '假丝酵母菌', 'Candida'),
  c('4', '其他', 'Other', T),
] as const;

/** 阴道清洁度. */
export const VAGINAL_CLEANLINESS = [
  c('1', 'Ⅰ度', 'Grade I'),
  c('2', 'Ⅱ度', 'Grade II'),
  c('3', 'Ⅲ度', 'Grade III'),
  c('4', 'Ⅳ度', 'Grade IV'),
] as const;

/** 乙型肝炎五项, 梅毒血清学试验*, HIV抗体检测*. */
export const NEG_POS = [c('1', '阴性', 'Negative'), c('2', '阳性', 'Positive')] as const;

/** ABO of the maternal form, with the codes of the basic information form (code-tables.ts BLOOD_TYPE). */
export const ABO = [
  c('1', 'A型', 'A'),
  c('2', 'B型', 'B'),
  c('3', 'O型', 'O'),
  c('4', 'AB型', 'AB'),
  c('5', '不详', 'Unknown'),
] as const;
/** Rh*, codes of the basic information form (code-tables.ts RH). */
export const RH_FACTOR = [
  c('1', '阴性', 'Negative'),
  c('2', '阳性', 'Positive'),
  c('3', '不详', 'Unknown'),
] as const;

/** 保健指导 of the first prenatal check. */
export const FIRST_PRENATAL_GUIDANCE = [
  c('1', '生活方式', 'Lifestyle'),
  c('2', '心理', 'Mental health'),
  c('3', '营养', 'Nutrition'),
  c('4', '避免致畸因素和疾病对胚胎的不良影响', 'Avoiding teratogens and illness harmful to the embryo'),
  c('5', '产前筛查宣传告知', 'Information on prenatal screening'),
  c('6', '其他', 'Other', T),
] as const;

/**
 * 指导 of the 2nd to 5th prenatal visits: the form prints a different list in each column (SOURCES.md §1):
 * the 2nd visit 1–4 and 5 其他; the 3rd adds 5 自我监护 and 6 母乳喂养 (7 其他); the 4th and 5th add
 * 6 分娩准备 (5 自我监测, 7 母乳喂养, 8 其他).
 */
const lifestyleToExercise = [
  c('1', '生活方式', 'Lifestyle'),
  c('2', '营养', 'Nutrition'),
  c('3', '心理', 'Mental health'),
  c('4', '运动', 'Exercise'),
] as const;
export const PRENATAL_GUIDANCE_BY_VISIT = {
  2: [...lifestyleToExercise, c('5', '其他', 'Other', T)],
  3: [
    ...lifestyleToExercise,
    c('5', '自我监护', 'Self-monitoring'),
    c('6', '母乳喂养', 'Breastfeeding'),
    c('7', '其他', 'Other', T),
  ],
  4: [
    ...lifestyleToExercise,
    c('5', '自我监测', 'Self-monitoring'),
    c('6', '分娩准备', 'Preparing for birth'),
    c('7', '母乳喂养', 'Breastfeeding'),
    c('8', '其他', 'Other', T),
  ],
  5: [
    ...lifestyleToExercise,
    c('5', '自我监测', 'Self-monitoring'),
    c('6', '分娩准备', 'Preparing for birth'),
    c('7', '母乳喂养', 'Breastfeeding'),
    c('8', '其他', 'Other', T),
  ],
} as const satisfies Record<2 | 3 | 4 | 5, MaternalTable>;

/** 指导 of the postpartum visit. */
export const POSTPARTUM_GUIDANCE = [
  c('1', '个人卫生', 'Personal hygiene'),
  c('2', '心理', 'Mental health'),
  c('3', '营养', 'Nutrition'),
  c('4', '母乳喂养', 'Breastfeeding'),
  c('5', '新生儿护理与喂养', 'Newborn care and feeding'),
  c('6', '其他', 'Other', T),
] as const;

/** 分类 of the 42-day check. */
export const RECOVERY = [c('1', '已恢复', 'Recovered'), c('2', '未恢复', 'Not recovered', T)] as const;

/** 指导 of the 42-day check. */
export const CHECK42_GUIDANCE = [
  c('1', '心理保健', 'Mental health'),
  c('2', '性保健与避孕', 'Sexual health and contraception'),
  c('3', '婴儿喂养', 'Infant feeding'),
  c('4', '产妇营养', 'Nutrition of the mother'),
  c('5', '其他', 'Other', T),
] as const;

/** 处理 of the 42-day check: 1 结案 (recovered: the case is closed), 2 转诊 (reason, institution). */
export const CHECK42_HANDLING = [c('1', '结案', 'Close the case'), c('2', '转诊', 'Refer')] as const;

/**
 * 妊娠结局 (pregnancy outcome). Not a printed form of the 3rd edition (the spec ends with the 42-day check):
 * our list, after the outcome items of the maternal and child health registers (SOURCES.md §5).
 */
export const PREGNANCY_OUTCOME = [
  c('1', '活产', 'Live birth'),
  c('2', '死胎', 'Fetal death before labour'),
  c('3', '死产', 'Stillbirth (death during labour)'),
  c('4', '自然流产', 'Miscarriage'),
  c('5', '人工流产', 'Induced abortion'),
  c('6', '治疗性引产', 'Medical termination'),
  c('7', '异位妊娠', 'Ectopic pregnancy'),
  c('8', '葡萄胎', 'Molar pregnancy'),
  c('9', '其他', 'Other', T),
] as const;

/** 分娩方式 of a delivery. */
export const DELIVERY_MODE = [
  c('1', '阴道分娩', 'Vaginal delivery'),
  c('2', '剖宫产', 'Caesarean section'),
] as const;

/** 新生儿性别 (GB/T 2261.1). */
export const NEWBORN_SEX = [
  c('1', '男', 'Male'),
  c('2', '女', 'Female'),
  c('9', '未说明', 'Not stated'),
] as const;
