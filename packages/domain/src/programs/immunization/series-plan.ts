/**
 * The engine under vaccinationStatus and catchUpPlan: for each series of a schedule it lays the child's
 * doses (records) on the series' path, applies the 说明's catch-up rules, and gives every dose still to
 * be given its earliest date — no earlier than today, its due age, the minimum intervals from earlier
 * doses and the 28-day spacing of injected live vaccines. Pure; dates are 'YYYY-MM-DD' strings.
 */
import { addDays, addMonths } from '../date-math.ts';
import type { Dose, Duration, Schedule, Series, Vaccine } from './schedule.schema.ts';

/** What the rules need of a vaccination record (VaccinationRecord has more). */
export interface GivenDose {
  vaccine: string;
  doseNumber: number;
  date: string;
}

export type NotApplicableReason =
  /** The series follows the other kind (JE-L vs JE-I, HepA-L vs HepA-I). */
  | 'other_alternative'
  /** The dose is not given from this age (BCG from 4 years, MPSV-A from 24 months). */
  | 'catch_up_age_limit'
  /** The child is (or would be, on the dose's date) 18 or older: no more catch-up. */
  | 'age_limit'
  /** The DTaP/DT catch-up rule for children of 6 and over needs no more of this dose. */
  | 'dtp_from_6_years';

/** A precondition of a catch-up dose: BCG from 3 months only after a negative PPD test. */
export type DoseCondition = 'tuberculin_test_negative';

export interface PlanOptions {
  /** The path to offer for a series with alternatives when none of its doses is given (series id → kind). */
  alternatives?: Readonly<Record<string, string>>;
}

export interface Slot<R extends GivenDose> {
  readonly dose: Dose;
  readonly series: Series;
  /** The kind given (with a record) or to give: DT stands in for DTaP for children of 6 and over. */
  vaccine: string;
  record: R | null;
  /** Minimum interval from the previous dose given or planned on the path. */
  minInterval: Duration | null;
  dueAge: Duration;
  dropped: NotApplicableReason | null;
  /** The record's date, or the planned (earliest) date. */
  date: string | null;
  condition: DoseCondition | null;
}

export interface SeriesPlan<R extends GivenDose> {
  series: Series;
  /** The path's doses in order, then the other alternative's doses (dropped). */
  slots: Slot<R>[];
  /** Records beyond the path (more doses than the series needs). */
  extra: R[];
}

export function addDuration(date: string, d: Duration): string {
  if ('days' in d) return addDays(date, d.days);
  if ('months' in d) return addMonths(date, d.months);
  return addMonths(date, d.years * 12);
}

export const maxDate = (a: string, b: string): string => (a > b ? a : b);

export function vaccineOf(schedule: Schedule, code: string): Vaccine | undefined {
  return schedule.vaccines.find((v) => v.code === code);
}

export function isLiveInjected(schedule: Schedule, code: string): boolean {
  const v = vaccineOf(schedule, code);
  return v !== undefined && v.live && v.route !== 'oral';
}

const inCohort = (d: Dose, birthDate: string) =>
  (d.bornFrom === undefined || birthDate >= d.bornFrom) &&
  (d.bornBefore === undefined || birthDate < d.bornBefore);

const byDate = <R extends GivenDose>(a: R, b: R) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.doseNumber - b.doseNumber;

/** The records of a series and the alternative they follow (the kind of the first one, else the default). */
export function seriesPath<R extends GivenDose>(
  schedule: Schedule,
  series: Series,
  birthDate: string,
  records: readonly R[],
  options: PlanOptions = {},
): { records: R[]; alternative: string | null; path: Dose[]; others: Dose[] } {
  const own = records.filter((r) => vaccineOf(schedule, r.vaccine)?.series === series.id).sort(byDate);
  const alts = series.alternatives;
  const alternative = alts
    ? (own.find((r) => alts.includes(r.vaccine))?.vaccine ??
      options.alternatives?.[series.id] ??
      series.defaultAlternative ??
      alts[0] ??
      null)
    : null;
  const doses = schedule.doses.filter((d) => d.series === series.id && inCohort(d, birthDate));
  const onPath = (d: Dose) => d.alternative === undefined || d.alternative === alternative;
  return { records: own, alternative, path: doses.filter(onPath), others: doses.filter((d) => !onPath(d)) };
}

/** DTaP/DT catch-up at 6 years and over (说明, 百白破疫苗 补种原则 2). */
function applyDtpFrom6Years<R extends GivenDose>(slots: Slot<R>[]): void {
  const given = slots.filter((s) => s.record).length;
  const hasDt = slots.some((s) => s.record?.vaccine === 'DT');
  const open = slots.filter((s) => !s.record);
  if (given >= 3 && hasDt) {
    for (const s of open) s.dropped = 'dtp_from_6_years';
  } else if (given < 3) {
    // DT up to 3 doses in all: 2nd 1–2 months after the 1st, 3rd 6–12 months after the 2nd.
    for (const s of open) {
      const i = slots.indexOf(s);
      if (i >= 3) s.dropped = 'dtp_from_6_years';
      else {
        s.vaccine = 'DT';
        s.minInterval = i === 0 ? null : i === 1 ? { months: 1 } : { months: 6 };
      }
    }
  } else if (given === 3) {
    // Three DTaP and no DT: one DT at least 6 months after the 3rd DTaP.
    for (const s of open) {
      if (slots.indexOf(s) === 3) s.dropped = 'dtp_from_6_years';
      else {
        s.vaccine = 'DT';
        s.minInterval = { months: 6 };
      }
    }
  }
  // Four DTaP: the schedule's DT dose (≥ 12 months after the 4th) stands.
}

/**
 * Lays out every series of the schedule for a child on `today`: records on their slots, dropped doses
 * with their reason, and a planned date for each dose still to give.
 */
export function planSeries<R extends GivenDose>(
  schedule: Schedule,
  birthDate: string,
  today: string,
  records: readonly R[],
  options: PlanOptions = {},
): SeriesPlan<R>[] {
  const age = (d: Duration) => addDuration(birthDate, d);
  const adultFrom = age(schedule.catchUpBeforeAge);
  const plans: SeriesPlan<R>[] = schedule.series.map((series) => {
    const { records: own, path, others } = seriesPath(schedule, series, birthDate, records, options);
    const slots: Slot<R>[] = path.map((dose, i) => ({
      dose,
      series,
      vaccine: own[i]?.vaccine ?? dose.vaccine,
      record: own[i] ?? null,
      minInterval: dose.minInterval ?? null,
      dueAge: dose.dueAge,
      dropped: null,
      date: own[i]?.date ?? null,
      condition: null,
    }));
    if (series.catchUpRule === 'dtp-2021' && today >= age({ years: 6 })) applyDtpFrom6Years(slots);
    if (today >= adultFrom) for (const s of slots) if (!s.record) s.dropped = 'age_limit';
    for (const dose of others)
      slots.push({
        dose,
        series,
        vaccine: dose.vaccine,
        record: null,
        minInterval: null,
        dueAge: dose.dueAge,
        dropped: 'other_alternative',
        date: null,
        condition: null,
      });
    return { series, slots, extra: own.slice(path.length) };
  });

  const liveDates = records.filter((r) => isLiveInjected(schedule, r.vaccine)).map((r) => r.date);
  const spacing = schedule.liveInjectedSpacing;
  const pending = (p: SeriesPlan<R>) => p.slots.find((s) => !s.record && !s.dropped && s.date === null);

  // Greedy: place the pending dose with the earliest candidate date first, so the live-vaccine spacing
  // only ever pushes later doses.
  for (;;) {
    let best: { slot: Slot<R>; plan: SeriesPlan<R>; date: string } | null = null;
    for (const plan of plans) {
      const slot = pending(plan);
      if (!slot) continue;
      const date = candidateDate(slot, plan, birthDate, today);
      if (!best || date < best.date) best = { slot, plan, date };
    }
    if (!best) break;
    const { slot, plan } = best;
    let date = best.date;
    const live = isLiveInjected(schedule, slot.vaccine);
    if (live) date = spacedDate(date, liveDates, spacing);
    if (slot.dose.catchUpBeforeAge && date >= age(slot.dose.catchUpBeforeAge)) {
      slot.dropped = 'catch_up_age_limit';
      const next = plan.slots.find(
        (s) => s.dose.ifEarlierDropped && plan.slots.indexOf(s) > plan.slots.indexOf(slot),
      );
      if (next?.dose.ifEarlierDropped && !next.record) {
        next.dueAge = next.dose.ifEarlierDropped.dueAge;
        next.minInterval = next.dose.ifEarlierDropped.minInterval ?? null;
      }
      continue;
    }
    if (date >= adultFrom) {
      slot.dropped = 'age_limit';
      continue;
    }
    slot.date = date;
    if (slot.dose.catchUpTestFromAge && date >= age(slot.dose.catchUpTestFromAge))
      slot.condition = 'tuberculin_test_negative';
    if (live) liveDates.push(date);
  }
  return plans;
}

/** The earliest date for a slot from its own series: today, its due age and its minimum intervals. */
function candidateDate<R extends GivenDose>(
  slot: Slot<R>,
  plan: SeriesPlan<R>,
  birthDate: string,
  today: string,
): string {
  let date = maxDate(today, addDuration(birthDate, slot.dueAge));
  const before = plan.slots.slice(0, plan.slots.indexOf(slot));
  const previous = before.filter((s) => s.date !== null && !s.dropped).at(-1);
  if (previous?.date && slot.minInterval) date = maxDate(date, addDuration(previous.date, slot.minInterval));
  for (const a of slot.dose.alsoAfter ?? []) {
    const earlier = before.find((s) => s.dose.id === a.dose && s.date !== null && !s.dropped);
    if (earlier?.date) date = maxDate(date, addDuration(earlier.date, a.interval));
  }
  return date;
}

/**
 * The first date on or after `from` that is the same day as each other injected live vaccine or at least
 * `spacing` away from it (说明, 同时接种原则: two injected live vaccines not given together ≥ 28 days apart).
 */
export function spacedDate(from: string, others: readonly string[], spacing: Duration): string {
  const fits = (d: string) =>
    others.every((e) => e === d || e >= addDuration(d, spacing) || d >= addDuration(e, spacing));
  const candidates = [from, ...others.filter((e) => e > from), ...others.map((e) => addDuration(e, spacing))]
    .filter((d) => d >= from)
    .sort();
  return candidates.find(fits) ?? from;
}
