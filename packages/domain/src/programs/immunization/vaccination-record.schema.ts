/**
 * One vaccination (a dose row of the 预防接种卡, FACTS §3.13), a contraindication (接种禁忌) and an adverse
 * event following immunization (疑似预防接种异常反应, AEFI). Records may come from jkda, the provincial
 * immunization information system or an import; the rules (checkVaccinationRecord) say which fields a
 * record of each source must carry.
 */
import { z } from 'zod';
import { isCalendarDate } from '../date-math.ts';
import type { CodeEntry } from '../../code-tables.ts';
import { BODY_SITES, VACCINE_ROUTES, type BodySite, type VaccineRoute } from './schedule.schema.ts';

const date = z.string().refine(isCalendarDate, 'not_a_date');
const text = (max: number) => z.string().trim().min(1).max(max);

/** Body sites (接种部位) as the card records them. */
export const BODY_SITE_CODES = [
  { code: 'left_upper_arm', zh: '左上臂', en: 'Left upper arm' },
  { code: 'right_upper_arm', zh: '右上臂', en: 'Right upper arm' },
  { code: 'left_thigh', zh: '左大腿', en: 'Left thigh' },
  { code: 'right_thigh', zh: '右大腿', en: 'Right thigh' },
  { code: 'left_buttock', zh: '左臀部', en: 'Left buttock' },
  { code: 'right_buttock', zh: '右臀部', en: 'Right buttock' },
  { code: 'oral', zh: '口服', en: 'Oral' },
  { code: 'other', zh: '其他', en: 'Other', needsText: true },
] as const satisfies readonly (CodeEntry & { code: BodySite })[];

export const ROUTE_CODES = [
  { code: 'intramuscular', zh: '肌内注射', en: 'Intramuscular' },
  { code: 'subcutaneous', zh: '皮下注射', en: 'Subcutaneous' },
  { code: 'intradermal', zh: '皮内注射', en: 'Intradermal' },
  { code: 'oral', zh: '口服', en: 'Oral' },
] as const satisfies readonly (CodeEntry & { code: VaccineRoute })[];

export const RECORD_SOURCES = ['jkda', 'provincial', 'import'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export const vaccinationRecordSchema = z
  .strictObject({
    /** jkda's id of the record, once stored. */
    id: z.string().min(1).optional(),
    /** Vaccine code of the schedule (HepB, bOPV, JE-L …); other codes are checked by the rules. */
    vaccine: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'bad_code'),
    /** The series dose number as the schedule table prints it (bOPV at 4 years is dose 4). */
    doseNumber: z.int().min(1).max(10),
    date,
    lotNumber: text(40).nullable(),
    manufacturer: text(100).nullable(),
    site: z.enum(BODY_SITES).nullable(),
    /** Free text when the site is 'other'. */
    siteText: text(50).optional(),
    route: z.enum(VACCINE_ROUTES).nullable(),
    /** The vaccinating institution (org id). */
    institutionId: z.string().min(1).nullable(),
    /** 接种医生: jkda user id when known, and the name as written on the card. */
    staff: z.strictObject({ userId: z.string().min(1).nullable(), name: text(50) }).nullable(),
    source: z.enum(RECORD_SOURCES),
    /** The record's id in the system it came from; required unless the source is jkda. */
    sourceRecordId: text(100).nullable(),
    notes: z.string().max(500).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.source !== 'jkda' && r.sourceRecordId === null)
      ctx.addIssue({ code: 'custom', path: ['sourceRecordId'], message: 'required' });
    if (r.site === 'other' && !r.siteText)
      ctx.addIssue({ code: 'custom', path: ['siteText'], message: 'required' });
  });
export type VaccinationRecord = z.infer<typeof vaccinationRecordSchema>;

/** Common reasons not to vaccinate (接种禁忌), as a short code list with free text. */
export const CONTRAINDICATION_CODES = [
  { code: 'allergy', zh: '对疫苗成分过敏或既往接种后严重过敏', en: 'Allergy to a vaccine component' },
  { code: 'immunodeficiency', zh: '免疫缺陷或免疫抑制', en: 'Immunodeficiency or immunosuppression' },
  {
    code: 'neurological',
    zh: '脑病、未控制的癫痫或其他进行性神经系统疾病',
    en: 'Encephalopathy or uncontrolled epilepsy',
  },
  { code: 'acute_illness', zh: '急性疾病、发热或慢性病急性发作', en: 'Acute illness or fever' },
  { code: 'other', zh: '其他', en: 'Other', needsText: true },
] as const satisfies readonly CodeEntry[];

export const contraindicationSchema = z
  .strictObject({
    code: z.enum(['allergy', 'immunodeficiency', 'neurological', 'acute_illness', 'other']),
    text: z.string().trim().max(200).optional(),
    /** The vaccine it concerns; null for every vaccine. */
    vaccine: z.string().min(1).nullable(),
    kind: z.enum(['permanent', 'temporary']),
    recordedOn: date,
    /** A temporary contraindication ends on this date. */
    until: date.nullable(),
    recordedBy: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    if (c.code === 'other' && !c.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'required' });
    if (c.kind === 'permanent' && c.until !== null)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'permanent_has_end' });
    if (c.until !== null && c.until < c.recordedOn)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'before_recorded' });
  });
export type Contraindication = z.infer<typeof contraindicationSchema>;

export const AEFI_SEVERITIES = ['non_serious', 'serious'] as const;
/** The classification after investigation (一般反应, 异常反应, 偶合症, 接种事故, 心因性反应, 待定). */
export const AEFI_CLASSES = [
  'common_reaction',
  'rare_reaction',
  'coincidental',
  'programme_error',
  'psychogenic',
  'undetermined',
] as const;

export const aefiSchema = z
  .strictObject({
    /** The vaccination it follows, when recorded in jkda. */
    vaccinationRecordId: z.string().min(1).nullable(),
    vaccine: z.string().min(1),
    vaccinationDate: date,
    onsetDate: date,
    symptoms: z.array(text(100)).min(1),
    severity: z.enum(AEFI_SEVERITIES),
    classification: z.enum(AEFI_CLASSES).optional(),
    outcome: z.enum(['recovered', 'improving', 'sequelae', 'died', 'unknown']).optional(),
    /** Reported to the AEFI surveillance system. */
    reported: z.boolean(),
    reportedOn: date.nullable(),
    reportId: z.string().min(1).nullable(),
  })
  .superRefine((a, ctx) => {
    if (a.onsetDate < a.vaccinationDate)
      ctx.addIssue({ code: 'custom', path: ['onsetDate'], message: 'before_vaccination' });
    if (a.reported && a.reportedOn === null)
      ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: 'required' });
    if (!a.reported && a.reportedOn !== null)
      ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: 'not_reported' });
    if (a.reportedOn !== null && a.reportedOn < a.onsetDate)
      ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: 'before_onset' });
  });
export type Aefi = z.infer<typeof aefiSchema>;
