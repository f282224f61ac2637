/**
 * Immunization rules for a child (预防接种, FACTS §5): where each dose of the schedule stands today, the
 * catch-up plan (补种) and the checks of one vaccination record. Pure and I/O-free: the caller gives the
 * schedule (scheduleFor picks it by birth date), the records and today (the county's local date).
 *
 * Status of a dose on `today` (decided in SOURCES.md, "Status"):
 * - complete: a record fills it;
 * - notApplicable: the other alternative of the series, dropped by a catch-up rule, or past 18 years;
 * - overdue: not given on `overdueFrom` = the earlier of (due age + the schedule's `timelyWithin`, one
 *   month) and the 说明's latest age — the dose was not given in time; its `earliestDate` may still be
 *   later (waiting for an interval);
 * - due: its earliest date has come and it is not overdue;
 * - notYetDue: its earliest date is after today.
 */
import type { FieldIssue } from '../program.ts';
import type { Duration, Schedule } from './schedule.schema.ts';
import {
  addDuration,
  isLiveInjected,
  planSeries,
  vaccineOf,
  type DoseCondition,
  type GivenDose,
  type NotApplicableReason,
  type PlanOptions,
  type Slot,
} from './series-plan.ts';
import type { VaccinationRecord } from './vaccination-record.schema.ts';

export type DoseState = 'complete' | 'due' | 'overdue' | 'notYetDue' | 'notApplicable';

export interface DoseStatus<R extends GivenDose = GivenDose> {
  doseId: string;
  series: string;
  /** The kind given, or the kind to give (DT in place of DTaP from 6 years). */
  vaccine: string;
  doseNumber: number;
  status: DoseState;
  record: R | null;
  /** The date of the due age in the schedule. */
  dueDate: string;
  /** From this date a dose not given is overdue. */
  overdueFrom: string;
  /** The 说明's latest age as a date (exclusive), when it gives one. */
  latestDate: string | null;
  /** The earliest date the dose can be given (due, overdue, notYetDue); null otherwise. */
  earliestDate: string | null;
  reason: NotApplicableReason | null;
  condition: DoseCondition | null;
}

export interface ChildImmunizationInput<R extends GivenDose = GivenDose> {
  birthDate: string;
  today: string;
  records: readonly R[];
  schedule: Schedule;
  options?: PlanOptions;
}

export interface VaccinationStatus<R extends GivenDose = GivenDose> {
  scheduleVersion: string;
  /** Every dose of the child's paths, series by series in schedule order, then the other alternatives. */
  doses: DoseStatus<R>[];
  /** The dose to give next (earliest date, then schedule order); null when nothing is left. */
  next: { doseId: string; vaccine: string; date: string } | null;
}

function doseStatus<R extends GivenDose>(
  slot: Slot<R>,
  schedule: Schedule,
  birthDate: string,
  today: string,
): DoseStatus<R> {
  const dueDate = addDuration(birthDate, slot.dose.dueAge);
  const latestDate = slot.dose.latestAge ? addDuration(birthDate, slot.dose.latestAge) : null;
  const timelyEnd = addDuration(dueDate, schedule.timelyWithin);
  const overdueFrom = latestDate && latestDate < timelyEnd ? latestDate : timelyEnd;
  const open = !slot.record && !slot.dropped;
  const status: DoseState = slot.record
    ? 'complete'
    : slot.dropped
      ? 'notApplicable'
      : today >= overdueFrom
        ? 'overdue'
        : slot.date !== null && slot.date <= today
          ? 'due'
          : 'notYetDue';
  return {
    doseId: slot.dose.id,
    series: slot.series.id,
    vaccine: slot.vaccine,
    doseNumber: slot.dose.doseNumber,
    status,
    record: slot.record,
    dueDate,
    overdueFrom,
    latestDate,
    earliestDate: open ? slot.date : null,
    reason: slot.dropped,
    condition: open ? slot.condition : null,
  };
}

/** Where each dose of the schedule stands for the child on `today`, and the next dose to give. */
export function vaccinationStatus<R extends GivenDose>(
  input: ChildImmunizationInput<R>,
): VaccinationStatus<R> {
  const { birthDate, today, records, schedule, options } = input;
  const plans = planSeries(schedule, birthDate, today, records, options);
  const doses = plans.flatMap((p) => p.slots.map((s) => doseStatus(s, schedule, birthDate, today)));
  let next: VaccinationStatus<R>['next'] = null;
  for (const d of doses)
    if (d.earliestDate !== null && (!next || d.earliestDate < next.date))
      next = { doseId: d.doseId, vaccine: d.vaccine, date: d.earliestDate };
  return { scheduleVersion: schedule.version, doses, next };
}

export interface PlannedDose {
  doseId: string;
  series: string;
  vaccine: string;
  doseNumber: number;
  date: string;
  /** Given after the 说明's latest age (a catch-up dose in the strict sense). */
  late: boolean;
  condition: DoseCondition | null;
}

export interface CatchUpPlan {
  scheduleVersion: string;
  /** False from 18 years: the 说明's catch-up is for children under 18. */
  eligible: boolean;
  /** Every dose still to give, by date then schedule order; each on or after today. */
  doses: PlannedDose[];
  /** Doses that will not be given, with the reason (other alternatives are left out). */
  dropped: { doseId: string; vaccine: string; reason: NotApplicableReason }[];
}

/**
 * The dates of the remaining doses for a child: each on or after today, its due age and the minimum
 * intervals of its series, the 说明's catch-up rules applied, and injected live vaccines either on the
 * same day or ≥ 28 days apart (all programme vaccines may be given on the same day).
 */
export function catchUpPlan(input: ChildImmunizationInput): CatchUpPlan {
  const { birthDate, today, records, schedule, options } = input;
  const status = vaccinationStatus({ birthDate, today, records, schedule, ...(options ? { options } : {}) });
  const doses: PlannedDose[] = [];
  const dropped: CatchUpPlan['dropped'] = [];
  status.doses.forEach((d) => {
    if (d.earliestDate !== null)
      doses.push({
        doseId: d.doseId,
        series: d.series,
        vaccine: d.vaccine,
        doseNumber: d.doseNumber,
        date: d.earliestDate,
        late: d.latestDate !== null && d.earliestDate >= d.latestDate,
        condition: d.condition,
      });
    else if (d.reason && d.reason !== 'other_alternative')
      dropped.push({ doseId: d.doseId, vaccine: d.vaccine, reason: d.reason });
  });
  const order = new Map(status.doses.map((d, i) => [d.doseId, i]));
  doses.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : order.get(a.doseId)! - order.get(b.doseId)!,
  );
  return {
    scheduleVersion: schedule.version,
    eligible: today < addDuration(birthDate, schedule.catchUpBeforeAge),
    doses,
    dropped,
  };
}

export interface RecordCheck {
  /** Refuse the record. */
  errors: FieldIssue[];
  /** Keep it and show these. */
  warnings: FieldIssue[];
  /** The schedule dose the record fills, when it fills one. */
  doseId: string | null;
}

export interface RecordCheckContext {
  birthDate: string;
  /** The child's other records (without this one). */
  previous: readonly GivenDose[];
  schedule: Schedule;
  /** The county's local date: a record may not be dated after it. */
  today: string;
}

const REQUIRED_DETAILS = ['lotNumber', 'manufacturer', 'site', 'route', 'institutionId', 'staff'] as const;

const short = (from: string, to: string, d: Duration) => to < addDuration(from, d);

/**
 * Checks one vaccination record against the child and their other records. A record made in jkda must
 * be complete and right (errors); one from the provincial system or an import records what happened
 * elsewhere, so the same problems are warnings. Intervals shorter than the 说明's minimum and doses
 * before the due age are warnings for every source: the dose was given and is counted (SOURCES.md).
 */
export function checkVaccinationRecord(record: VaccinationRecord, ctx: RecordCheckContext): RecordCheck {
  const { birthDate, previous, schedule, today } = ctx;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const strict = record.source === 'jkda';
  const issue = (field: string, code: string, error = strict) =>
    (error ? errors : warnings).push({ field, code });
  const result = (doseId: string | null): RecordCheck => ({ errors, warnings, doseId });

  for (const f of REQUIRED_DETAILS) if (record[f] === null) issue(f, 'required');
  if (record.date < birthDate) issue('date', 'before_birth', true);
  if (record.date > today) issue('date', 'in_future', true);
  const vaccine = vaccineOf(schedule, record.vaccine);
  if (!vaccine) {
    issue('vaccine', 'unknown_vaccine', true);
    return result(null);
  }
  if (record.route !== null && record.route !== vaccine.route) issue('route', 'route_mismatch');
  if (record.site !== null && record.site !== 'other' && !vaccine.sites.includes(record.site))
    warnings.push({ field: 'site', code: 'site_unusual' });

  const series = schedule.series.find((s) => s.id === vaccine.series)!;
  const numbers = schedule.doses.filter(
    (d) =>
      d.series === series.id &&
      (!series.alternatives || d.vaccine === record.vaccine || d.alsoAccepts?.includes(record.vaccine)),
  );
  if (!numbers.some((d) => d.doseNumber === record.doseNumber))
    issue('doseNumber', 'dose_number_invalid', true);
  if (previous.some((p) => p.vaccine === record.vaccine && p.date === record.date))
    issue('date', 'duplicate_same_day', true);
  if (errors.some((e) => ['dose_number_invalid', 'duplicate_same_day', 'before_birth'].includes(e.code)))
    return result(null);

  // Lay the record with the others on the series as of its date, and see which dose it fills.
  const all = [...previous, record];
  const plan = planSeries(schedule, birthDate, record.date, all).find((p) => p.series.id === series.id)!;
  if (plan.extra.includes(record)) {
    warnings.push({ field: 'vaccine', code: 'series_already_complete' });
    return result(null);
  }
  const index = plan.slots.findIndex((s) => s.record === record);
  const slot = plan.slots[index]!;
  const dose = slot.dose;
  if (dose.doseNumber !== record.doseNumber)
    warnings.push({ field: 'doseNumber', code: 'dose_number_mismatch' });
  if (series.alternatives && record.vaccine !== dose.vaccine && !dose.alsoAccepts?.includes(record.vaccine))
    warnings.push({ field: 'vaccine', code: 'alternative_mixed' });
  const at = (d: Duration) => addDuration(birthDate, d);
  if (record.date < at(slot.dueAge)) warnings.push({ field: 'date', code: 'before_due_age' });
  if (dose.catchUpBeforeAge && record.date >= at(dose.catchUpBeforeAge))
    warnings.push({ field: 'date', code: 'past_catch_up_age' });
  const before = plan.slots.slice(0, index).filter((s) => s.record);
  const prev = before.at(-1);
  const tooSoon =
    (prev?.record && slot.minInterval && short(prev.record.date, record.date, slot.minInterval)) ||
    (dose.alsoAfter ?? []).some((a) => {
      const e = before.find((s) => s.dose.id === a.dose)?.record;
      return e !== undefined && e !== null && short(e.date, record.date, a.interval);
    });
  if (tooSoon) warnings.push({ field: 'date', code: 'interval_short' });
  const tooClose = (p: GivenDose) => {
    const [a, b] = p.date < record.date ? [p.date, record.date] : [record.date, p.date];
    return a !== b && short(a, b, schedule.liveInjectedSpacing);
  };
  const live = (p: GivenDose) => isLiveInjected(schedule, p.vaccine);
  if (live(record) && previous.some((p) => p.vaccine !== record.vaccine && live(p) && tooClose(p)))
    warnings.push({ field: 'date', code: 'live_vaccine_spacing' });
  return result(dose.id);
}
