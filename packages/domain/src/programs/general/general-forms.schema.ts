/**
 * General forms of the health record (FACTS §3.8): 接诊记录表 (encounter, SOAP), 会诊记录表 (consultation) and
 * the two halves of the 双向转诊单 (referral out / referral back). The date, the resident and the signing
 * doctor's account are the service record's envelope (followup.schema.ts serviceRecordCreateSchema); the
 * schemas below hold the form's own fields.
 */
import { z } from 'zod';
import { isValidPhone } from '../../phone.ts';

const text = (max: number) => z.string().trim().max(max);
const reqText = (max: number) => text(max).min(1, { message: 'required' });
const optText = (max: number) => text(max).optional();

/** Free-text fields of the clinical notes. */
export const NOTE_MAX = 2000;

export const encounterSchema = z
  .object({
    /** 就诊者的主观资料 (S). */
    subjective: reqText(NOTE_MAX),
    /** 就诊者的客观资料 (O). */
    objective: reqText(NOTE_MAX),
    /** 评估 (A). */
    assessment: reqText(NOTE_MAX),
    /** 处置计划 (P). */
    plan: reqText(NOTE_MAX),
    /** 健康处方. */
    healthPrescription: optText(NOTE_MAX),
  })
  .strict();
export type Encounter = z.infer<typeof encounterSchema>;

export const consultationSchema = z
  .object({
    /** 会诊原因. */
    reason: reqText(NOTE_MAX),
    /** 会诊意见. */
    opinion: reqText(NOTE_MAX),
    /** 会诊医生及其所在医疗卫生机构 (the form has room for 5). */
    consultants: z
      .array(z.object({ doctor: reqText(50), institution: reqText(100) }).strict())
      .min(1, { message: 'required' })
      .max(5),
    /** 责任医生 (name as signed). */
    responsibleDoctor: reqText(50),
  })
  .strict();
export type Consultation = z.infer<typeof consultationSchema>;

/** 转出单. The patient's basic information comes from the health record. */
export const referralOutSchema = z
  .object({
    /** 转入医疗机构. */
    toInstitution: reqText(100),
    /** 科室. */
    toDepartment: reqText(50),
    /** 接诊医生, when known. */
    receivingDoctor: optText(50),
    /** 初步印象. */
    impression: reqText(NOTE_MAX),
    /** 主要现病史 (转出原因). */
    presentIllness: reqText(NOTE_MAX),
    /** 主要既往史. */
    pastHistory: reqText(NOTE_MAX),
    /** 治疗经过. */
    treatment: reqText(NOTE_MAX),
    /** 转诊医生（签字）. */
    referringDoctor: reqText(50),
    /** 联系电话 of the referring side. */
    contactPhone: z.string().trim().refine(isValidPhone, { message: 'phone_invalid' }).optional(),
  })
  .strict();
export type ReferralOut = z.infer<typeof referralOutSchema>;

/** 回转单, filled by the receiving institution when the patient comes back. */
export const referralBackSchema = z
  .object({
    /** 诊断结果. */
    diagnosis: reqText(NOTE_MAX),
    /** 住院病案号. */
    inpatientNo: optText(50),
    /** 主要检查结果. */
    mainResults: reqText(NOTE_MAX),
    /** 治疗经过. */
    treatment: reqText(NOTE_MAX),
    /** 下一步治疗方案及康复建议. */
    nextPlan: reqText(NOTE_MAX),
    /** The institution that sends the patient back. */
    fromInstitution: reqText(100),
    /** 医生（签字）. */
    doctor: reqText(50),
    /** The service record of the matching 转出单, when it is in the system. */
    outReferralId: z.int().positive().optional(),
  })
  .strict();
export type ReferralBack = z.infer<typeof referralBackSchema>;
