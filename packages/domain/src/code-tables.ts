/**
 * National code tables used by the resident record (个人基本信息表, 3rd edition) and the data standards.
 * Codes are carried over as the forms and standards give them; labels in Chinese (the UI default) and English.
 */
export interface CodeEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** A choice that excludes every other choice of a multi-choice item (e.g. 无). */
  readonly exclusive?: boolean;
  /** A choice that needs free text (e.g. 其他). */
  readonly needsText?: boolean;
  /** A code of an older edition or name: still valid and shown on imported records, no longer offered. */
  readonly retired?: boolean;
}

const t = (code: string, zh: string, en: string, extra?: Partial<CodeEntry>): CodeEntry => ({
  code,
  zh,
  en,
  ...extra,
});

/** GB/T 2261.1 sex codes as used on the form (0/1/2/9). */
export const SEX = [
  t('1', '男', 'Male'),
  t('2', '女', 'Female'),
  t('9', '未说明的性别', 'Not stated'),
  t('0', '未知的性别', 'Unknown'),
] as const;

export const RESIDENCE_TYPE = [t('1', '户籍', 'Registered'), t('2', '非户籍', 'Non-registered')] as const;

/** GB/T 3304-1991 ethnic groups, plus 97/98 and the 99 "other" used by local systems. */
export const ETHNICITY = [
  t('01', '汉族', 'Han'),
  t('02', '蒙古族', 'Mongol'),
  t('03', '回族', 'Hui'),
  t('04', '藏族', 'Tibetan'),
  t('05', '维吾尔族', 'Uyghur'),
  t('06', '苗族', 'Miao'),
  t('07', '彝族', 'Yi'),
  t('08', '壮族', 'Zhuang'),
  t('09', '布依族', 'Bouyei'),
  t('10', '朝鲜族', 'Korean'),
  t('11', '满族', 'Manchu'),
  t('12', '侗族', 'Dong'),
  t('13', '瑶族', 'Yao'),
  t('14', '白族', 'Bai'),
  t('15', '土家族', 'Tujia'),
  t('16', '哈尼族', 'Hani'),
  t('17', '哈萨克族', 'Kazakh'),
  t('18', '傣族', 'Dai'),
  t('19', '黎族', 'Li'),
  t('20', '傈僳族', 'Lisu'),
  t('21', '佤族', 'Va'),
  t('22', '畲族', 'She'),
  t('23', '高山族', 'Gaoshan'),
  t('24', '拉祜族', 'Lahu'),
  t('25', '水族', 'Shui'),
  t('26', '东乡族', 'Dongxiang'),
  t('27', '纳西族', 'Naxi'),
  t('28', '景颇族', 'Jingpo'),
  t('29', '柯尔克孜族', 'Kyrgyz'),
  t('30', '土族', 'Tu'),
  t('31', '达斡尔族', 'Daur'),
  t('32', '仫佬族', 'Mulao'),
  t('33', '羌族', 'Qiang'),
  t('34', '布朗族', 'Blang'),
  t('35', '撒拉族', 'Salar'),
  t('36', '毛南族', 'Maonan'),
  t('37', '仡佬族', 'Gelao'),
  t('38', '锡伯族', 'Xibe'),
  t('39', '阿昌族', 'Achang'),
  t('40', '普米族', 'Pumi'),
  t('41', '塔吉克族', 'Tajik'),
  t('42', '怒族', 'Nu'),
  t('43', '乌孜别克族', 'Uzbek'),
  t('44', '俄罗斯族', 'Russian'),
  t('45', '鄂温克族', 'Evenki'),
  t('46', '德昂族', "De'ang"),
  t('47', '保安族', 'Bonan'),
  t('48', '裕固族', 'Yugur'),
  t('49', '京族', 'Gin'),
  t('50', '塔塔尔族', 'Tatar'),
  t('51', '独龙族', 'Derung'),
  t('52', '鄂伦春族', 'Oroqen'),
  t('53', '赫哲族', 'Hezhen'),
  t('54', '门巴族', 'Monpa'),
  t('55', '珞巴族', 'Lhoba'),
  t('56', '基诺族', 'Jino'),
  t('97', '其他未识别民族', 'Other unrecognised'),
  t('98', '外国血统中国籍人士', 'Chinese citizen of foreign origin'),
  t('99', '少数民族', 'Ethnic minority (name it)', { needsText: true }),
] as const;

export const BLOOD_TYPE = [
  t('1', 'A型', 'A'),
  t('2', 'B型', 'B'),
  t('3', 'O型', 'O'),
  t('4', 'AB型', 'AB'),
  t('5', '不详', 'Unknown'),
] as const;

export const RH = [
  t('1', '阴性', 'Negative'),
  t('2', '阳性', 'Positive'),
  t('3', '不详', 'Unknown'),
] as const;

export const EDUCATION = [
  t('1', '研究生', 'Postgraduate'),
  t('2', '大学本科', 'Bachelor'),
  t('3', '大学专科和专科学校', 'College'),
  t('4', '中等专业学校', 'Secondary specialised school'),
  t('5', '技工学校', 'Technical school'),
  t('6', '高中', 'Senior high school'),
  t('7', '初中', 'Junior high school'),
  t('8', '小学', 'Primary school'),
  t('9', '文盲或半文盲', 'Illiterate or semi-literate'),
  t('10', '不详', 'Unknown'),
] as const;

export const OCCUPATION = [
  t('0', '国家机关、党群组织、企业、事业单位负责人', 'Heads of government, party, enterprises, institutions'),
  t('1', '专业技术人员', 'Professional and technical staff'),
  t('2', '办事人员和有关人员', 'Clerical staff'),
  t('3', '商业、服务业人员', 'Commerce and service workers'),
  t('4', '农、林、牧、渔、水利业生产人员', 'Agriculture, forestry, husbandry, fishery, water works'),
  t('5', '生产、运输设备操作人员及有关人员', 'Production and transport equipment operators'),
  t('6', '军人', 'Military'),
  t('7', '不便分类的其他从业人员', 'Other workers'),
  t('8', '无职业', 'No occupation'),
] as const;

export const MARITAL_STATUS = [
  t('1', '未婚', 'Single'),
  t('2', '已婚', 'Married'),
  t('3', '丧偶', 'Widowed'),
  t('4', '离婚', 'Divorced'),
  t('5', '未说明的婚姻状况', 'Not stated'),
] as const;

export const PAYMENT_METHOD = [
  t('1', '城镇职工基本医疗保险', 'Urban employee basic medical insurance'),
  // Since the 2017 merger Anhui has one scheme for urban and rural residents: code 2 carries today's name;
  // 3 (新农合) stays valid for imported records and is no longer offered.
  t('2', '城乡居民基本医疗保险', 'Urban and rural resident basic medical insurance'),
  t('3', '新型农村合作医疗', 'New rural cooperative medical scheme (old)', { retired: true }),
  t('4', '贫困救助', 'Poverty relief'),
  t('5', '商业医疗保险', 'Commercial insurance'),
  t('6', '全公费', 'Fully publicly funded'),
  t('7', '全自费', 'Fully self-paid'),
  t('8', '其他', 'Other', { needsText: true }),
] as const;

export const DRUG_ALLERGY = [
  t('1', '无', 'None', { exclusive: true }),
  t('2', '青霉素', 'Penicillin'),
  t('3', '磺胺', 'Sulfonamides'),
  t('4', '链霉素', 'Streptomycin'),
  t('5', '其他', 'Other', { needsText: true }),
] as const;

export const EXPOSURE = [
  t('1', '无', 'None', { exclusive: true }),
  t('2', '化学品', 'Chemicals'),
  t('3', '毒物', 'Poisons'),
  t('4', '射线', 'Radiation'),
] as const;

/** 既往史-疾病 (each chosen disease carries its diagnosis year and month). */
export const PAST_DISEASE = [
  t('1', '无', 'None', { exclusive: true }),
  t('2', '高血压', 'Hypertension'),
  t('3', '糖尿病', 'Diabetes'),
  t('4', '冠心病', 'Coronary heart disease'),
  t('5', '慢性阻塞性肺疾病', 'COPD'),
  t('6', '恶性肿瘤', 'Malignant tumour', { needsText: true }),
  t('7', '脑卒中', 'Stroke'),
  t('8', '严重精神障碍', 'Severe mental disorder'),
  t('9', '结核病', 'Tuberculosis'),
  t('10', '肝炎', 'Hepatitis'),
  t('11', '其他法定传染病', 'Other notifiable infectious disease', { needsText: true }),
  t('12', '职业病', 'Occupational disease', { needsText: true }),
  t('13', '其他', 'Other', { needsText: true }),
] as const;

export const FAMILY_DISEASE = [
  t('1', '无', 'None', { exclusive: true }),
  t('2', '高血压', 'Hypertension'),
  t('3', '糖尿病', 'Diabetes'),
  t('4', '冠心病', 'Coronary heart disease'),
  t('5', '慢性阻塞性肺疾病', 'COPD'),
  t('6', '恶性肿瘤', 'Malignant tumour'),
  t('7', '脑卒中', 'Stroke'),
  t('8', '严重精神障碍', 'Severe mental disorder'),
  t('9', '结核病', 'Tuberculosis'),
  t('10', '肝炎', 'Hepatitis'),
  t('11', '先天畸形', 'Congenital malformation'),
  t('12', '其他', 'Other', { needsText: true }),
] as const;

export const DISABILITY = [
  t('1', '无残疾', 'No disability', { exclusive: true }),
  t('2', '视力残疾', 'Visual'),
  t('3', '听力残疾', 'Hearing'),
  t('4', '言语残疾', 'Speech'),
  t('5', '肢体残疾', 'Physical'),
  t('6', '智力残疾', 'Intellectual'),
  t('7', '精神残疾', 'Mental'),
  t('8', '其他残疾', 'Other', { needsText: true }),
] as const;

export const KITCHEN_EXHAUST = [
  t('1', '无', 'None'),
  t('2', '油烟机', 'Range hood'),
  t('3', '换气扇', 'Exhaust fan'),
  t('4', '烟囱', 'Chimney'),
] as const;

export const FUEL = [
  t('1', '液化气', 'LPG'),
  t('2', '煤', 'Coal'),
  t('3', '天然气', 'Natural gas'),
  t('4', '沼气', 'Biogas'),
  t('5', '柴火', 'Firewood'),
  t('6', '其他', 'Other'),
] as const;

export const DRINKING_WATER = [
  t('1', '自来水', 'Tap water'),
  t('2', '经净化过滤的水', 'Purified water'),
  t('3', '井水', 'Well water'),
  t('4', '河湖水', 'River or lake water'),
  t('5', '塘水', 'Pond water'),
  t('6', '其他', 'Other'),
] as const;

export const TOILET = [
  t('1', '卫生厕所', 'Sanitary toilet'),
  t('2', '一格或二格粪池式', 'One- or two-compartment pit'),
  t('3', '马桶', 'Commode'),
  t('4', '露天粪坑', 'Open pit'),
  t('5', '简易棚厕', 'Simple shed latrine'),
] as const;

/** 禽畜栏, 3rd edition coding (the 2011 edition had no 无 and shifted the codes by one). */
export const LIVESTOCK_PEN = [
  t('1', '无', 'None'),
  t('2', '单设', 'Separate'),
  t('3', '室内', 'Indoors'),
  t('4', '室外', 'Outdoors'),
] as const;

/** CV02.01.101 身份证件类别. */
export const ID_TYPE = [
  t('01', '居民身份证', 'Resident identity card'),
  t('02', '居民户口簿', 'Household register'),
  t('03', '护照', 'Passport'),
  t('04', '军官证', 'Military officer card'),
  t('05', '驾驶证', 'Driving licence'),
  t('06', '港澳居民来往内地通行证', 'Mainland travel permit (HK/Macao)'),
  t('07', '台湾居民来往内地通行证', 'Mainland travel permit (Taiwan)'),
  t('99', '其他法定有效证件', 'Other legal document'),
] as const;

/**
 * Relation to the head of household, after the first-level groups of GB/T 4761 家庭关系代码.
 * [K] Only the group level is used; finer codes (夫/妻, 长子 ...) can be added later.
 */
export const RELATION_TO_HEAD = [
  t('02', '户主', 'Head of household'),
  t('10', '配偶', 'Spouse'),
  t('20', '子', 'Son'),
  t('30', '女', 'Daughter'),
  t('40', '孙子女', 'Grandchild'),
  t('50', '父母', 'Parent'),
  t('60', '祖父母', 'Grandparent'),
  t('70', '兄弟姐妹', 'Sibling'),
  t('80', '其他', 'Other relative or member'),
] as const;

/** Key population tags. The first two follow from age; the others from the form or set by hand. */
export const KEY_POPULATION = [
  t('elderly', '65岁及以上老年人', 'Aged 65+'),
  t('child', '0~6岁儿童', 'Child 0-6'),
  t('hypertension', '高血压', 'Hypertension'),
  t('diabetes', '2型糖尿病', 'Type 2 diabetes'),
  t('pregnant', '孕产妇', 'Pregnant or postpartum'),
  t('severe_mental', '严重精神障碍', 'Severe mental disorder'),
  t('tuberculosis', '肺结核', 'Tuberculosis'),
  t('disability', '残疾人', 'Person with disability'),
  t('poverty', '脱贫户/监测户', 'Poverty-relief household'),
] as const;

export const ARCHIVE_REASON = [
  t('deceased', '死亡', 'Deceased'),
  t('moved_out', '迁出', 'Moved out'),
  t('other', '其他', 'Other'),
] as const;

export const RECORD_STATUS = [t('active', '在档', 'Active'), t('archived', '已结案', 'Archived')] as const;

export const CODE_TABLES = {
  sex: SEX,
  residenceType: RESIDENCE_TYPE,
  ethnicity: ETHNICITY,
  bloodType: BLOOD_TYPE,
  rh: RH,
  education: EDUCATION,
  occupation: OCCUPATION,
  maritalStatus: MARITAL_STATUS,
  paymentMethod: PAYMENT_METHOD,
  drugAllergy: DRUG_ALLERGY,
  exposure: EXPOSURE,
  pastDisease: PAST_DISEASE,
  familyDisease: FAMILY_DISEASE,
  disability: DISABILITY,
  kitchenExhaust: KITCHEN_EXHAUST,
  fuel: FUEL,
  drinkingWater: DRINKING_WATER,
  toilet: TOILET,
  livestockPen: LIVESTOCK_PEN,
  idType: ID_TYPE,
  relationToHead: RELATION_TO_HEAD,
  keyPopulation: KEY_POPULATION,
  archiveReason: ARCHIVE_REASON,
  recordStatus: RECORD_STATUS,
} as const;

export type CodeTableName = keyof typeof CODE_TABLES;
export type CodeOf<N extends CodeTableName> = (typeof CODE_TABLES)[N][number]['code'];

export function codesOf<N extends CodeTableName>(name: N): [CodeOf<N>, ...CodeOf<N>[]] {
  return CODE_TABLES[name].map((e) => e.code) as [CodeOf<N>, ...CodeOf<N>[]];
}

export function labelOf(name: CodeTableName, code: string, lang: 'zh' | 'en' = 'zh'): string | undefined {
  const entry = (CODE_TABLES[name] as readonly CodeEntry[]).find((e) => e.code === code);
  return entry?.[lang];
}
