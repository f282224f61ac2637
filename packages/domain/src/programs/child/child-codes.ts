/**
 * The code lists of the child forms of the 3rd edition (新生儿家庭访视记录表, 1岁以内 / 1~2岁 / 3~6岁儿童健康检查
 * 记录表, 6~18月龄 / 24~36月龄儿童中医药健康管理服务记录表) as the forms print them. Sources and the lists we
 * could not see printed: SOURCES.md §1. Codes are strings as printed; `exclusive` marks a choice that stands
 * alone (无, 未进行), `needsText` one that needs its description (其他, 异常, 有). The zod building blocks are
 * the form kit's (../form-kit.ts: enumOf, multi, described, referralSchema …).
 */
import { codeEntry as c, EXCLUSIVE as X, NEEDS_TEXT as T, type CodeTable } from '../form-kit.ts';

export type ChildTable = CodeTable;

/** 未见异常 / 异常 (eyes, ears, nose, mouth, chest, abdomen, limbs, spine …). */
export const NORMAL_ABNORMAL = [
  c('1', '未见异常', 'Nothing abnormal'),
  c('2', '异常', 'Abnormal', T),
] as const;

/** 无 / 有 (vomiting, neck mass, malformation). */
export const NO_YES = [c('1', '无', 'No'), c('2', '有', 'Yes', T)] as const;

/** 性别 of the newborn form (GB/T 2261.1). */
export const CHILD_SEX = [
  c('0', '未知的性别', 'Unknown'),
  c('1', '男', 'Male'),
  c('2', '女', 'Female'),
  c('9', '未说明的性别', 'Not stated'),
] as const;

/** 母亲妊娠期患病情况 (several may be chosen). */
export const MOTHER_ILLNESS = [
  c('1', '无', 'None', X),
  c('2', '糖尿病', 'Diabetes'),
  c('3', '妊娠期高血压', 'High blood pressure in pregnancy'),
  c('4', '其他', 'Other', T),
] as const;

/** 出生情况 (several may be chosen: a breech twin delivered by caesarean …). */
export const BIRTH_SITUATION = [
  c('1', '顺产', 'Spontaneous vaginal delivery'),
  c('2', '胎头吸引', 'Vacuum extraction'),
  c('3', '产钳', 'Forceps'),
  c('4', '剖宫', 'Caesarean section'),
  c('5', '双多胎', 'Twins or more'),
  c('6', '臀位', 'Breech'),
  c('7', '其他', 'Other', T),
] as const;

/** 新生儿听力筛查. */
export const HEARING_SCREENING = [
  c('1', '通过', 'Passed'),
  c('2', '未通过', 'Not passed'),
  c('3', '未筛查', 'Not screened'),
  c('4', '不详', 'Unknown'),
] as const;

/** 新生儿疾病筛查 (several may be chosen; 未进行 and 检查均阴性 stand alone). */
export const DISEASE_SCREENING = [
  c('1', '未进行', 'Not done', X),
  c('2', '检查均阴性', 'All negative', X),
  c('3', '甲低', 'Congenital hypothyroidism'),
  c('4', '苯丙酮尿症', 'Phenylketonuria'),
  c('5', '其他遗传代谢病', 'Other inherited metabolic disease', T),
] as const;

/** 喂养方式. */
export const FEEDING = [
  c('1', '纯母乳', 'Exclusive breastfeeding'),
  c('2', '混合', 'Mixed'),
  c('3', '人工', 'Formula'),
] as const;

/** 大便 of the newborn. */
export const STOOL = [c('1', '糊状', 'Pasty'), c('2', '稀', 'Loose'), c('3', '其他', 'Other', T)] as const;

/** 面色 of the newborn form and the 1岁以内 form. */
export const COMPLEXION = [
  c('1', '红润', 'Rosy'),
  c('2', '黄染', 'Jaundiced'),
  c('3', '其他', 'Other', T),
] as const;

/** 面色 of the 1~2岁 form. */
export const COMPLEXION_TODDLER = [c('1', '红润', 'Rosy'), c('2', '其他', 'Other', T)] as const;

/** 黄疸部位 (several may be chosen). */
export const JAUNDICE_SITES = [
  c('1', '无', 'None', X),
  c('2', '面部', 'Face'),
  c('3', '躯干', 'Trunk'),
  c('4', '四肢', 'Limbs'),
  c('5', '手足', 'Palms and soles'),
] as const;

/** 前囟 of the newborn (with its size in cm × cm). */
export const FONTANELLE_NEWBORN = [
  c('1', '正常', 'Normal'),
  c('2', '膨隆', 'Bulging'),
  c('3', '凹陷', 'Sunken'),
  c('4', '其他', 'Other', T),
] as const;

/** 前囟 of the checks under 3 years: 闭合 or 未闭 (with its size). */
export const FONTANELLE_CHECK = [c('1', '闭合', 'Closed'), c('2', '未闭', 'Open')] as const;

/** 皮肤 of the newborn. */
export const SKIN_NEWBORN = [
  c('1', '未见异常', 'Nothing abnormal'),
  c('2', '湿疹', 'Eczema'),
  c('3', '糜烂', 'Erosion'),
  c('4', '其他', 'Other', T),
] as const;

/** 脐带 of the newborn and 脐部 of the 满月 check. */
export const UMBILICAL_CORD = [
  c('1', '未脱', 'Not fallen off'),
  c('2', '脱落', 'Fallen off'),
  c('3', '脐部有渗出', 'Oozing'),
  c('4', '其他', 'Other', T),
] as const;

/** 指导 of the newborn visit (several may be chosen). */
export const NEWBORN_GUIDANCE = [
  c('1', '喂养指导', 'Feeding'),
  c('2', '发育指导', 'Development'),
  c('3', '防病指导', 'Disease prevention'),
  c('4', '预防伤害指导', 'Injury prevention'),
  c('5', '口腔保健指导', 'Oral health'),
  c('6', '其他', 'Other', T),
] as const;

/** 听力 of the checks (behavioural hearing screen at 6, 12, 24 and 36 months). */
export const HEARING = [c('1', '通过', 'Passed'), c('2', '未通过', 'Not passed')] as const;

/** 可疑佝偻病症状 (several may be chosen). */
export const RICKETS_SYMPTOMS = [
  c('1', '无', 'None', X),
  c('2', '夜惊', 'Night terrors'),
  c('3', '多汗', 'Sweating'),
  c('4', '烦躁', 'Irritability'),
] as const;

/**
 * 可疑佝偻病体征 (several may be chosen). The columns of the forms print different subsets (craniotabes at
 * 3 months; rib and limb signs later); this is their union in one coding (SOURCES.md §1, [?]).
 */
export const RICKETS_SIGNS = [
  c('1', '无', 'None', X),
  c('2', '颅骨软化', 'Craniotabes'),
  c('3', '方颅', 'Square skull'),
  c('4', '枕秃', 'Occipital hair loss'),
  c('5', '肋串珠', 'Rachitic rosary'),
  c('6', '肋软骨沟', "Harrison's groove"),
  c('7', '鸡胸', 'Pigeon chest'),
  c('8', '手足镯', 'Wrist and ankle widening'),
  c('9', '“O”型腿', 'Bow legs'),
  c('10', '“X”型腿', 'Knock knees'),
] as const;

/** 两次随访间患病情况: 1 未患病, 2 患病 (counts of pneumonia, diarrhoea, trauma; other). */
export const ILLNESS = [c('1', '未患病', 'Not ill'), c('2', '患病', 'Ill')] as const;

/** 指导 of the checks under 3 years (several may be chosen). */
export const CHECK_GUIDANCE = [
  c('1', '科学喂养', 'Feeding'),
  c('2', '生长发育', 'Growth and development'),
  c('3', '疾病预防', 'Disease prevention'),
  c('4', '预防伤害', 'Injury prevention'),
  c('5', '口腔保健', 'Oral health'),
  c('6', '其他', 'Other', T),
] as const;

/** 指导 of the 3~6岁 checks (合理膳食 in place of 科学喂养). */
export const PRESCHOOL_GUIDANCE = [
  c('1', '合理膳食', 'Balanced diet'),
  c('2', '生长发育', 'Growth and development'),
  c('3', '疾病预防', 'Disease prevention'),
  c('4', '预防伤害', 'Injury prevention'),
  c('5', '口腔保健', 'Oral health'),
  c('6', '其他', 'Other', T),
] as const;

/** 体格发育评价 of the 3~6岁 form (several may be chosen; 正常 stands alone). */
export const PHYSICAL_ASSESSMENT = [
  c('1', '正常', 'Normal', X),
  c('2', '低体重', 'Underweight'),
  c('3', '消瘦', 'Wasting'),
  c('4', '发育迟缓', 'Stunting'),
  c('5', '超重', 'Overweight'),
] as const;

/**
 * 发育评估: the four warning signs (儿童心理行为发育预警征象) of each check age, numbered 1–4 as the form's
 * column prints them; a ticked sign is a positive sign. None at 满月.
 */
export const WARNING_SIGNS = {
  3: [
    c('1', '对很大声音没有反应', 'No reaction to loud sounds'),
    c('2', '逗引时不发音或不会微笑', 'No sounds or smile when played with'),
    c('3', '不注视人脸，不追视移动人或物品', 'Does not look at faces or follow moving things'),
    c('4', '俯卧时不会抬头', 'Cannot lift the head lying on the tummy'),
  ],
  6: [
    c('1', '发音少，不会笑出声', 'Few sounds, does not laugh aloud'),
    c('2', '不会伸手抓物', 'Does not reach for things'),
    c('3', '紧握拳松不开', 'Fists stay clenched'),
    c('4', '不能扶坐', 'Cannot sit with support'),
  ],
  8: [
    c('1', '听到声音无应答', 'No response to sounds'),
    c('2', '不会区分生人和熟人', 'Does not tell strangers from familiar people'),
    c('3', '双手间不会传递玩具', 'Does not pass a toy from hand to hand'),
    c('4', '不会独坐', 'Cannot sit alone'),
  ],
  12: [
    c('1', '呼唤名字无反应', 'No response to own name'),
    c('2', '不会模仿“再见”或“欢迎”动作', 'Does not imitate waving bye-bye or clapping'),
    c('3', '不会用拇食指对捏小物品', 'No pincer grasp'),
    c('4', '不会扶物站立', 'Cannot stand holding on'),
  ],
  18: [
    c('1', '不会有意识叫“爸爸”或“妈妈”', 'Does not say "dada" or "mama" meaningfully'),
    c('2', '不会按要求指人或物', 'Does not point to people or things when asked'),
    c('3', '与人无目光交流', 'No eye contact'),
    c('4', '不会独走', 'Cannot walk alone'),
  ],
  24: [
    c('1', '不会说3个物品的名称', 'Cannot name 3 objects'),
    c('2', '不会按吩咐做简单事情', 'Does not follow simple instructions'),
    c('3', '不会用勺吃饭', 'Cannot eat with a spoon'),
    c('4', '不会扶栏上楼梯/台阶', 'Cannot climb stairs holding the rail'),
  ],
  30: [
    c('1', '不会说2～3个字的短语', 'No 2–3 word phrases'),
    c('2', '兴趣单一、刻板', 'Narrow, rigid interests'),
    c('3', '不会示意大小便', 'Does not signal toilet needs'),
    c('4', '不会跑', 'Cannot run'),
  ],
  36: [
    c('1', '不会说自己的名字', 'Cannot say own name'),
    c('2', '不会玩“拿棍当马骑”等假想游戏', 'No pretend play'),
    c('3', '不会模仿画圆', 'Cannot copy a circle'),
    c('4', '不会双脚跳', 'Cannot jump with both feet'),
  ],
  48: [
    c('1', '不会说带形容词的句子', 'No sentences with adjectives'),
    c('2', '不能按要求等待或轮流', 'Cannot wait or take turns'),
    c('3', '不会独立穿衣', 'Cannot dress alone'),
    c('4', '不会单脚站立', 'Cannot stand on one foot'),
  ],
  60: [
    c('1', '不能简单叙说事情经过', 'Cannot tell what happened'),
    c('2', '不知道自己的性别', 'Does not know own sex'),
    c('3', '不会用筷子吃饭', 'Cannot eat with chopsticks'),
    c('4', '不会单脚跳', 'Cannot hop on one foot'),
  ],
  72: [
    c('1', '不会表达自己的感受或想法', 'Cannot express feelings or thoughts'),
    c('2', '不会玩角色扮演的集体游戏', 'No role play in group games'),
    c('3', '不会画方形', 'Cannot draw a square'),
    c('4', '不会奔跑', 'Cannot run'),
  ],
} as const satisfies Record<number, ChildTable>;

/**
 * 中医药健康管理服务 of the child TCM forms: 1 and 2 at every age; 3 is the method taught at that age
 * (摩腹和捏脊 at 6 and 12 months, 迎香穴和足三里穴 at 18 and 24, 四神聪穴 at 30 and 36); 4 其他.
 */
const tcmDiet = c('1', '中医饮食调养指导', 'TCM dietary guidance');
const tcmDaily = c('2', '中医起居调摄指导', 'TCM daily-life guidance');
const tcmOther = c('4', '其他', 'Other', T);
const massage = [
  tcmDiet,
  tcmDaily,
  c('3', '传授摩腹和捏脊方法', 'Abdominal massage and spine pinching taught'),
  tcmOther,
] as const;
const yingxiang = [
  tcmDiet,
  tcmDaily,
  c('3', '传授按揉迎香穴、足三里穴方法', 'Pressing Yingxiang and Zusanli taught'),
  tcmOther,
] as const;
const sishencong = [
  tcmDiet,
  tcmDaily,
  c('3', '传授按揉四神聪穴方法', 'Pressing Sishencong taught'),
  tcmOther,
] as const;
export const TCM_SERVICES = {
  6: massage,
  12: massage,
  18: yingxiang,
  24: yingxiang,
  30: sishencong,
  36: sishencong,
} as const satisfies Record<number, ChildTable>;
