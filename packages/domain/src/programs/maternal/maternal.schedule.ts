/**
 * The maternal register's schedule (RegisterDef.schedule): the pregnancy's state read off the signed
 * records of the current register entry, and the next service due with its window (maternalNextDue).
 */
import type { Lang } from '../../messages.ts';
import type { HistoryRecord, RegisterSchedule, ScheduleInput, ScheduledDue } from '../program.ts';
import {
  datePregnancy,
  isBirth,
  maternalNextDue,
  OUTCOME_KEYS,
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
};
