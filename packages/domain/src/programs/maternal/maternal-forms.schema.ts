/**
 * The maternal forms of the 3rd edition as records (FACTS §3.9; SOURCES.md §1): 第1次产前检查服务记录表,
 * 第2~5次产前随访服务记录表, 产后访视记录表, 产后42天健康检查记录表, and the pregnancy outcome that is no printed
 * form. The date of the service (填表日期, 随访/督促日期, 随访日期) is the envelope's serviceDate; the schemas hold
 * the forms' own fields. Measurements and laboratory results are optional (not every visit does each, and
 * the items marked * are not in the basic package); maternal.rules.ts tells abnormal from normal.
 *
 * Units: BP mmHg, weight kg, height / fundal height / abdominal circumference cm, haemoglobin g/L, WBC and
 * platelets ×10⁹/L, glucose mmol/L, ALT/AST U/L, albumin g/L, bilirubin µmol/L, creatinine µmol/L, urea
 * mmol/L, temperature °C, fetal heart rate beats/min, birth weight g.
 */
import { z } from 'zod';
import { isoDate } from '../../resident.schema.ts';
import {
  ABO,
  bpSchema,
  CHECK42_GUIDANCE,
  CHECK42_HANDLING,
  count,
  DELIVERY_MODE,
  described,
  enumOf,
  FAMILY_HISTORY,
  FIRST_PRENATAL_GUIDANCE,
  gestationalAgeSchema,
  GYNAECOLOGICAL_SURGERY,
  multi,
  multiChoiceIssues,
  NEG_POS,
  NEWBORN_SEX,
  NORMAL_ABNORMAL,
  num,
  optText,
  PAST_HISTORY,
  PERSONAL_HISTORY,
  POSTPARTUM_GUIDANCE,
  PREGNANCY_OUTCOME,
  PRENATAL_GUIDANCE_BY_VISIT,
  RECOVERY,
  referralSchema,
  reqText,
  RH_FACTOR,
  text,
  urineResult,
  VAGINAL_CLEANLINESS,
  VAGINAL_SECRETIONS,
} from './maternal-codes.ts';

const normalAbnormal = described(NORMAL_ABNORMAL);
const negPos = enumOf(NEG_POS);
const doctor = reqText(50);

/**
 * An ultrasound that dated the pregnancy: the day of the scan and the gestational age it measured. Not a
 * separate box of the printed form (its B超 row is free text); kept apart so the rules can date by it.
 */
export const ultrasoundDatingSchema = z
  .object({ date: isoDate, weeks: z.int().min(4).max(42), days: z.int().min(0).max(6) })
  .strict();
export type UltrasoundDating = z.infer<typeof ultrasoundDatingSchema>;

// ---------------------------------------------------------------------------------------------------------
// 第1次产前检查服务记录表
// ---------------------------------------------------------------------------------------------------------

const labs = z
  .object({
    bloodRoutine: z
      .object({
        hemoglobin: num(0, 300).optional(),
        wbc: num(0, 500).optional(),
        platelets: num(0, 3000).optional(),
        other: optText(100),
      })
      .strict()
      .optional(),
    urineRoutine: z
      .object({
        protein: urineResult.optional(),
        glucose: urineResult.optional(),
        ketones: urineResult.optional(),
        occultBlood: urineResult.optional(),
        other: optText(100),
      })
      .strict()
      .optional(),
    bloodType: z
      .object({ abo: enumOf(ABO).optional(), rh: enumOf(RH_FACTOR).optional() })
      .strict()
      .optional(),
    /** 血糖* (mmol/L). */
    glucose: num(0, 100).optional(),
    liver: z
      .object({
        alt: num(0, 10000).optional(),
        ast: num(0, 10000).optional(),
        albumin: num(0, 100).optional(),
        totalBilirubin: num(0, 1000).optional(),
        directBilirubin: num(0, 1000).optional(),
      })
      .strict()
      .optional(),
    kidney: z
      .object({ creatinine: num(0, 5000).optional(), urea: num(0, 200).optional() })
      .strict()
      .optional(),
    vaginalSecretions: multi(VAGINAL_SECRETIONS).optional(),
    vaginalCleanliness: enumOf(VAGINAL_CLEANLINESS).optional(),
    /** 乙型肝炎五项: HBsAg is in the basic package, the other four are marked *. */
    hepatitisB: z
      .object({
        hbsag: negPos.optional(),
        hbsab: negPos.optional(),
        hbeag: negPos.optional(),
        hbeab: negPos.optional(),
        hbcab: negPos.optional(),
      })
      .strict()
      .optional(),
    syphilis: negPos.optional(),
    hiv: negPos.optional(),
    /** B超* as written. */
    ultrasound: optText(500),
    other: optText(500),
  })
  .strict();

export const firstPrenatalSchema = z
  .object({
    /** 孕周 on the day of the form as recorded; the rules compute it from the LMP or the ultrasound. */
    gestationalAge: gestationalAgeSchema.optional(),
    /** 孕妇年龄 as recorded (the rules compute it from the birth date). */
    age: z.int().min(0).max(80).optional(),
    husband: z
      .object({ name: optText(50), age: z.int().min(10).max(100).optional(), phone: optText(30) })
      .strict()
      .optional(),
    /** 孕次: pregnancies including this one. */
    gravidity: z.int().min(1).max(30),
    /** 产次: deliveries after 28 weeks before this pregnancy, vaginal and caesarean. */
    parity: z.object({ vaginal: count(20), caesarean: count(20) }).strict(),
    /** 末次月经: the first day of the last period, or 'unknown' (不详). */
    lmp: z.union([isoDate, z.literal('unknown')]),
    /** 预产期 as recorded (the rules compute it). */
    dueDate: isoDate.optional(),
    ultrasoundDating: ultrasoundDatingSchema.optional(),
    pastHistory: multi(PAST_HISTORY),
    familyHistory: multi(FAMILY_HISTORY, { allowNone: true }).default({ codes: [] }),
    personalHistory: multi(PERSONAL_HISTORY),
    gynaecologicalSurgery: described(GYNAECOLOGICAL_SURGERY),
    /** 孕产史: counts, 0 when none. */
    pregnancyHistory: z
      .object({
        spontaneousAbortion: count(30),
        inducedAbortion: count(30),
        fetalDeath: count(30),
        stillbirth: count(30),
        neonatalDeath: count(30),
        birthDefect: count(30),
      })
      .strict(),
    heightCm: num(50, 250).optional(),
    weightKg: num(10, 350).optional(),
    /** 体质指数 as recorded; checked against weight / height². */
    bmi: num(5, 100).optional(),
    bp: bpSchema,
    auscultation: z.object({ heart: normalAbnormal, lungs: normalAbnormal }).strict(),
    gynaecology: z
      .object({
        vulva: normalAbnormal.optional(),
        vagina: normalAbnormal.optional(),
        cervix: normalAbnormal.optional(),
        uterus: normalAbnormal.optional(),
        adnexa: normalAbnormal.optional(),
      })
      .strict()
      .default({}),
    labs: labs.default({}),
    /** 总体评估: 1 未见异常, 2 异常 (describe). */
    overallAssessment: normalAbnormal,
    guidance: multi(FIRST_PRENATAL_GUIDANCE),
    referral: referralSchema,
    /** 下次随访日期 as agreed; the rules compute the start of the 2nd visit's window when absent. */
    nextVisitDate: isoDate.optional(),
    doctor,
  })
  .strict()
  .superRefine((v, ctx) => {
    // 产次 counts deliveries of earlier pregnancies only, so it cannot reach 孕次 (which includes this one).
    if (v.parity.vaginal + v.parity.caesarean > v.gravidity - 1)
      ctx.addIssue({ code: 'custom', message: 'parity_exceeds_gravidity', path: ['parity'] });
  });
export type FirstPrenatal = z.infer<typeof firstPrenatalSchema>;

// ---------------------------------------------------------------------------------------------------------
// 第2~5次产前随访服务记录表
// ---------------------------------------------------------------------------------------------------------

/** Which of the 2nd to 5th prenatal visits the record is (the column of the form). */
export const prenatalVisitNumber = z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
  message: 'invalid_value',
});
export type PrenatalVisitNumber = z.infer<typeof prenatalVisitNumber>;

/** 失访 / 死亡: the form asks to write the reason in the date box, or the date and cause of death. */
const lostFields = {
  kind: z.literal('lost'),
  reason: reqText(200),
  death: z
    .object({ date: isoDate, cause: reqText(200) })
    .strict()
    .optional(),
  doctor,
};

const examinedFollowUp = z
  .object({
    kind: z.literal('examined'),
    visitNumber: prenatalVisitNumber,
    gestationalAge: gestationalAgeSchema,
    /** 主诉 (无 when none). */
    complaint: text(200).default(''),
    weightKg: num(10, 350).optional(),
    fundalHeightCm: num(0, 60).optional(),
    abdominalCircumferenceCm: num(30, 200).optional(),
    fetalPosition: optText(30),
    fetalHeartRate: z.int().min(0).max(300).optional(),
    bp: bpSchema,
    hemoglobin: num(0, 300).optional(),
    urineProtein: urineResult.optional(),
    otherTests: optText(500),
    classification: normalAbnormal,
    /** Codes of the visit's own list (PRENATAL_GUIDANCE_BY_VISIT). */
    guidance: z
      .object({
        codes: z.array(z.string().max(2)).min(1, { message: 'choice_required' }),
        other: optText(100),
      })
      .strict(),
    referral: referralSchema,
    nextVisitDate: isoDate.optional(),
    doctor,
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const i of multiChoiceIssues(PRENATAL_GUIDANCE_BY_VISIT[v.visitNumber], v.guidance))
      ctx.addIssue({ code: 'custom', message: i.message, path: ['guidance', ...i.path] });
  });

/**
 * A primary unit without a midwifery licence records only the day it urged the woman to attend a qualified
 * institution (the envelope's serviceDate is that 督促日期) — no examination.
 */
const urgedFollowUp = z
  .object({
    kind: z.literal('urged'),
    visitNumber: prenatalVisitNumber,
    /** 孕周 on the day of urging, when known. */
    gestationalAge: gestationalAgeSchema.optional(),
    /** The qualified institution she was told to attend. */
    institution: optText(100),
    nextVisitDate: isoDate.optional(),
    doctor,
  })
  .strict();

const lostFollowUp = z.object({ ...lostFields, visitNumber: prenatalVisitNumber }).strict();

export const prenatalFollowUpSchema = z.discriminatedUnion('kind', [
  examinedFollowUp,
  urgedFollowUp,
  lostFollowUp,
]);
export type PrenatalFollowUp = z.infer<typeof prenatalFollowUpSchema>;

// ---------------------------------------------------------------------------------------------------------
// 产后访视记录表 and 产后42天健康检查记录表
// ---------------------------------------------------------------------------------------------------------

const puerperium = {
  /** 分娩日期. */
  deliveryDate: isoDate,
  /** 出院日期. */
  dischargeDate: isoDate,
  /** 一般健康情况 and 一般心理状况 (signs of postpartum depression), as described. */
  generalHealth: reqText(200),
  mentalState: reqText(200),
  /** 血压: measured when needed. */
  bp: bpSchema.optional(),
  breasts: normalAbnormal,
  lochia: normalAbnormal,
  uterus: normalAbnormal,
  wound: normalAbnormal,
  other: optText(200),
  doctor,
};

const dischargeAfterDelivery = (v: { deliveryDate: string; dischargeDate: string }, ctx: z.RefinementCtx) => {
  if (v.dischargeDate < v.deliveryDate)
    ctx.addIssue({ code: 'custom', message: 'date_order', path: ['dischargeDate'] });
};

const examinedPostpartum = z
  .object({
    kind: z.literal('examined'),
    ...puerperium,
    temperature: num(30, 45).optional(),
    classification: normalAbnormal,
    guidance: multi(POSTPARTUM_GUIDANCE),
    referral: referralSchema,
    nextVisitDate: isoDate.optional(),
  })
  .strict()
  .superRefine(dischargeAfterDelivery);

const lostPostpartum = z
  .object({ ...lostFields, deliveryDate: isoDate.optional(), dischargeDate: isoDate.optional() })
  .strict();

export const postpartumVisitSchema = z.discriminatedUnion('kind', [examinedPostpartum, lostPostpartum]);
export type PostpartumVisit = z.infer<typeof postpartumVisitSchema>;

const examined42 = z
  .object({
    kind: z.literal('examined'),
    ...puerperium,
    /** 分类: 1 已恢复, 2 未恢复 (describe). */
    classification: described(RECOVERY),
    guidance: multi(CHECK42_GUIDANCE),
    /** 处理: 1 结案, 2 转诊 (reason, institution and department). */
    handling: z
      .object({ code: enumOf(CHECK42_HANDLING), reason: optText(200), institution: optText(100) })
      .strict()
      .superRefine((v, ctx) => {
        if (v.code === '2' && !v.reason)
          ctx.addIssue({ code: 'custom', message: 'required', path: ['reason'] });
        if (v.code === '2' && !v.institution)
          ctx.addIssue({ code: 'custom', message: 'required', path: ['institution'] });
      }),
  })
  .strict()
  .superRefine(dischargeAfterDelivery);

export const postpartum42Schema = z.discriminatedUnion('kind', [examined42, lostPostpartum]);
export type Postpartum42 = z.infer<typeof postpartum42Schema>;

// ---------------------------------------------------------------------------------------------------------
// Pregnancy outcome (妊娠结局; not a printed form)
// ---------------------------------------------------------------------------------------------------------

const baby = z
  .object({
    sex: enumOf(NEWBORN_SEX),
    bornAlive: z.boolean(),
    birthWeightG: z.int().min(100).max(7000).optional(),
    /** The newborn's own resident record, once it exists (a resident id, not a service record). */
    residentId: z.int().positive().optional(),
  })
  .strict();

export const pregnancyOutcomeSchema = z
  .object({
    outcome: described(PREGNANCY_OUTCOME),
    /** The day the pregnancy ended: the birth date for a birth. */
    date: isoDate,
    gestationalAge: gestationalAgeSchema.optional(),
    deliveryMode: enumOf(DELIVERY_MODE).optional(),
    institution: optText(100),
    /** One entry per baby of a birth (live birth, fetal death, stillbirth); none otherwise. */
    babies: z.array(baby).max(6).default([]),
    doctor,
  })
  .strict();
export type PregnancyOutcome = z.infer<typeof pregnancyOutcomeSchema>;
