/**
 * The maternal register's schedule (RegisterDef.schedule): the pregnancy's state read off the signed
 * records of the current register entry, and the next service due with its window (maternalNextDue).
 */
import type { Lang } from '../../messages.ts';
import type {
  HistoryRecord,
  PlannedService,
  PlanState,
  RegisterSchedule,
  ScheduleInput,
  ScheduledDue,
} from '../program.ts';
import {
  check42Window,
  datePregnancy,
  dueDate,
  isBirth,
  maternalNextDue,
  OUTCOME_KEYS,
  postpartumVisitWindow,
  prenatalSchedule,
  type PregnancyState,
} from './maternal.rules.ts';

export const MATERNAL_TYPE_IDS = {
  firstPrenatal: 'maternal_first_prenatal',
  prenatalFollowUp: 'maternal_prenatal_followup',
  postpartumVisit: 'maternal_postpartum_visit',
  postpartum42: 'maternal_postpartum_42d',
  outcome: 'maternal_outcome',
} as const;

const T = MATERNAL_TYPE_IDS;
type Form = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** What the records of one register entry say of the pregnancy (records oldest first). */
export function pregnancyStateOf(records: readonly HistoryRecord[], enrolledOn: string): PregnancyState {
  const state: PregnancyState & { prenatalVisitsDone: number[] } = { dating: null, prenatalVisitsDone: [] };
  for (const r of records) {
    if (r.serviceDate < enrolledOn) continue;
    const f: Form = r.form;
    if (r.type === T.firstPrenatal) {
      const lmp = str(f.lmp);
      const u = f.ultrasoundDating as { date: string; weeks: number; days: number } | undefined;
      state.dating = datePregnancy({ lmp: lmp === 'unknown' ? null : lmp, ultrasound: u ?? null });
      state.prenatalVisitsDone.push(1);
    } else if (r.type === T.prenatalFollowUp && f.kind !== 'lost') {
      state.prenatalVisitsDone.push(Number(f.visitNumber));
    } else if (r.type === T.outcome) {
      const key = OUTCOME_KEYS[(f.outcome as { code: string }).code];
      state.deliveryDate = str(f.date);
      state.birth = key ? isBirth(key) : false;
    } else if ((r.type === T.postpartumVisit || r.type === T.postpartum42) && f.kind === 'examined') {
      // A postpartum form also says a birth took place, when the outcome was not recorded.
      state.deliveryDate ??= str(f.deliveryDate);
      state.birth ??= true;
      state.dischargeDate = str(f.dischargeDate);
      if (r.type === T.postpartumVisit) state.postpartumVisitDone = true;
      else {
        state.postpartumVisitDone = true;
        state.check42Done = true;
        state.closed = true;
      }
    }
  }
  return state;
}

/** The next maternal service of a register entry. */
export function maternalDue(input: ScheduleInput): ScheduledDue | null {
  const due = maternalNextDue(pregnancyStateOf(input.records, input.enrolledOn), input.on);
  if (!due) return null;
  if (due.kind === 'prenatal')
    return {
      type: due.visit === 1 ? T.firstPrenatal : T.prenatalFollowUp,
      key: `prenatal:${due.visit}`,
      from: due.from,
      by: due.to,
    };
  if (due.kind === 'postpartum_visit')
    return { type: T.postpartumVisit, key: 'postpartum_visit', from: due.from, by: due.to };
  return { type: T.postpartum42, key: 'check42', from: due.from, by: due.to };
}

/** The key of the service a record of the entry delivered, or null (an outcome, a visit closed as lost). */
function keyOf(r: HistoryRecord): string | null {
  if (r.type === T.firstPrenatal) return 'prenatal:1';
  if (r.type === T.prenatalFollowUp && r.form.kind !== 'lost')
    return `prenatal:${Number(r.form.visitNumber)}`;
  if (r.type === T.postpartumVisit && r.form.kind === 'examined') return 'postpartum_visit';
  if (r.type === T.postpartum42 && r.form.kind === 'examined') return 'check42';
  return null;
}

/**
 * The pregnancy's plan: the five prenatal visits with their windows by gestational week (the first one
 * alone while the pregnancy is not dated), then the postpartum visit and the 42-day check — from the
 * discharge and the delivery once the outcome is known, before that from the due date (expected). A visit
 * not done whose window closed is overdue while it is still the next service, missed once a later one
 * is, or once the pregnancy has ended; prenatal visits whose windows open after the pregnancy ended are left
 * out, and so is postpartum care after an outcome that is no birth.
 */
export function maternalPlan(input: ScheduleInput): PlannedService[] {
  const own = input.records.filter((r) => r.serviceDate >= input.enrolledOn);
  const state = pregnancyStateOf(input.records, input.enrolledOn);
  const next = maternalDue(input);
  const done = new Map<string, HistoryRecord>();
  for (const r of own) {
    const key = keyOf(r);
    if (key && !done.has(key)) done.set(key, r);
  }
  const ended = state.deliveryDate ?? null;
  const stateOf = (key: string, from: string, by: string): PlanState =>
    done.has(key)
      ? 'done'
      : ended && key.startsWith('prenatal:')
        ? 'missed'
        : input.on < from
          ? 'upcoming'
          : input.on <= by
            ? 'due'
            : next?.key === key
              ? 'overdue'
              : 'missed';
  const row = (type: string, key: string, w: { from: string; to: string }, expected = false) => {
    const r = done.get(key);
    const planned: PlannedService = {
      type,
      key,
      from: w.from,
      by: w.to,
      state: expected && !r ? 'upcoming' : stateOf(key, w.from, w.to),
      recordId: r?.id ?? null,
      doneOn: r?.serviceDate ?? null,
    };
    return expected ? { ...planned, expected } : planned;
  };
  const rows: PlannedService[] = [];
  if (state.dating) {
    for (const w of prenatalSchedule(state.dating)) {
      const key = `prenatal:${w.visit}`;
      if (ended && !done.has(key) && w.from > ended) continue;
      rows.push(row(w.visit === 1 ? T.firstPrenatal : T.prenatalFollowUp, key, w));
    }
  } else {
    // Not dated: the first check is due now; visits recorded without a dating show on their day.
    rows.push(row(T.firstPrenatal, 'prenatal:1', { from: input.on, to: input.on }));
    for (const [key, r] of done)
      if (key.startsWith('prenatal:') && key !== 'prenatal:1')
        rows.push(row(r.type, key, { from: r.serviceDate, to: r.serviceDate }));
  }
  if (ended && state.birth) {
    rows.push(
      row(T.postpartumVisit, 'postpartum_visit', postpartumVisitWindow(state.dischargeDate ?? ended)),
      row(T.postpartum42, 'check42', check42Window(ended)),
    );
  } else if (!ended && state.dating) {
    const due = dueDate(state.dating);
    rows.push(
      row(T.postpartumVisit, 'postpartum_visit', postpartumVisitWindow(due), true),
      row(T.postpartum42, 'check42', check42Window(due), true),
    );
  }
  return rows;
}

const NUMBERS = ['', '1', '2', '3', '4', '5'];

export function maternalDueWords(key: string, lang: Lang): string {
  if (key.startsWith('prenatal:')) {
    const n = NUMBERS[Number(key.slice(9))] ?? '';
    if (n === '1') return lang === 'zh' ? '第1次产前检查' : 'First prenatal check';
    return lang === 'zh' ? `第${n}次产前随访` : `Prenatal visit ${n}`;
  }
  if (key === 'postpartum_visit') return lang === 'zh' ? '产后访视' : 'Postpartum visit';
  if (key === 'check42') return lang === 'zh' ? '产后42天健康检查' : '42-day postpartum check';
  return key;
}

export const maternalSchedule: RegisterSchedule = {
  types: Object.values(T),
  nextDue: maternalDue,
  dueWords: maternalDueWords,
  plan: maternalPlan,
};
