/**
 * 预防接种 (immunization): a child enters the register at birth and leaves on the 7th birthday (the due
 * list is of children 0–6; doses missed before 18 can still be recorded and are planned by catchUpPlan).
 * Three service types: the vaccination (a dose row of the 预防接种卡), a contraindication and an adverse
 * event following immunization. The register's schedule is the national schedule that applies to the
 * child's birth cohort (schedules.ts): what is due next is vaccinationStatus's next dose.
 */
import { z } from 'zod';
import type { Lang } from '../../messages.ts';
import { completedYears, addDays } from '../date-math.ts';
import { isoDate } from '../../resident.schema.ts';
import { optText, reqText, withCodes } from '../form-kit.ts';
import type { HistoryRecord, ProgramDef, RegisterSchedule, ScheduleInput, ScheduledDue } from '../program.ts';
import { NO_VALUES } from '../program.ts';
import { checkVaccinationRecord, vaccinationStatus } from './immunization.rules.ts';
import { IMMUNIZATION_MESSAGES } from './immunization.messages.ts';
import { BODY_SITES, VACCINE_ROUTES, type Schedule } from './schedule.schema.ts';
import { LATEST_SCHEDULE, shippedScheduleFor } from './schedules.ts';
import type { GivenDose } from './series-plan.ts';
import {
  AEFI_CLASSES,
  AEFI_SEVERITIES,
  BODY_SITE_CODES,
  CONTRAINDICATION_CODES,
  RECORD_SOURCES,
  ROUTE_CODES,
  type VaccinationRecord,
} from './vaccination-record.schema.ts';

export const IMMUNIZATION_REGISTER = 'immunization';
export const IMMUNIZATION_TYPES = {
  vaccination: 'immunization_dose',
  contraindication: 'immunization_contraindication',
  aefi: 'immunization_aefi',
} as const;

const date = isoDate;

/**
 * The form of one vaccination: the card's row. The date is the record's service date; the institution and
 * the staff of a record made in jkda are the record's own (its institution, the signing user), so the form
 * names them only for a dose given elsewhere (source provincial or import).
 */
export const vaccinationFormSchema = z
  .strictObject({
    vaccine: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'bad_code'),
    doseNumber: z.int().min(1).max(10),
    lotNumber: optText(40),
    manufacturer: optText(100),
    site: withCodes(z.enum(BODY_SITES), BODY_SITE_CODES).optional(),
    siteText: optText(50),
    route: withCodes(z.enum(VACCINE_ROUTES), ROUTE_CODES).optional(),
    source: z.enum(RECORD_SOURCES).default('jkda'),
    sourceRecordId: optText(100),
    /** Where a dose recorded from elsewhere was given. */
    institution: optText(100),
    /** 接种医生 as written on the card. */
    staffName: reqText(50),
    notes: optText(500),
  })
  .superRefine((r, ctx) => {
    if (r.source !== 'jkda' && !r.sourceRecordId)
      ctx.addIssue({ code: 'custom', path: ['sourceRecordId'], message: 'required' });
    if (r.source !== 'jkda' && !r.institution)
      ctx.addIssue({ code: 'custom', path: ['institution'], message: 'required' });
    if (r.site === 'other' && !r.siteText)
      ctx.addIssue({ code: 'custom', path: ['siteText'], message: 'required' });
  });
export type VaccinationForm = z.infer<typeof vaccinationFormSchema>;

/** A contraindication (接种禁忌), recorded on its day (the record's service date). */
export const contraindicationFormSchema = z
  .strictObject({
    code: withCodes(
      z.enum(['allergy', 'immunodeficiency', 'neurological', 'acute_illness', 'other']),
      CONTRAINDICATION_CODES,
    ),
    text: optText(200),
    /** The vaccine it concerns; absent for every vaccine. */
    vaccine: z.string().min(1).max(20).optional(),
    kind: z.enum(['permanent', 'temporary']),
    /** A temporary contraindication ends on this date. */
    until: date.optional(),
    doctor: reqText(50),
  })
  .superRefine((c, ctx) => {
    if (c.code === 'other' && !c.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'required' });
    if (c.kind === 'permanent' && c.until)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'permanent_has_end' });
    if (c.kind === 'temporary' && !c.until)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'required' });
  });
export type ContraindicationForm = z.infer<typeof contraindicationFormSchema>;

/** An adverse event following immunization (疑似预防接种异常反应), recorded on the day it is reported to jkda. */
export const aefiFormSchema = z
  .strictObject({
    vaccine: z.string().min(1).max(20),
    vaccinationDate: date,
    onsetDate: date,
    symptoms: z.array(reqText(100)).min(1, { message: 'choice_required' }),
    severity: z.enum(AEFI_SEVERITIES),
    classification: z.enum(AEFI_CLASSES).optional(),
    outcome: z.enum(['recovered', 'improving', 'sequelae', 'died', 'unknown']).optional(),
    reported: z.boolean(),
    reportedOn: date.optional(),
    reportId: optText(100),
    doctor: reqText(50),
  })
  .superRefine((a, ctx) => {
    if (a.onsetDate < a.vaccinationDate)
      ctx.addIssue({ code: 'custom', path: ['onsetDate'], message: 'before_vaccination' });
    if (a.reported && !a.reportedOn)
      ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: 'required' });
    if (!a.reported && a.reportedOn)
      ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: 'not_reported' });
    if (a.reportedOn && a.reportedOn < a.onsetDate)
      ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: 'before_onset' });
  });
export type AefiForm = z.infer<typeof aefiFormSchema>;

/** The doses of the resident's vaccination records, as the rules read them. */
export const givenDoses = (records: readonly HistoryRecord[]): GivenDose[] =>
  records
    .filter((r) => r.type === IMMUNIZATION_TYPES.vaccination)
    .map((r) => ({
      vaccine: String(r.form.vaccine),
      doseNumber: Number(r.form.doseNumber),
      date: r.serviceDate,
    }));

/** The card's record of a form (what checkVaccinationRecord reads). */
function recordOf(f: VaccinationForm, on: string): VaccinationRecord {
  const here = f.source === 'jkda';
  return {
    vaccine: f.vaccine,
    doseNumber: f.doseNumber,
    date: on,
    lotNumber: f.lotNumber ?? null,
    manufacturer: f.manufacturer ?? null,
    site: f.site ?? null,
    ...(f.siteText ? { siteText: f.siteText } : {}),
    route: f.route ?? null,
    // A record made here was given by the record's institution.
    institutionId: here ? 'record' : (f.institution ?? null),
    staff: { userId: null, name: f.staffName },
    source: f.source,
    sourceRecordId: f.sourceRecordId ?? null,
  };
}

const FIELD_OF: Readonly<Record<string, string>> = {
  date: 'serviceDate',
  institutionId: 'institution',
  staff: 'staffName',
};

/** The schedule of a child's cohort (null for children born before every shipped version). */
const scheduleOf = (birthDate: string): Schedule | null => shippedScheduleFor(birthDate);

export function evaluateVaccination(
  form: VaccinationForm,
  ctx: { birthDate: string; serviceDate: string; history?: readonly HistoryRecord[] },
) {
  const schedule = scheduleOf(ctx.birthDate);
  if (!schedule)
    return {
      errors: [{ field: 'form', code: 'no_schedule_for_birth_date' }],
      warnings: [],
      values: NO_VALUES,
    };
  const check = checkVaccinationRecord(recordOf(form, ctx.serviceDate), {
    birthDate: ctx.birthDate,
    previous: givenDoses(ctx.history ?? []),
    schedule,
    // The service date is checked against the county's today by the envelope; here it is the limit.
    today: ctx.serviceDate,
  });
  const place = (i: { field: string; code: string }) => ({
    field: FIELD_OF[i.field] ?? i.field,
    code: i.code,
  });
  return {
    errors: check.errors.map(place),
    warnings: check.warnings.map(place),
    values: { ...NO_VALUES, classification: check.doseId ?? `${form.vaccine}:${form.doseNumber}` },
  };
}

/** 乙肝疫苗 第2剂 (a dose id of the schedule, or vaccine:dose for a dose outside it). */
export function doseWords(key: string, lang: Lang, schedule: Schedule | null = LATEST_SCHEDULE): string {
  const dose = schedule?.doses.find((d) => d.id === key);
  const [code, n] = dose ? [dose.vaccine, dose.doseNumber] : [key.split(':')[0]!, Number(key.split(':')[1])];
  const v = schedule?.vaccines.find((x) => x.code === code);
  const name = v ? v[lang] : code;
  if (!Number.isFinite(n)) return name;
  return lang === 'zh' ? `${name} 第${n}剂` : `${name}, dose ${n}`;
}

export function immunizationDue(input: ScheduleInput): ScheduledDue | null {
  const schedule = scheduleOf(input.birthDate);
  if (!schedule) return null;
  const status = vaccinationStatus({
    birthDate: input.birthDate,
    today: input.on,
    records: givenDoses(input.records),
    schedule,
  });
  if (!status.next) return null;
  const dose = status.doses.find((d) => d.doseId === status.next!.doseId)!;
  // The plan never dates a dose before today: a dose that can be given now has been due since its due
  // age (or since today, when an interval from the last dose held it back until now).
  const next = status.next.date;
  const from = next <= input.on && dose.dueDate < next ? dose.dueDate : next;
  // Overdue from `overdueFrom` (the last day of the window is the day before).
  const by = addDays(dose.overdueFrom, -1);
  return { type: IMMUNIZATION_TYPES.vaccination, key: dose.doseId, from, by: by < from ? from : by };
}

export const immunizationSchedule: RegisterSchedule = {
  types: [IMMUNIZATION_TYPES.vaccination],
  nextDue: immunizationDue,
  dueWords: (key, lang) => doseWords(key, lang),
};

const CONTRA_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  permanent: ['永久禁忌', 'Permanent contraindication'],
  temporary: ['暂缓接种', 'Temporary contraindication'],
  non_serious: ['一般反应', 'Non-serious'],
  serious: ['严重', 'Serious'],
};

const underCatchUpAge = (r: { birthDate: string }, on: string) => completedYears(r.birthDate, on) < 18;

export const immunizationProgram: ProgramDef = {
  id: IMMUNIZATION_REGISTER,
  label: { zh: '预防接种', en: 'Immunization' },
  messages: IMMUNIZATION_MESSAGES,
  register: {
    program: IMMUNIZATION_REGISTER,
    label: { zh: '0~6岁儿童预防接种', en: 'Immunization 0–6' },
    entry: { by: 'age', minAge: 0, maxAge: 7 },
    tag: 'child',
    schedule: immunizationSchedule,
    worklist: ['overdue', 'due_week'],
    worklistTitle: { zh: '预防接种应种名单', en: 'Vaccinations due' },
  },
  services: [
    {
      type: IMMUNIZATION_TYPES.vaccination,
      label: { zh: '预防接种', en: 'Vaccination' },
      schema: vaccinationFormSchema,
      // Not tied to the register: doses missed before 18 are caught up after the child has left it.
      appliesTo: underCatchUpAge,
      usesHistory: [IMMUNIZATION_TYPES.vaccination],
      evaluate: (form, ctx) => evaluateVaccination(form as VaccinationForm, ctx),
      resultWords: (c, lang) => doseWords(c, lang),
    },
    {
      type: IMMUNIZATION_TYPES.contraindication,
      label: { zh: '接种禁忌', en: 'Vaccination contraindication' },
      schema: contraindicationFormSchema,
      appliesTo: underCatchUpAge,
      evaluate: (form, ctx) => {
        const f = form as ContraindicationForm;
        const errors =
          f.until && f.until < ctx.serviceDate ? [{ field: 'form.until', code: 'before_recorded' }] : [];
        return { errors, warnings: [], values: { ...NO_VALUES, classification: f.kind } };
      },
      resultWords: (c, lang) => CONTRA_WORDS[c]?.[lang === 'zh' ? 0 : 1] ?? '',
    },
    {
      type: IMMUNIZATION_TYPES.aefi,
      label: { zh: '疑似预防接种异常反应', en: 'Adverse event following immunization' },
      schema: aefiFormSchema,
      appliesTo: underCatchUpAge,
      usesHistory: [IMMUNIZATION_TYPES.vaccination],
      evaluate: (form, ctx) => {
        const f = form as AefiForm;
        const errors = [];
        const warnings = [];
        if (f.vaccinationDate < ctx.birthDate)
          errors.push({ field: 'form.vaccinationDate', code: 'before_birth' });
        if (f.onsetDate > ctx.serviceDate)
          errors.push({ field: 'form.onsetDate', code: 'date_after_service' });
        const given = givenDoses(ctx.history ?? []);
        if (!given.some((d) => d.vaccine === f.vaccine && d.date === f.vaccinationDate))
          warnings.push({ field: 'form.vaccinationDate', code: 'aefi_no_vaccination_record' });
        if (f.severity === 'serious' && !f.reported)
          warnings.push({ field: 'form.reported', code: 'aefi_serious_not_reported' });
        return { errors, warnings, values: { ...NO_VALUES, classification: f.severity } };
      },
      resultWords: (c, lang) => CONTRA_WORDS[c]?.[lang === 'zh' ? 0 : 1] ?? '',
    },
  ],
};
