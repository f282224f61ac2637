/**
 * The resident record: cover (封面) and personal basic information form (个人基本信息表, 3rd edition).
 * One schema for the server (validation at the edge) and the web forms (validation as the user types).
 */
import { z } from 'zod';
import { localDate } from './programs/date-math.ts';
import { CODE_TABLES, codesOf, type CodeTableName } from './code-tables.ts';
import { validateIdNumber } from './id-number.ts';
import { isValidPhone } from './phone.ts';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'date_invalid',
    },
  );
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'year_month_format' });

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).optional();
const phone = z.string().trim().refine(isValidPhone, { message: 'phone_invalid' });

/** Codes of a table whose choice needs its text (其他, 恶性肿瘤, 职业病 …). */
const needsTextCodes = (table: CodeTableName): ReadonlySet<string> =>
  new Set(CODE_TABLES[table].filter((e) => e.needsText).map((e) => e.code));

/**
 * A multiple-choice item of the form: chosen codes, and the free text a choice needs (required then).
 */
function multiChoice(table: CodeTableName, exclusiveCode?: string) {
  const codes: [string, ...string[]] = codesOf(table);
  const needsText = needsTextCodes(table);
  return z
    .object({ codes: z.array(z.enum(codes)).min(1, { message: 'choice_required' }), other: optText(100) })
    .strict()
    .refine((v) => new Set(v.codes).size === v.codes.length, { message: 'choice_duplicate', path: ['codes'] })
    .refine((v) => !exclusiveCode || !v.codes.includes(exclusiveCode) || v.codes.length === 1, {
      message: 'choice_exclusive',
      path: ['codes'],
    })
    .refine((v) => !v.codes.some((c) => needsText.has(c)) || !!v.other, {
      message: 'other_text_required',
      path: ['other'],
    });
}

/** 有/无 items with up to two rows (手术, 外伤, 输血). */
const eventHistory = z
  .object({
    has: z.boolean(),
    items: z
      .array(z.object({ name: text(50).min(1, { message: 'required' }), date: isoDate.optional() }).strict())
      .max(2),
  })
  .strict()
  .refine((v) => (v.has ? v.items.length > 0 : v.items.length === 0), {
    message: 'history_items_mismatch',
    path: ['items'],
  });

const diseaseEntry = z
  .object({ code: z.enum(codesOf('pastDisease')), diagnosedAt: yearMonth.optional(), note: optText(100) })
  .strict();

export const basicInfoSchema = z
  .object({
    workUnit: optText(100),
    contactName: optText(50),
    contactPhone: phone.optional(),
    residenceType: z.enum(codesOf('residenceType')),
    ethnicity: z.enum(codesOf('ethnicity')),
    ethnicityOther: optText(20),
    bloodType: z.enum(codesOf('bloodType')),
    rh: z.enum(codesOf('rh')),
    education: z.enum(codesOf('education')),
    occupation: z.enum(codesOf('occupation')),
    maritalStatus: z.enum(codesOf('maritalStatus')),
    paymentMethods: multiChoice('paymentMethod'),
    drugAllergy: multiChoice('drugAllergy', '1'),
    exposure: multiChoice('exposure', '1'),
    diseases: z
      .array(diseaseEntry)
      .min(1, { message: 'choice_required' })
      .refine((d) => !d.some((e) => e.code === '1') || d.length === 1, { message: 'choice_exclusive' })
      .refine((d) => new Set(d.map((e) => e.code)).size === d.length, { message: 'choice_duplicate' })
      .superRefine((d, ctx) => {
        const needsText = needsTextCodes('pastDisease');
        d.forEach((e, i) => {
          if (needsText.has(e.code) && !e.note)
            ctx.addIssue({ code: 'custom', message: 'other_text_required', path: [i, 'note'] });
        });
      }),
    surgeries: eventHistory,
    traumas: eventHistory,
    transfusions: eventHistory,
    familyHistory: z
      .object({
        father: multiChoice('familyDisease', '1'),
        mother: multiChoice('familyDisease', '1'),
        siblings: multiChoice('familyDisease', '1'),
        children: multiChoice('familyDisease', '1'),
      })
      .strict(),
    hereditaryDisease: z
      .object({ has: z.boolean(), name: optText(50) })
      .strict()
      .refine((v) => !v.has || !!v.name, { message: 'required', path: ['name'] }),
    disability: multiChoice('disability', '1'),
    environment: z
      .object({
        kitchenExhaust: z.enum(codesOf('kitchenExhaust')),
        fuel: z.enum(codesOf('fuel')),
        drinkingWater: z.enum(codesOf('drinkingWater')),
        toilet: z.enum(codesOf('toilet')),
        livestockPen: z.enum(codesOf('livestockPen')),
      })
      .strict(),
  })
  .strict()
  .refine((v) => !needsTextCodes('ethnicity').has(v.ethnicity) || !!v.ethnicityOther, {
    message: 'other_text_required',
    path: ['ethnicityOther'],
  });
export type BasicInfo = z.infer<typeof basicInfoSchema>;

/** Tags a user may set by hand; the others follow from age and the form (see keyTagsFor). */
export const MANUAL_KEY_TAGS = ['pregnant', 'poverty'] as const;

const residentFields = {
  villageCode: z.string().regex(/^\d{12}$/, { message: 'village_code_format' }),
  name: z
    .string()
    .trim()
    .min(1, { message: 'required' })
    .max(50)
    .regex(/^[\p{Script=Han}A-Za-z·・.\s]+$/u, { message: 'name_chars' }),
  sex: z.enum(codesOf('sex')),
  birthDate: isoDate,
  idType: z.enum(codesOf('idType')),
  idNumber: z.string().trim().max(30).optional(),
  phone: phone.optional(),
  currentAddress: text(200).min(1, { message: 'required' }),
  registeredAddress: optText(200),
  householdId: z.number().int().positive().optional(),
  relationToHead: z.enum(codesOf('relationToHead')).optional(),
  responsibleDoctorId: z.number().int().positive().optional(),
  recordDate: isoDate.optional(),
  manualTags: z.array(z.enum(MANUAL_KEY_TAGS)).max(MANUAL_KEY_TAGS.length).optional(),
  basicInfo: basicInfoSchema,
};

export interface ResidentCheckOptions {
  today?: string;
}

type ResidentLike = {
  sex: string;
  birthDate: string;
  idType: string;
  idNumber?: string | undefined;
  recordDate?: string | undefined;
  householdId?: number | undefined;
  relationToHead?: string | undefined;
  manualTags?: readonly string[] | undefined;
  basicInfo?: Partial<Pick<BasicInfo, 'diseases' | 'surgeries' | 'traumas' | 'transfusions'>> | undefined;
};

/** The dates of the history (diagnosis, surgery, trauma, transfusion) lie between birth and today. */
function checkHistoryDates(v: ResidentLike, ctx: z.RefinementCtx, today: string): void {
  const info = v.basicInfo;
  // A half-filled form (the web checks as the user types) may not have these yet.
  if (!info || typeof v.birthDate !== 'string') return;
  const birthMonth = v.birthDate.slice(0, 7);
  (info.diseases ?? []).forEach((d, i) => {
    if (!d?.diagnosedAt) return;
    const path = ['basicInfo', 'diseases', i, 'diagnosedAt'];
    if (d.diagnosedAt < birthMonth) ctx.addIssue({ code: 'custom', message: 'record_before_birth', path });
    else if (d.diagnosedAt > today.slice(0, 7))
      ctx.addIssue({ code: 'custom', message: 'date_future', path });
  });
  for (const key of ['surgeries', 'traumas', 'transfusions'] as const)
    (info[key]?.items ?? []).forEach((item, i) => {
      if (!item?.date) return;
      const path = ['basicInfo', key, 'items', i, 'date'];
      if (item.date < v.birthDate) ctx.addIssue({ code: 'custom', message: 'record_before_birth', path });
      else if (item.date > today) ctx.addIssue({ code: 'custom', message: 'date_future', path });
    });
}

/**
 * Cross-field rules shared by create and update: the ID number (type 01) is required and valid, and the
 * birth date and sex it carries match the form; no date lies in the future.
 */
function checkIdentity(v: ResidentLike, ctx: z.RefinementCtx, opts: ResidentCheckOptions): void {
  const today = opts.today ?? localDate();
  if (v.birthDate > today) ctx.addIssue({ code: 'custom', message: 'date_future', path: ['birthDate'] });
  if (v.recordDate && v.recordDate > today)
    ctx.addIssue({ code: 'custom', message: 'date_future', path: ['recordDate'] });
  if (v.recordDate && v.recordDate < v.birthDate)
    ctx.addIssue({ code: 'custom', message: 'record_before_birth', path: ['recordDate'] });
  if (v.householdId !== undefined && v.relationToHead === undefined)
    ctx.addIssue({ code: 'custom', message: 'required', path: ['relationToHead'] });
  if (v.idType === '01') {
    if (!v.idNumber) {
      ctx.addIssue({ code: 'custom', message: 'required', path: ['idNumber'] });
      return;
    }
    const r = validateIdNumber(v.idNumber, { today });
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error, path: ['idNumber'] });
      return;
    }
    if (r.info.birthDate !== v.birthDate)
      ctx.addIssue({ code: 'custom', message: 'birth_date_mismatch_id', path: ['birthDate'] });
    // The ID number says the sex: "unknown" (0) or "not stated" (9) cannot stand beside it.
    if (r.info.sex !== v.sex) ctx.addIssue({ code: 'custom', message: 'sex_mismatch_id', path: ['sex'] });
  } else if (v.idNumber !== undefined && v.idNumber.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'required', path: ['idNumber'] });
  }
}

/**
 * Cross-field rules shared by create and update: the identity rules above, then the dates of the history.
 */
export function checkResident(v: ResidentLike, ctx: z.RefinementCtx, opts: ResidentCheckOptions = {}): void {
  checkIdentity(v, ctx, opts);
  checkHistoryDates(v, ctx, opts.today ?? localDate());
}

export const residentCreateSchema = z
  .object({
    ...residentFields,
    /** Set after the user saw the "possible duplicate" warning and chose to create anyway. */
    confirmPossibleDuplicate: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkResident(v, ctx));
export type ResidentCreateInput = z.infer<typeof residentCreateSchema>;

/** An update sends the whole editable record with the version it edits. */
export const residentUpdateSchema = z
  .object({ ...residentFields, version: z.number().int().positive() })
  .strict()
  .superRefine((v, ctx) => checkResident(v, ctx));
export type ResidentUpdateInput = z.infer<typeof residentUpdateSchema>;

export const residentArchiveSchema = z
  .object({
    reason: z.enum(codesOf('archiveReason')),
    date: isoDate,
    note: optText(200),
    version: z.number().int().positive(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.date > localDate()) ctx.addIssue({ code: 'custom', message: 'date_future', path: ['date'] });
    if (v.reason === 'other' && !v.note)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['note'] });
  });
export type ResidentArchiveInput = z.infer<typeof residentArchiveSchema>;

/** Key population tags that follow from age, the basic information form and the hand-set tags. */
export function keyTagsFor(
  r: {
    birthDate: string;
    basicInfo: Pick<BasicInfo, 'diseases' | 'disability'>;
    manualTags?: readonly string[];
  },
  today: string = localDate(),
): string[] {
  const tags = new Set<string>(r.manualTags ?? []);
  const diseases = new Set(r.basicInfo.diseases.map((d) => d.code));
  if (diseases.has('2')) tags.add('hypertension');
  if (diseases.has('3')) tags.add('diabetes');
  if (diseases.has('8')) tags.add('severe_mental');
  // Tuberculosis is a tag of a current register entry (the TB program), not of a past TB in the history.
  if (r.basicInfo.disability.codes.some((c) => c !== '1')) tags.add('disability');
  const age = ageOn(r.birthDate, today);
  if (age >= 65) tags.add('elderly');
  if (age < 7) tags.add('child');
  return [...tags].sort();
}

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  // Compared as numbers YYYYMMDD: no allocation, this runs for every row of every list.
  const b =
    Number(birthDate.slice(0, 4)) * 10000 +
    Number(birthDate.slice(5, 7)) * 100 +
    Number(birthDate.slice(8, 10));
  const o = Number(on.slice(0, 4)) * 10000 + Number(on.slice(5, 7)) * 100 + Number(on.slice(8, 10));
  return Math.floor((o - b) / 10000);
}
