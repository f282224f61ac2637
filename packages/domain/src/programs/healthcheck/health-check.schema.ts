/**
 * 健康体检表 (annual health check), 3rd edition — FACTS §3.5. Every section of the printed form, with the code
 * tables (Chinese and English labels) the web form renders and the schema validates against.
 *
 * Conventions:
 * - Codes are strings ('1', '2', …) as printed on the form.
 * - A multiple-choice item is `{ codes, other? }`; a single choice that has a "describe it" option (其他, 异常,
 *   有 …) is `{ code, other? }`; a plain single choice is the bare code. Which choice excludes the others
 *   (`exclusive`) and which needs its text (`needsText`) is read from the code table, so labels and
 *   validation cannot drift apart.
 * - Measurements and laboratory results are optional: not every check does every item (FACTS §3.5 marks
 *   most labs as group-specific). The schema only bounds them loosely (types, non-negative, a generous
 *   maximum); health-check.rules.ts tells impossible from unusual.
 * - Issue messages are stable codes: existing field codes (required, choice_required, choice_exclusive,
 *   choice_duplicate) or the health-check codes of program-messages.ts (not_applicable, choice_conflict,
 *   lab_result_format, date_order).
 */
import { z } from 'zod';
import { isoDate, yearMonth } from '../../resident.schema.ts';
import { codeEntry as c, EXCLUSIVE as X, NEEDS_TEXT as T, type CodeTable } from '../form-kit.ts';

// ---------------------------------------------------------------------------------------------------------
// Code tables
// ---------------------------------------------------------------------------------------------------------

type Table = CodeTable;
type CodeOf<Tb extends Table> = Tb[number]['code'];

/** 无 / 有 style items where 有 asks for a description. */
const noYes = (noZh: string, yesZh: string, yesText = true) =>
  [c('1', noZh, 'No'), c('2', yesZh, 'Yes', yesText ? T : {})] as const;
const normalAbnormal = [c('1', '正常', 'Normal'), c('2', '异常', 'Abnormal', T)] as const;

export const HEALTH_CHECK_SYMPTOMS = [
  c('1', '无症状', 'No symptoms', X),
  c('2', '头痛', 'Headache'),
  c('3', '头晕', 'Dizziness'),
  c('4', '心悸', 'Palpitations'),
  c('5', '胸闷', 'Chest tightness'),
  c('6', '胸痛', 'Chest pain'),
  c('7', '慢性咳嗽', 'Chronic cough'),
  c('8', '咳痰', 'Sputum'),
  c('9', '呼吸困难', 'Shortness of breath'),
  c('10', '多饮', 'Excessive thirst'),
  c('11', '多尿', 'Frequent urination'),
  c('12', '体重下降', 'Weight loss'),
  c('13', '乏力', 'Fatigue'),
  c('14', '关节肿痛', 'Swollen or painful joints'),
  c('15', '视力模糊', 'Blurred vision'),
  c('16', '手脚麻木', 'Numb hands or feet'),
  c('17', '尿急', 'Urinary urgency'),
  c('18', '尿痛', 'Painful urination'),
  c('19', '便秘', 'Constipation'),
  c('20', '腹泻', 'Diarrhoea'),
  c('21', '恶心呕吐', 'Nausea or vomiting'),
  c('22', '眼花', 'Dim vision'),
  c('23', '耳鸣', 'Tinnitus'),
  c('24', '乳房胀痛', 'Breast tenderness'),
  c('25', '其他', 'Other', T),
] as const;

/** 老年人健康状态自我评估 (65+). */
export const HEALTH_SELF_ASSESSMENT = [
  c('1', '满意', 'Satisfied'),
  c('2', '基本满意', 'Mostly satisfied'),
  c('3', '说不清楚', 'Cannot say'),
  c('4', '不太满意', 'Not very satisfied'),
  c('5', '不满意', 'Dissatisfied'),
] as const;

/** 老年人生活自理能力自我评估 (65+), the category of the self-care assessment total. */
export const HEALTH_CHECK_SELF_CARE = [
  c('1', '可自理（0～3分）', 'Independent (0–3)'),
  c('2', '轻度依赖（4～8分）', 'Mildly dependent (4–8)'),
  c('3', '中度依赖（9～18分）', 'Moderately dependent (9–18)'),
  c('4', '不能自理（≥19分）', 'Unable to care for self (≥ 19)'),
] as const;

/** 老年人认知功能 / 情感状态 rapid screens (65+). */
export const SCREEN_RESULT = [
  c('1', '粗筛阴性', 'Screen negative'),
  c('2', '粗筛阳性', 'Screen positive'),
] as const;

export const EXERCISE_FREQUENCY = [
  c('1', '每天', 'Daily'),
  c('2', '每周一次以上', 'More than once a week'),
  c('3', '偶尔', 'Occasionally'),
  c('4', '不锻炼', 'No exercise'),
] as const;

export const DIET_HABITS = [
  c('1', '荤素均衡', 'Balanced meat and vegetables'),
  c('2', '荤食为主', 'Mostly meat'),
  c('3', '素食为主', 'Mostly vegetables'),
  c('4', '嗜盐', 'Salty food'),
  c('5', '嗜油', 'Fatty food'),
  c('6', '嗜糖', 'Sweet food'),
] as const;

export const SMOKING_STATUS = [
  c('1', '从不吸烟', 'Never smoked'),
  c('2', '已戒烟', 'Former smoker'),
  c('3', '吸烟', 'Smoker'),
] as const;

export const DRINKING_FREQUENCY = [
  c('1', '从不', 'Never'),
  c('2', '偶尔', 'Occasionally'),
  c('3', '经常', 'Often'),
  c('4', '每天', 'Daily'),
] as const;

export const DRINKING_QUIT = [c('1', '未戒酒', 'Still drinks'), c('2', '已戒酒', 'Has quit')] as const;
export const YES_NO = [c('1', '是', 'Yes'), c('2', '否', 'No')] as const;

export const DRINK_KINDS = [
  c('1', '白酒', 'Spirits'),
  c('2', '啤酒', 'Beer'),
  c('3', '红酒', 'Wine'),
  c('4', '黄酒', 'Rice wine'),
  c('5', '其他', 'Other', T),
] as const;

export const OCCUPATIONAL_EXPOSURE = [c('1', '无', 'No'), c('2', '有', 'Yes')] as const;
/** 防护措施 per hazard: 有 asks for the measures taken. */
export const PROTECTION = noYes('无', '有');

/** The five hazard kinds of the form (each with its substance and protection). */
export const OCCUPATIONAL_HAZARDS = [
  { key: 'dust', zh: '粉尘', en: 'Dust' },
  { key: 'radiation', zh: '放射物质', en: 'Radioactive material' },
  { key: 'physical', zh: '物理因素', en: 'Physical agents' },
  { key: 'chemical', zh: '化学物质', en: 'Chemicals' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const;

export const LIPS = [
  c('1', '红润', 'Pink'),
  c('2', '苍白', 'Pale'),
  c('3', '发绀', 'Cyanotic'),
  c('4', '皲裂', 'Cracked'),
  c('5', '疱疹', 'Herpes'),
] as const;

export const DENTITION = [
  c('1', '正常', 'Normal', X),
  c('2', '缺齿', 'Missing teeth'),
  c('3', '龋齿', 'Caries'),
  c('4', '义齿（假牙）', 'Dentures'),
] as const;

export const PHARYNX = [
  c('1', '无充血', 'No congestion'),
  c('2', '充血', 'Congested'),
  c('3', '淋巴滤泡增生', 'Lymphoid follicle hyperplasia'),
] as const;

export const HEARING = [
  c('1', '听见', 'Hears'),
  c('2', '听不清或无法听见', 'Hears poorly or not at all'),
] as const;

export const MOTOR_FUNCTION = [
  c('1', '可顺利完成', 'Completes the movements'),
  c('2', '无法独立完成任何一个动作', 'Cannot complete any movement alone'),
] as const;

export const FUNDUS = normalAbnormal;

export const SKIN = [
  c('1', '正常', 'Normal'),
  c('2', '潮红', 'Flushed'),
  c('3', '苍白', 'Pale'),
  c('4', '发绀', 'Cyanotic'),
  c('5', '黄染', 'Jaundiced'),
  c('6', '色素沉着', 'Pigmented'),
  c('7', '其他', 'Other', T),
] as const;

export const SCLERA = [
  c('1', '正常', 'Normal'),
  c('2', '黄染', 'Jaundiced'),
  c('3', '充血', 'Congested'),
  c('4', '其他', 'Other', T),
] as const;

export const LYMPH_NODES = [
  c('1', '未触及', 'Not palpable'),
  c('2', '锁骨上', 'Supraclavicular'),
  c('3', '腋窝', 'Axillary'),
  c('4', '其他', 'Other', T),
] as const;

export const BARREL_CHEST = [c('1', '否', 'No'), c('2', '是', 'Yes')] as const;
export const BREATH_SOUNDS = normalAbnormal;

export const RALES = [
  c('1', '无', 'None'),
  c('2', '干罗音', 'Dry rales'),
  c('3', '湿罗音', 'Moist rales'),
  c('4', '其他', 'Other', T),
] as const;

export const HEART_RHYTHM = [
  c('1', '齐', 'Regular'),
  c('2', '不齐', 'Irregular'),
  c('3', '绝对不齐', 'Irregularly irregular'),
] as const;

/** 杂音 and the five abdominal items (压痛, 包块, 肝大, 脾大, 移动性浊音): 1 无 2 有 (describe). */
export const ABSENT_PRESENT = noYes('无', '有');

export const ABDOMEN_ITEMS = [
  { key: 'tenderness', zh: '压痛', en: 'Tenderness' },
  { key: 'mass', zh: '包块', en: 'Mass' },
  { key: 'hepatomegaly', zh: '肝大', en: 'Enlarged liver' },
  { key: 'splenomegaly', zh: '脾大', en: 'Enlarged spleen' },
  { key: 'shiftingDullness', zh: '移动性浊音', en: 'Shifting dullness' },
] as const;

export const LOWER_LIMB_OEDEMA = [
  c('1', '无', 'None'),
  c('2', '单侧', 'One side'),
  c('3', '双侧不对称', 'Both sides, asymmetric'),
  c('4', '双侧对称', 'Both sides, symmetric'),
] as const;

export const DORSALIS_PEDIS = [
  c('1', '未触及', 'Not palpable'),
  c('2', '触及双侧对称', 'Palpable, both sides equal'),
  c('3', '触及左侧弱或消失', 'Left weak or absent'),
  c('4', '触及右侧弱或消失', 'Right weak or absent'),
] as const;

export const DIGITAL_RECTAL = [
  c('1', '未及异常', 'Nothing abnormal'),
  c('2', '触痛', 'Tender'),
  c('3', '包块', 'Mass'),
  c('4', '前列腺异常', 'Prostate abnormal'),
  c('5', '其他', 'Other', T),
] as const;

export const BREAST = [
  c('1', '未见异常', 'Nothing abnormal', X),
  c('2', '乳房切除', 'Mastectomy'),
  c('3', '异常泌乳', 'Abnormal discharge'),
  c('4', '乳腺包块', 'Breast lump'),
  c('5', '其他', 'Other', T),
] as const;

export const GYNAECOLOGY_RESULT = [
  c('1', '未见异常', 'Nothing abnormal'),
  c('2', '异常', 'Abnormal', T),
] as const;

export const GYNAECOLOGY_ITEMS = [
  { key: 'vulva', zh: '外阴', en: 'Vulva' },
  { key: 'vagina', zh: '阴道', en: 'Vagina' },
  { key: 'cervix', zh: '宫颈', en: 'Cervix' },
  { key: 'uterus', zh: '宫体', en: 'Uterus' },
  { key: 'adnexa', zh: '附件', en: 'Adnexa' },
] as const;

/** 心电图, 胸部X线片, B超, 宫颈涂片. */
export const EXAM_RESULT = normalAbnormal;
/** 大便潜血, 乙型肝炎表面抗原. */
export const NEG_POS = [c('1', '阴性', 'Negative'), c('2', '阳性', 'Positive')] as const;

export const GLUCOSE_UNITS = ['mmol/L', 'mg/dL'] as const;

export const CEREBROVASCULAR_DISEASES = [
  c('1', '未发现', 'None found', X),
  c('2', '缺血性卒中', 'Ischaemic stroke'),
  c('3', '脑出血', 'Intracerebral haemorrhage'),
  c('4', '蛛网膜下腔出血', 'Subarachnoid haemorrhage'),
  c('5', '短暂性脑缺血发作', 'Transient ischaemic attack'),
  c('6', '其他', 'Other', T),
] as const;

export const KIDNEY_DISEASES = [
  c('1', '未发现', 'None found', X),
  c('2', '糖尿病肾病', 'Diabetic nephropathy'),
  c('3', '肾功能衰竭', 'Kidney failure'),
  c('4', '急性肾炎', 'Acute nephritis'),
  c('5', '慢性肾炎', 'Chronic nephritis'),
  c('6', '其他', 'Other', T),
] as const;

export const HEART_DISEASES = [
  c('1', '未发现', 'None found', X),
  c('2', '心肌梗死', 'Myocardial infarction'),
  c('3', '心绞痛', 'Angina'),
  c('4', '冠状动脉血运重建', 'Coronary revascularisation'),
  c('5', '充血性心力衰竭', 'Congestive heart failure'),
  c('6', '心前区疼痛', 'Precordial pain'),
  c('7', '其他', 'Other', T),
] as const;

export const VASCULAR_DISEASES = [
  c('1', '未发现', 'None found', X),
  c('2', '夹层动脉瘤', 'Dissecting aneurysm'),
  c('3', '动脉闭塞性疾病', 'Arterial occlusive disease'),
  c('4', '其他', 'Other', T),
] as const;

export const EYE_DISEASES = [
  c('1', '未发现', 'None found', X),
  c('2', '视网膜出血或渗出', 'Retinal haemorrhage or exudate'),
  c('3', '视乳头水肿', 'Papilloedema'),
  c('4', '白内障', 'Cataract'),
  c('5', '其他', 'Other', T),
] as const;

/** 神经系统疾病 / 其他系统疾病: 1 未发现 2 有 (name it). */
export const NOT_FOUND_PRESENT = [c('1', '未发现', 'None found'), c('2', '有', 'Present', T)] as const;

export const MEDICATION_ADHERENCE = [
  c('1', '规律', 'Regular'),
  c('2', '间断', 'Intermittent'),
  c('3', '不服药', 'Not taking'),
] as const;

export const HEALTH_EVALUATION = [
  c('1', '体检无异常', 'No abnormality found'),
  c('2', '有异常', 'Abnormalities found'),
] as const;

export const HEALTH_GUIDANCE = [
  c('1', '纳入慢性病患者健康管理', 'Enrol in chronic disease management'),
  c('2', '建议复查', 'Recheck advised'),
  c('3', '建议转诊', 'Referral advised'),
] as const;

export const RISK_FACTOR_CONTROL = [
  c('1', '戒烟', 'Quit smoking'),
  c('2', '健康饮酒', 'Drink sensibly'),
  c('3', '饮食', 'Diet'),
  c('4', '锻炼', 'Exercise'),
  c('5', '减体重', 'Lose weight'),
  c('6', '建议接种疫苗', 'Vaccination advised'),
  c('7', '其他', 'Other', T),
] as const;

// ---------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------

const enumOf = <Tb extends Table>(table: Tb) =>
  z.enum(table.map((e) => e.code) as [CodeOf<Tb>, ...CodeOf<Tb>[]]);
const text = (max: number) => z.string().trim().max(max);
const reqText = (max: number) => text(max).min(1, { message: 'required' });
const optText = (max: number) => text(max).optional();
const num = (max: number) => z.number().min(0).max(max);
const int = (max: number) => z.int().min(0).max(max);
const issue = (ctx: z.RefinementCtx, message: string, path: (string | number)[]) =>
  ctx.addIssue({ code: 'custom', message, path });
const needsText = (table: Table, code: string) => table.some((e) => e.code === code && e.needsText);

/** Multiple choice: at least one, no repeats, an exclusive choice alone, text when a chosen code needs it. */
function multi<Tb extends Table>(table: Tb, otherMax = 100) {
  const exclusive = table.filter((e) => e.exclusive).map((e) => e.code);
  return z
    .object({
      codes: z.array(enumOf(table)).min(1, { message: 'choice_required' }),
      other: optText(otherMax),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (new Set(v.codes).size !== v.codes.length) issue(ctx, 'choice_duplicate', ['codes']);
      if (v.codes.length > 1 && v.codes.some((x) => exclusive.includes(x)))
        issue(ctx, 'choice_exclusive', ['codes']);
      if (v.codes.some((x) => needsText(table, x)) && !v.other) issue(ctx, 'required', ['other']);
    });
}

/** Single choice with a "describe it" option: the text is required for that option. */
function described<Tb extends Table>(table: Tb, otherMax = 100) {
  return z
    .object({ code: enumOf(table), other: optText(otherMax) })
    .strict()
    .superRefine((v, ctx) => {
      if (needsText(table, v.code) && !v.other) issue(ctx, 'required', ['other']);
    });
}

const bp = z.object({ sbp: int(400), dbp: int(300) }).strict();

// ---------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------

/** 一般状况. The four 65+ self-assessments are kept here as on the form (rules warn when filled under 65). */
const general = z
  .object({
    temperature: num(50).optional(),
    pulse: int(400).optional(),
    respiration: int(150).optional(),
    bpLeft: bp.optional(),
    bpRight: bp.optional(),
    heightCm: num(300).optional(),
    weightKg: num(500).optional(),
    waistCm: num(300).optional(),
    /** As recorded; the rules compare it with weight / height². */
    bmi: num(150).optional(),
    healthSelfAssessment: enumOf(HEALTH_SELF_ASSESSMENT).optional(),
    selfCare: enumOf(HEALTH_CHECK_SELF_CARE).optional(),
    cognition: enumOf(SCREEN_RESULT).optional(),
    /** 简易智力状态检查 (MMSE) total, 0–30, asked when the rapid screen is positive. */
    mmseScore: int(30).optional(),
    emotion: enumOf(SCREEN_RESULT).optional(),
    /** 老年人抑郁评分检查 total (geriatric depression scale, up to 30 items), when the screen is positive. */
    depressionScore: int(30).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mmseScore !== undefined && v.cognition !== '2') issue(ctx, 'not_applicable', ['mmseScore']);
    if (v.depressionScore !== undefined && v.emotion !== '2')
      issue(ctx, 'not_applicable', ['depressionScore']);
  });

const hazard = z.object({ substance: optText(50), protection: described(PROTECTION, 100) }).strict();

const lifestyle = z
  .object({
    exercise: z
      .object({
        frequency: enumOf(EXERCISE_FREQUENCY),
        minutesPerSession: int(1440).optional(),
        /** 坚持锻炼时间 in years. */
        years: num(120).optional(),
        mode: optText(50),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.frequency !== '4') return;
        for (const k of ['minutesPerSession', 'years', 'mode'] as const)
          if (v[k] !== undefined && v[k] !== '') issue(ctx, 'not_applicable', [k]);
      })
      .optional(),
    /** 荤素均衡 / 荤食为主 / 素食为主 describe one balance: at most one of them (ours; the form does not say). */
    diet: multi(DIET_HABITS)
      .refine((v) => v.codes.filter((x) => x === '1' || x === '2' || x === '3').length <= 1, {
        message: 'choice_conflict',
        path: ['codes'],
      })
      .optional(),
    smoking: z
      .object({
        status: enumOf(SMOKING_STATUS),
        cigarettesPerDay: int(200).optional(),
        startAge: int(120).optional(),
        quitAge: int(120).optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.status === '1')
          for (const k of ['cigarettesPerDay', 'startAge', 'quitAge'] as const)
            if (v[k] !== undefined) issue(ctx, 'not_applicable', [k]);
        if (v.status === '3' && v.cigarettesPerDay === undefined)
          issue(ctx, 'required', ['cigarettesPerDay']);
        if (v.status === '3' && v.quitAge !== undefined) issue(ctx, 'not_applicable', ['quitAge']);
        if (v.startAge !== undefined && v.quitAge !== undefined && v.quitAge < v.startAge)
          issue(ctx, 'date_order', ['quitAge']);
      })
      .optional(),
    drinking: z
      .object({
        frequency: enumOf(DRINKING_FREQUENCY),
        /** 日饮酒量 in 两 of spirits (beer ÷ 10, wine ÷ 4, rice wine ÷ 5). */
        liangPerDay: num(100).optional(),
        quit: enumOf(DRINKING_QUIT).optional(),
        quitAge: int(120).optional(),
        startAge: int(120).optional(),
        /** 近一年内是否曾醉酒 1 是 2 否. */
        drunkPastYear: enumOf(YES_NO).optional(),
        kinds: multi(DRINK_KINDS).optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.frequency === '1')
          for (const k of ['liangPerDay', 'quit', 'quitAge', 'startAge', 'drunkPastYear', 'kinds'] as const)
            if (v[k] !== undefined) issue(ctx, 'not_applicable', [k]);
        if (v.quitAge !== undefined && v.quit !== '2' && v.frequency !== '1')
          issue(ctx, 'not_applicable', ['quitAge']);
        if (v.startAge !== undefined && v.quitAge !== undefined && v.quitAge < v.startAge)
          issue(ctx, 'date_order', ['quitAge']);
      })
      .optional(),
    occupational: z
      .object({
        exposure: enumOf(OCCUPATIONAL_EXPOSURE),
        job: optText(50),
        years: num(100).optional(),
        hazards: z
          .object({
            dust: hazard.optional(),
            radiation: hazard.optional(),
            physical: hazard.optional(),
            chemical: hazard.optional(),
            other: hazard.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        const anyHazard = !!v.hazards && Object.values(v.hazards).some((h) => h !== undefined);
        if (v.exposure === '1') {
          for (const k of ['job', 'years'] as const)
            if (v[k] !== undefined) issue(ctx, 'not_applicable', [k]);
          if (anyHazard) issue(ctx, 'not_applicable', ['hazards']);
        } else {
          if (!v.job) issue(ctx, 'required', ['job']);
          if (!anyHazard) issue(ctx, 'choice_required', ['hazards']);
          if (v.hazards?.other && !v.hazards.other.substance)
            issue(ctx, 'required', ['hazards', 'other', 'substance']);
        }
      })
      .optional(),
  })
  .strict();

/** 齿列, with the tooth positions (牙位, as written on the form's quadrant grid) of each finding. */
const dentition = z
  .object({
    codes: z.array(enumOf(DENTITION)).min(1, { message: 'choice_required' }),
    missingTeeth: optText(50),
    cariesTeeth: optText(50),
    dentureTeeth: optText(50),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.codes).size !== v.codes.length) issue(ctx, 'choice_duplicate', ['codes']);
    if (v.codes.length > 1 && v.codes.includes('1')) issue(ctx, 'choice_exclusive', ['codes']);
    const positions = [
      ['2', 'missingTeeth'],
      ['3', 'cariesTeeth'],
      ['4', 'dentureTeeth'],
    ] as const;
    for (const [code, key] of positions)
      if (v[key] && !v.codes.includes(code)) issue(ctx, 'not_applicable', [key]);
  });

/** Vision on the 5-point logarithmic chart (e.g. 4.0–5.3). */
const vision = z.number().min(3).max(5.3);

const organs = z
  .object({
    lips: enumOf(LIPS).optional(),
    dentition: dentition.optional(),
    pharynx: enumOf(PHARYNX).optional(),
    vision: z
      .object({
        left: vision.optional(),
        right: vision.optional(),
        leftCorrected: vision.optional(),
        rightCorrected: vision.optional(),
      })
      .strict()
      .optional(),
    hearing: enumOf(HEARING).optional(),
    motor: enumOf(MOTOR_FUNCTION).optional(),
  })
  .strict();

const presentItem = described(ABSENT_PRESENT);

const exam = z
  .object({
    fundus: described(FUNDUS).optional(),
    skin: described(SKIN).optional(),
    sclera: described(SCLERA).optional(),
    lymphNodes: described(LYMPH_NODES).optional(),
    lungs: z
      .object({
        barrelChest: enumOf(BARREL_CHEST).optional(),
        breathSounds: described(BREATH_SOUNDS).optional(),
        rales: described(RALES).optional(),
      })
      .strict()
      .optional(),
    heart: z
      .object({
        rate: int(400).optional(),
        rhythm: enumOf(HEART_RHYTHM).optional(),
        murmur: described(ABSENT_PRESENT).optional(),
      })
      .strict()
      .optional(),
    abdomen: z
      .object({
        tenderness: presentItem.optional(),
        mass: presentItem.optional(),
        hepatomegaly: presentItem.optional(),
        splenomegaly: presentItem.optional(),
        shiftingDullness: presentItem.optional(),
      })
      .strict()
      .optional(),
    lowerLimbOedema: enumOf(LOWER_LIMB_OEDEMA).optional(),
    /** Required by the spec for the diabetic patients; the schema does not know the registers, so optional here. */
    dorsalisPedis: enumOf(DORSALIS_PEDIS).optional(),
    digitalRectal: described(DIGITAL_RECTAL).optional(),
    breast: multi(BREAST).optional(),
    gynaecology: z
      .object({
        vulva: described(GYNAECOLOGY_RESULT).optional(),
        vagina: described(GYNAECOLOGY_RESULT).optional(),
        cervix: described(GYNAECOLOGY_RESULT).optional(),
        uterus: described(GYNAECOLOGY_RESULT).optional(),
        adnexa: described(GYNAECOLOGY_RESULT).optional(),
      })
      .strict()
      .optional(),
    other: optText(200),
  })
  .strict();

/**
 * A urine dipstick result: '-' (or '−'), '±', '+' … '++++', or a number with an optional unit
 * ('0.3 g/L', '5.5mmol/L').
 */
export const URINE_RESULT = /^(?:[-−]|±|\+{1,4}|\d+(?:\.\d+)?\s*(?:[A-Za-zµμ/]+)?)$/;
const urine = text(20).regex(URINE_RESULT, { message: 'lab_result_format' });

const labs = z
  .object({
    bloodRoutine: z
      .object({
        hemoglobin: num(300).optional(), // g/L
        wbc: num(500).optional(), // ×10⁹/L
        platelets: num(3000).optional(), // ×10⁹/L
        other: optText(100),
      })
      .strict()
      .optional(),
    urineRoutine: z
      .object({
        protein: urine.optional(),
        glucose: urine.optional(),
        ketones: urine.optional(),
        occultBlood: urine.optional(),
        other: optText(100),
      })
      .strict()
      .optional(),
    fastingGlucose: z
      .object({ value: num(2000), unit: z.enum(GLUCOSE_UNITS).default('mmol/L') })
      .strict()
      .optional(),
    ecg: described(EXAM_RESULT).optional(),
    urineMicroalbumin: num(10000).optional(), // mg/dL
    faecalOccultBlood: enumOf(NEG_POS).optional(),
    hba1c: num(30).optional(), // %
    hbsag: enumOf(NEG_POS).optional(),
    liver: z
      .object({
        alt: num(10000).optional(), // U/L
        ast: num(10000).optional(), // U/L
        albumin: num(100).optional(), // g/L
        totalBilirubin: num(1000).optional(), // µmol/L
        directBilirubin: num(1000).optional(), // µmol/L
      })
      .strict()
      .optional(),
    kidney: z
      .object({
        creatinine: num(5000).optional(), // µmol/L
        urea: num(200).optional(), // mmol/L
        potassium: num(20).optional(), // mmol/L
        sodium: num(250).optional(), // mmol/L
      })
      .strict()
      .optional(),
    lipids: z
      .object({
        totalCholesterol: num(50).optional(), // mmol/L
        triglycerides: num(100).optional(), // mmol/L
        ldl: num(50).optional(), // mmol/L
        hdl: num(20).optional(), // mmol/L
      })
      .strict()
      .optional(),
    chestXray: described(EXAM_RESULT).optional(),
    ultrasound: z
      .object({ abdomen: described(EXAM_RESULT).optional(), other: described(EXAM_RESULT).optional() })
      .strict()
      .optional(),
    cervicalSmear: described(EXAM_RESULT).optional(),
    other: optText(200),
  })
  .strict();

const described2 = described(NOT_FOUND_PRESENT);
const problems = z
  .object({
    cerebrovascular: multi(CEREBROVASCULAR_DISEASES).optional(),
    kidney: multi(KIDNEY_DISEASES).optional(),
    heart: multi(HEART_DISEASES).optional(),
    vascular: multi(VASCULAR_DISEASES).optional(),
    eye: multi(EYE_DISEASES).optional(),
    nervous: described2.optional(),
    otherSystems: described2.optional(),
  })
  .strict();

/** A 住院史 or 家庭病床史 row (建床/撤床 for home beds): year-months, reason, institution, record number. */
const stay = z
  .object({
    from: yearMonth,
    to: yearMonth.optional(),
    reason: reqText(100),
    institution: reqText(100),
    recordNo: optText(50),
  })
  .strict()
  .refine((v) => !v.to || v.to >= v.from, { message: 'date_order', path: ['to'] });

const medication = z
  .object({
    name: reqText(50),
    /** 用法, e.g. 口服. */
    route: optText(30),
    /** 用量 (dose and frequency, as written). */
    dose: optText(50),
    /** 用药时间 (how long it has been taken, as written). */
    duration: optText(30),
    adherence: enumOf(MEDICATION_ADHERENCE),
  })
  .strict();

const vaccination = z.object({ name: reqText(50), date: isoDate, institution: optText(100) }).strict();

export const healthCheckSchema = z
  .object({
    symptoms: multi(HEALTH_CHECK_SYMPTOMS),
    general: general.default({}),
    lifestyle: lifestyle.default({}),
    organs: organs.default({}),
    exam: exam.default({}),
    labs: labs.default({}),
    problems: problems.default({}),
    /** Past 12 months, at most 2 rows each. */
    hospitalisations: z.array(stay).max(2).default([]),
    homeBeds: z.array(stay).max(2).default([]),
    medications: z.array(medication).max(6).default([]),
    /** 非免疫规划预防接种史, past year, at most 3 rows. */
    vaccinations: z.array(vaccination).max(3).default([]),
    evaluation: z
      .object({
        result: enumOf(HEALTH_EVALUATION),
        abnormalities: z.array(reqText(100)).max(4).default([]),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.result === '2' && v.abnormalities.length === 0) issue(ctx, 'required', ['abnormalities']);
        if (v.result === '1' && v.abnormalities.length > 0) issue(ctx, 'not_applicable', ['abnormalities']);
      }),
    guidance: z
      .array(enumOf(HEALTH_GUIDANCE))
      .refine((a) => new Set(a).size === a.length, { message: 'choice_duplicate' })
      .default([]),
    riskFactors: z
      .object({
        codes: z.array(enumOf(RISK_FACTOR_CONTROL)),
        targetWeightKg: num(500).optional(),
        /** The vaccines advised (建议接种疫苗 ___), optional. */
        vaccines: optText(100),
        other: optText(100),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (new Set(v.codes).size !== v.codes.length) issue(ctx, 'choice_duplicate', ['codes']);
        if (v.codes.includes('5') && v.targetWeightKg === undefined)
          issue(ctx, 'required', ['targetWeightKg']);
        if (v.codes.includes('7') && !v.other) issue(ctx, 'required', ['other']);
      })
      .default({ codes: [] }),
  })
  .strict();

export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type HealthCheckInput = z.input<typeof healthCheckSchema>;
