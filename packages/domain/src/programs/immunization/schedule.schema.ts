/**
 * The shape of an immunization schedule data file (免疫程序): one national version, e.g. schedule-2021.json
 * (国家免疫规划疫苗儿童免疫程序及说明, 2021年版). A newer version is another data file checked by this schema
 * when it is loaded; the rules (immunization.rules.ts) read only this shape. SOURCES.md says where each
 * number of the 2021 file comes from.
 */
import { z } from 'zod';
import { isCalendarDate } from '../date-math.ts';

const count = z.int().min(0);

/** An age or an interval in one calendar unit: `{ days: 28 }`, `{ months: 6 }`, `{ years: 3 }`. */
export const durationSchema = z.union([
  z.strictObject({ days: count }),
  z.strictObject({ months: count }),
  z.strictObject({ years: count }),
]);
export type Duration = z.infer<typeof durationSchema>;

const date = z.string().refine(isCalendarDate, 'not_a_date');
const code = z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'bad_code');

export const VACCINE_ROUTES = ['intramuscular', 'subcutaneous', 'intradermal', 'oral'] as const;
export type VaccineRoute = (typeof VACCINE_ROUTES)[number];

export const BODY_SITES = [
  'left_upper_arm',
  'right_upper_arm',
  'left_thigh',
  'right_thigh',
  'left_buttock',
  'right_buttock',
  'oral',
  'other',
] as const;
export type BodySite = (typeof BODY_SITES)[number];

/** Series rules too irregular for the data fields; the rules module implements each name. */
export const CATCH_UP_RULES = ['dtp-2021'] as const;
export type CatchUpRule = (typeof CATCH_UP_RULES)[number];

export const vaccineSchema = z.strictObject({
  code,
  zh: z.string().min(1),
  en: z.string().min(1),
  series: code,
  /** A live (attenuated) vaccine; with a route other than oral it is under the 28-day spacing rule. */
  live: z.boolean(),
  route: z.enum(VACCINE_ROUTES),
  /** The body sites the 说明 gives for the vaccine. */
  sites: z.array(z.enum(BODY_SITES)).min(1),
});
export type Vaccine = z.infer<typeof vaccineSchema>;

export const seriesSchema = z.strictObject({
  id: code,
  zh: z.string().min(1),
  en: z.string().min(1),
  /** Vaccine kinds that are alternative paths of the series (JE-L or JE-I); the first dose given picks one. */
  alternatives: z.array(code).min(2).optional(),
  /** The path offered when no dose of the series has been given. */
  defaultAlternative: code.optional(),
  catchUpRule: z.enum(CATCH_UP_RULES).optional(),
  notes: z.string().optional(),
});
export type Series = z.infer<typeof seriesSchema>;

export const doseSchema = z.strictObject({
  /** Unique in the file, e.g. 'HepB-3'. */
  id: code,
  vaccine: code,
  series: code,
  /** The dose number of the series as the schedule table prints it (bOPV-3 is the 3rd polio dose). */
  doseNumber: z.int().min(1),
  /** The alternative path the dose belongs to (one of the series' alternatives); absent when on every path. */
  alternative: code.optional(),
  /** The age from which the dose is given (起始接种年龄). */
  dueAge: durationSchema,
  /** The dose should be given before this age (说明: "<X月龄完成"); exclusive. */
  latestAge: durationSchema.optional(),
  /** Minimum interval from the previous dose given on the series' path. */
  minInterval: durationSchema.optional(),
  /** Further minimum intervals from named earlier doses. */
  alsoAfter: z.array(z.strictObject({ dose: code, interval: durationSchema })).optional(),
  /** Other vaccine kinds that may stand in for this dose (HepA-L for HepA-I-2). */
  alsoAccepts: z.array(code).optional(),
  /** The dose is no longer given from this age (catch-up limit), e.g. BCG from 4 years. */
  catchUpBeforeAge: durationSchema.optional(),
  /** From this age a catch-up dose needs a negative tuberculin test first (BCG). */
  catchUpTestFromAge: durationSchema.optional(),
  /** When the earlier doses of the series were dropped by their catch-up limit: this due age and interval. */
  ifEarlierDropped: z
    .strictObject({ dueAge: durationSchema, minInterval: durationSchema.optional() })
    .optional(),
  /** Only for children born on or after / before this date (a cohort rule of the 说明). */
  bornFrom: date.optional(),
  bornBefore: date.optional(),
  notes: z.string().optional(),
});
export type Dose = z.infer<typeof doseSchema>;

export const scheduleSchema = z
  .strictObject({
    version: z.string().min(1),
    title: z.string().min(1),
    reference: z.string().optional(),
    /** The version applies to children born on or after this date (until a newer version's date). */
    effectiveFromBirthDate: date,
    /** Missed doses are caught up for children under this age. */
    catchUpBeforeAge: durationSchema,
    /** A dose not given within this time after its due age is overdue (timeliness). */
    timelyWithin: durationSchema,
    /** Two different injected live vaccines not given on the same day need at least this much in between. */
    liveInjectedSpacing: durationSchema,
    vaccines: z.array(vaccineSchema).min(1),
    series: z.array(seriesSchema).min(1),
    doses: z.array(doseSchema).min(1),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const vaccines = new Map(s.vaccines.map((v) => [v.code, v]));
    const series = new Map(s.series.map((x) => [x.id, x]));
    const doseIds = new Set<string>();
    s.vaccines.forEach((v, i) => {
      if (s.vaccines.findIndex((w) => w.code === v.code) !== i) issue(['vaccines', i, 'code'], 'duplicate');
      if (!series.has(v.series)) issue(['vaccines', i, 'series'], 'unknown_series');
    });
    s.series.forEach((x, i) => {
      x.alternatives?.forEach((a, j) => {
        if (vaccines.get(a)?.series !== x.id) issue(['series', i, 'alternatives', j], 'unknown_vaccine');
      });
      if (x.defaultAlternative !== undefined && !x.alternatives?.includes(x.defaultAlternative))
        issue(['series', i, 'defaultAlternative'], 'not_an_alternative');
    });
    s.doses.forEach((d, i) => {
      if (doseIds.has(d.id)) issue(['doses', i, 'id'], 'duplicate');
      doseIds.add(d.id);
      const v = vaccines.get(d.vaccine);
      if (!v) issue(['doses', i, 'vaccine'], 'unknown_vaccine');
      else if (v.series !== d.series) issue(['doses', i, 'series'], 'series_mismatch');
      const x = series.get(d.series);
      if (!x) issue(['doses', i, 'series'], 'unknown_series');
      else if (x.alternatives && (d.alternative === undefined || !x.alternatives.includes(d.alternative)))
        issue(['doses', i, 'alternative'], 'not_an_alternative');
      else if (!x.alternatives && d.alternative !== undefined)
        issue(['doses', i, 'alternative'], 'no_alternatives');
      d.alsoAfter?.forEach((a, j) => {
        if (!doseIds.has(a.dose)) issue(['doses', i, 'alsoAfter', j, 'dose'], 'unknown_earlier_dose');
      });
      d.alsoAccepts?.forEach((k, j) => {
        if (vaccines.get(k)?.series !== d.series) issue(['doses', i, 'alsoAccepts', j], 'unknown_vaccine');
      });
      if (d.bornFrom && d.bornBefore && d.bornFrom >= d.bornBefore)
        issue(['doses', i, 'bornBefore'], 'empty_cohort');
    });
  });
export type Schedule = z.infer<typeof scheduleSchema>;

/** Checks a schedule data file; throws a ZodError whose issues name the path (e.g. doses.3.vaccine). */
export function parseSchedule(data: unknown): Schedule {
  return scheduleSchema.parse(data);
}

/**
 * The version that applies to a child: the one with the latest `effectiveFromBirthDate` on or before the
 * birth date (the birth cohort), or null when the child was born before every version.
 */
export function scheduleFor(birthDate: string, schedules: readonly Schedule[]): Schedule | null {
  let best: Schedule | null = null;
  for (const s of schedules) {
    if (
      s.effectiveFromBirthDate <= birthDate &&
      (!best || s.effectiveFromBirthDate > best.effectiveFromBirthDate)
    )
      best = s;
  }
  return best;
}
