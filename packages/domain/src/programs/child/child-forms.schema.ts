/**
 * The child forms of the 3rd edition as records (FACTS §3.9; SOURCES.md §1): 新生儿家庭访视记录表, the three
 * health-check forms (1岁以内, 1~2岁, 3~6岁; one schema each, the check's month age a field) and the two TCM
 * guidance forms (one schema, the month age a field). The date of the service (本次访视日期, 随访日期) is
 * the envelope's serviceDate. What a check must hold depends on its column: the superRefine of each schema
 * asks for the items the form prints at that age (child.schedule.ts) and refuses the ones it does not.
 *
 * Units: weight kg, length/height/head circumference cm, haemoglobin g/L, temperature °C, heart and
 * respiratory rate per minute, milk mL a feed, outdoor activity hours a day, vitamin D IU a day, vision in
 * the 5-point record (标准对数视力表, 5.0 = 1.0).
 */
import { z } from 'zod';
import { isoDate } from '../../resident.schema.ts';
import {
  count,
  described,
  enumOf,
  gestationalAgeSchema,
  multi,
  multiChoiceIssues,
  num,
  optText,
  referralSchema,
  reqText,
} from '../form-kit.ts';
import {
  BIRTH_SITUATION,
  CHECK_GUIDANCE,
  CHILD_SEX,
  COMPLEXION,
  COMPLEXION_TODDLER,
  DISEASE_SCREENING,
  FEEDING,
  FONTANELLE_CHECK,
  FONTANELLE_NEWBORN,
  HEARING,
  HEARING_SCREENING,
  ILLNESS,
  JAUNDICE_SITES,
  MOTHER_ILLNESS,
  NEWBORN_GUIDANCE,
  NO_YES,
  NORMAL_ABNORMAL,
  PHYSICAL_ASSESSMENT,
  PRESCHOOL_GUIDANCE,
  RICKETS_SIGNS,
  RICKETS_SYMPTOMS,
  SKIN_NEWBORN,
  STOOL,
  TCM_SERVICES,
  UMBILICAL_CORD,
} from './child-codes.ts';
import {
  GAIT_MONTHS,
  HEARING_MONTHS,
  HEMOGLOBIN_REQUIRED_MONTHS,
  INFANT_MONTHS,
  PRESCHOOL_MONTHS,
  RICKETS_SIGN_MONTHS,
  RICKETS_SYMPTOM_MONTHS,
  TCM_MONTHS,
  TODDLER_MONTHS,
  VISION_MONTHS,
  type CheckMonth,
} from './child.schedule.ts';

const normalAbnormal = described(NORMAL_ABNORMAL);
const noYes = described(NO_YES);
const doctor = reqText(50);
const monthOf = <M extends number>(months: readonly M[]) =>
  z.union(months.map((m) => z.literal(m)) as unknown as [z.ZodLiteral<M>, z.ZodLiteral<M>], {
    message: 'invalid_value',
  });

/** Absolute bounds of the schema (anything outside is not a measurement); child.rules.ts judges by age. */
const weightKg = num(0.3, 80);
const lengthCm = num(20, 150);
const headCm = num(20, 60);
/** 上 / 中 / 下 as entered (the rules compute the grade and compare). */
export const gradeSchema = z.enum(['上', '中', '下'], { message: 'invalid_value' });
/** Haemoglobin g/L. */
const hemoglobin = num(20, 250);

/** A size in cm × cm (前囟). */
const sizeCm = z.object({ lengthCm: num(0, 10), widthCm: num(0, 10) }).strict();

// ---------------------------------------------------------------------------------------------------------
// 新生儿家庭访视记录表
// ---------------------------------------------------------------------------------------------------------

const parent = z
  .object({ name: optText(50), occupation: optText(50), phone: optText(30), birthDate: isoDate.optional() })
  .strict();

export const newbornVisitSchema = z
  .object({
    /** 姓名: the child's name, or until named the mother's name + 之男 / 之女 (provisionalNewbornName). */
    name: reqText(50),
    sex: enumOf(CHILD_SEX),
    /** 出生日期 as written (the rules compare it with the resident's). */
    birthDate: isoDate,
    /** 身份证号: may come later. */
    idNumber: z
      .string()
      .regex(/^\d{17}[\dX]$/, { message: 'id_charset' })
      .optional(),
    address: optText(200),
    father: parent.optional(),
    mother: parent.optional(),
    /** 出生孕周. */
    gestationalAge: gestationalAgeSchema,
    motherIllness: multi(MOTHER_ILLNESS),
    /** 助产机构名称: "无" when not born in an institution. */
    deliveryInstitution: reqText(100),
    birthSituation: multi(BIRTH_SITUATION),
    /** 新生儿窒息 1 无 2 有, with the Apgar scores at 1 and 5 minutes (or 不详). */
    asphyxia: z
      .object({
        code: enumOf(NO_YES),
        apgar1: z.int().min(0).max(10).optional(),
        apgar5: z.int().min(0).max(10).optional(),
        apgarUnknown: z.boolean().optional(),
      })
      .strict(),
    /** 是否有畸型: 有 describes it. */
    malformation: noYes,
    hearingScreening: enumOf(HEARING_SCREENING),
    diseaseScreening: multi(DISEASE_SCREENING),
    birthWeightKg: num(0.3, 7),
    currentWeightKg: num(0.3, 10),
    birthLengthCm: num(20, 70),
    feeding: enumOf(FEEDING),
    /** 吃奶量 mL a feed and 吃奶次数 a day. */
    milkMl: num(0, 500).optional(),
    feedsPerDay: count(50).optional(),
    vomiting: noYes,
    stool: described(STOOL),
    stoolsPerDay: count(30).optional(),
    temperature: num(30, 45),
    heartRate: z.int().min(30).max(300),
    respiratoryRate: z.int().min(5).max(150),
    complexion: described(COMPLEXION),
    jaundice: multi(JAUNDICE_SITES),
    fontanelle: z
      .object({ code: enumOf(FONTANELLE_NEWBORN), other: optText(100), size: sizeCm.optional() })
      .strict(),
    eyes: normalAbnormal,
    limbs: normalAbnormal,
    ears: normalAbnormal,
    neckMass: noYes,
    nose: normalAbnormal,
    skin: described(SKIN_NEWBORN),
    mouth: normalAbnormal,
    anus: normalAbnormal,
    heartLung: normalAbnormal,
    chest: normalAbnormal,
    abdomen: normalAbnormal,
    genitals: normalAbnormal,
    spine: normalAbnormal,
    umbilicalCord: described(UMBILICAL_CORD),
    referral: referralSchema,
    guidance: multi(NEWBORN_GUIDANCE),
    /**
     * 出院日期: not a box of the print; the visit is due within 7 days of coming home, so we keep it when
     * known (a home birth: the birth date).
     */
    dischargeDate: isoDate.optional(),
    nextVisitPlace: optText(100),
    nextVisitDate: isoDate.optional(),
    doctor,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.fontanelle.code === '4' && !v.fontanelle.other)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['fontanelle', 'other'] });
    if (v.dischargeDate && v.dischargeDate < v.birthDate)
      ctx.addIssue({ code: 'custom', message: 'date_order', path: ['dischargeDate'] });
    if (v.asphyxia.code === '2' && v.asphyxia.apgar1 === undefined && !v.asphyxia.apgarUnknown)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['asphyxia', 'apgar1'] });
  });
export type NewbornVisit = z.infer<typeof newbornVisitSchema>;

// ---------------------------------------------------------------------------------------------------------
// The health checks
// ---------------------------------------------------------------------------------------------------------

/** 两次随访间患病情况: 患病 gives the counts of pneumonia, diarrhoea and trauma, or another illness. */
const illnessSchema = z
  .object({
    code: enumOf(ILLNESS),
    pneumonia: count(50).optional(),
    diarrhoea: count(50).optional(),
    trauma: count(50).optional(),
    other: optText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    const any = (v.pneumonia ?? 0) + (v.diarrhoea ?? 0) + (v.trauma ?? 0) > 0 || !!v.other;
    if (v.code === '2' && !any) ctx.addIssue({ code: 'custom', message: 'required', path: ['pneumonia'] });
    if (v.code === '1' && any)
      ctx.addIssue({ code: 'custom', message: 'not_applicable', path: ['pneumonia'] });
  });

/** 发育评估: the numbers (1–4) of the warning signs ticked for the check's age; none ticked = none seen. */
const developmentSchema = z
  .object({ signs: z.array(z.enum(['1', '2', '3', '4'], { message: 'invalid_value' })).max(4) })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.signs).size !== v.signs.length)
      ctx.addIssue({ code: 'custom', message: 'choice_duplicate', path: ['signs'] });
  });

const fontanelleCheck = z.object({ code: enumOf(FONTANELLE_CHECK), size: sizeCm.optional() }).strict();

type Ctx = z.RefinementCtx;
const need = (ctx: Ctx, path: string) => ctx.addIssue({ code: 'custom', message: 'required', path: [path] });
const refuse = (ctx: Ctx, path: string) =>
  ctx.addIssue({ code: 'custom', message: 'not_applicable', path: [path] });

/** Asks for `field` at the month ages `at`; with `only`, refuses it at the others. */
function perCheck(
  v: Record<string, unknown>,
  ctx: Ctx,
  field: string,
  month: CheckMonth,
  at: readonly CheckMonth[],
  only = true,
) {
  const present = v[field] !== undefined;
  if (at.includes(month) && !present) need(ctx, field);
  if (only && !at.includes(month) && present) refuse(ctx, field);
}

/** The items of every check form. */
const common = {
  weightKg,
  weightGrade: gradeSchema.optional(),
  chest: normalAbnormal,
  abdomen: normalAbnormal,
  hemoglobin: hemoglobin.optional(),
  /** 发育评估: absent at 满月 (the form starts at 3 months). */
  development: developmentSchema.optional(),
  illness: illnessSchema,
  referral: referralSchema,
  nextVisitDate: isoDate.optional(),
  doctor,
};

/** The items of the checks under 3 years. */
const underThree = {
  complexion: described(COMPLEXION),
  skin: normalAbnormal,
  fontanelle: fontanelleCheck,
  eyes: normalAbnormal,
  ears: normalAbnormal,
  hearing: enumOf(HEARING).optional(),
  limbs: normalAbnormal,
  ricketsSigns: multi(RICKETS_SIGNS).optional(),
  outdoorHours: num(0, 24).optional(),
  vitaminDIu: num(0, 5000).optional(),
  guidance: multi(CHECK_GUIDANCE),
};

/**
 * Items every check shares in its refinement: 发育评估 from 3 months, 听力 at 6, 12, 24 and 36 months only,
 * haemoglobin required at 18 and 30 months and 4–6 years (kept at any check when measured).
 */
function checkRefine(v: Record<string, unknown> & { monthAge: CheckMonth }, ctx: Ctx) {
  const m = v.monthAge;
  perCheck(v, ctx, 'development', m, [3, 6, 8, ...TODDLER_MONTHS, ...PRESCHOOL_MONTHS]);
  perCheck(v, ctx, 'hemoglobin', m, HEMOGLOBIN_REQUIRED_MONTHS, false);
  perCheck(v, ctx, 'hearing', m, HEARING_MONTHS);
}

/** 1岁以内儿童健康检查记录表: 满月 (1), 3, 6 and 8 months. */
export const infantCheckSchema = z
  .object({
    monthAge: monthOf(INFANT_MONTHS),
    ...common,
    ...underThree,
    lengthCm,
    lengthGrade: gradeSchema.optional(),
    headCm,
    neckMass: noYes,
    /** 口腔 at 满月 and 3 months; 出牙数 at 6 and 8 months. */
    mouth: normalAbnormal.optional(),
    teethErupted: count(20).optional(),
    /** 脐部: at 满月 未脱 / 脱落 / 脐部有渗出 / 其他; at 3 months 未见异常 / 异常; not asked later. */
    umbilicus: z
      .object({ code: z.string().max(2), other: optText(200) })
      .strict()
      .optional(),
    ricketsSymptoms: multi(RICKETS_SYMPTOMS).optional(),
    anusGenitals: normalAbnormal,
  })
  .strict()
  .superRefine((v, ctx) => {
    const m = v.monthAge;
    checkRefine(v, ctx);
    perCheck(v, ctx, 'mouth', m, [1, 3]);
    perCheck(v, ctx, 'teethErupted', m, [6, 8]);
    perCheck(v, ctx, 'ricketsSymptoms', m, RICKETS_SYMPTOM_MONTHS);
    perCheck(v, ctx, 'ricketsSigns', m, RICKETS_SIGN_MONTHS);
    perCheck(v, ctx, 'umbilicus', m, [1, 3]);
    if (v.umbilicus) {
      const table = m === 1 ? UMBILICAL_CORD : NORMAL_ABNORMAL;
      for (const i of multiChoiceIssues(table, { codes: [v.umbilicus.code], other: v.umbilicus.other }))
        ctx.addIssue({
          code: 'custom',
          message: i.message,
          path: ['umbilicus', i.path[0] === 'codes' ? 'code' : 'other'],
        });
    }
  });
export type InfantCheck = z.infer<typeof infantCheckSchema>;

/** 1~2岁儿童健康检查记录表: 12, 18, 24 and 30 months. */
export const toddlerCheckSchema = z
  .object({
    monthAge: monthOf(TODDLER_MONTHS),
    ...common,
    ...underThree,
    complexion: described(COMPLEXION_TODDLER),
    /** 身长(高): recumbent length or standing height, as measured (the growth rules adjust by 0.7 cm). */
    lengthCm,
    measured: z.enum(['recumbent', 'standing'], { message: 'invalid_value' }).optional(),
    lengthGrade: gradeSchema.optional(),
    /** 头围: not a row of the form past 1 year; kept when measured. */
    headCm: headCm.optional(),
    /** 出牙数 / 龋齿数. */
    teeth: z.object({ erupted: count(20), caries: count(20) }).strict(),
    gait: normalAbnormal.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const m = v.monthAge;
    checkRefine(v, ctx);
    perCheck(v, ctx, 'ricketsSigns', m, RICKETS_SIGN_MONTHS);
    perCheck(v, ctx, 'gait', m, GAIT_MONTHS, false);
    if (v.teeth.caries > v.teeth.erupted)
      ctx.addIssue({ code: 'custom', message: 'caries_exceed_teeth', path: ['teeth', 'caries'] });
  });
export type ToddlerCheck = z.infer<typeof toddlerCheckSchema>;

/** 视力: each eye in the 5-point record (3.0–5.3). */
const visionSchema = z.object({ left: num(3, 5.3), right: num(3, 5.3) }).strict();

/** 3~6岁儿童健康检查记录表: 3, 4, 5 and 6 years (36, 48, 60, 72 months). */
export const preschoolCheckSchema = z
  .object({
    monthAge: monthOf(PRESCHOOL_MONTHS),
    ...common,
    heightCm: lengthCm,
    heightGrade: gradeSchema.optional(),
    /** 体重/身高 grade as entered. */
    weightForHeightGrade: gradeSchema.optional(),
    /** 体格发育评价 as entered. */
    physicalAssessment: multi(PHYSICAL_ASSESSMENT),
    vision: visionSchema.optional(),
    /** 听力: at 3 years. */
    hearing: enumOf(HEARING).optional(),
    /** 牙数 / 龋齿数. */
    teeth: z.object({ count: count(32), caries: count(32) }).strict(),
    other: optText(500),
    guidance: multi(PRESCHOOL_GUIDANCE),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkRefine(v, ctx);
    perCheck(v, ctx, 'vision', v.monthAge, VISION_MONTHS, false);
    if (v.teeth.caries > v.teeth.count)
      ctx.addIssue({ code: 'custom', message: 'caries_exceed_teeth', path: ['teeth', 'caries'] });
  });
export type PreschoolCheck = z.infer<typeof preschoolCheckSchema>;

export type ChildCheckForm = InfantCheck | ToddlerCheck | PreschoolCheck;

// ---------------------------------------------------------------------------------------------------------
// 6~18月龄 / 24~36月龄儿童中医药健康管理服务记录表
// ---------------------------------------------------------------------------------------------------------

export const childTcmSchema = z
  .object({
    monthAge: monthOf(TCM_MONTHS),
    /** 中医药健康管理服务: codes of the month's list (TCM_SERVICES). */
    services: z
      .object({
        codes: z.array(z.string().max(2)).min(1, { message: 'choice_required' }),
        other: optText(100),
      })
      .strict(),
    nextVisitDate: isoDate.optional(),
    doctor,
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const i of multiChoiceIssues(TCM_SERVICES[v.monthAge], v.services))
      ctx.addIssue({ code: 'custom', message: i.message, path: ['services', ...i.path] });
  });
export type ChildTcm = z.infer<typeof childTcmSchema>;
