/**
 * The child register's schedule (RegisterDef.schedule): the checks and TCM guidance done, read off the
 * signed records, and the next one due with its age window (childNextDue).
 */
import type { Lang } from '../../messages.ts';
import type {
  HistoryRecord,
  PlannedService,
  RegisterSchedule,
  ScheduleInput,
  ScheduledDue,
} from '../program.ts';
import {
  checkWindow,
  childLeaveDate,
  childNextDue,
  dueStatusOf,
  tcmWindow,
  type ChildState,
} from './child.rules.ts';
import { CHILD_CHECKS, TCM_MONTHS, type ChildCheck, type TcmMonth } from './child.schedule.ts';

export const CHILD_TYPE_IDS = {
  newborn: 'child_newborn_visit',
  infant: 'child_check_infant',
  toddler: 'child_check_toddler',
  preschool: 'child_check_preschool',
  tcm: 'child_tcm',
} as const;

const T = CHILD_TYPE_IDS;
const CHECK_TYPES: readonly string[] = [T.infant, T.toddler, T.preschool];

export function childStateOf(birthDate: string, records: readonly HistoryRecord[]): ChildState {
  const checksDone: ChildCheck[] = [];
  const tcmDone: TcmMonth[] = [];
  let dischargeDate: string | null = null;
  for (const r of records) {
    if (r.type === T.newborn) {
      checksDone.push('newborn');
      if (typeof r.form.dischargeDate === 'string') dischargeDate = r.form.dischargeDate;
    } else if (CHECK_TYPES.includes(r.type)) checksDone.push(Number(r.form.monthAge) as ChildCheck);
    else if (r.type === T.tcm) tcmDone.push(Number(r.form.monthAge) as TcmMonth);
  }
  return { birthDate, dischargeDate, checksDone, tcmDone };
}

/** The service type of a check (by its month age; 'newborn' for the home visit). */
export function checkType(check: ChildCheck): string {
  if (check === 'newborn') return T.newborn;
  return check < 12 ? T.infant : check < 36 ? T.toddler : T.preschool;
}

export function childDue(input: ScheduleInput): ScheduledDue | null {
  const due = childNextDue(childStateOf(input.birthDate, input.records), input.on);
  if (!due) return null;
  if (due.kind === 'tcm') return { type: T.tcm, key: `tcm:${due.month}`, from: due.from, by: due.to };
  return { type: checkType(due.check), key: `check:${due.check}`, from: due.from, by: due.to };
}

/** The key of the check or TCM guidance a record delivered, or null. */
function keyOf(r: HistoryRecord): string | null {
  if (r.type === T.newborn) return 'check:newborn';
  if (CHECK_TYPES.includes(r.type)) return `check:${Number(r.form.monthAge)}`;
  if (r.type === T.tcm) return `tcm:${Number(r.form.monthAge)}`;
  return null;
}

/**
 * Every check (newborn visit to 6 years) and TCM guidance (6 to 36 months) with its age window: done by the
 * first signed record of it, else due, overdue (its window closed before the next one opened), missed (the
 * next window is open) or upcoming; in the order of their windows.
 */
export function childPlan(input: ScheduleInput): PlannedService[] {
  const state = childStateOf(input.birthDate, input.records);
  const done = new Map<string, HistoryRecord>();
  for (const r of input.records) {
    const key = keyOf(r);
    if (key && !done.has(key)) done.set(key, r);
  }
  const leave = childLeaveDate(input.birthDate);
  const row = (
    key: string,
    type: string,
    w: { from: string; to: string },
    nextFrom: string,
  ): PlannedService => {
    const r = done.get(key);
    return {
      type,
      key,
      from: w.from,
      by: w.to,
      state: r ? 'done' : dueStatusOf(w, nextFrom, input.on),
      recordId: r?.id ?? null,
      doneOn: r?.serviceDate ?? null,
    };
  };
  const checks = CHILD_CHECKS.map((c) => checkWindow(input.birthDate, c, state.dischargeDate));
  const tcms = TCM_MONTHS.map((m) => tcmWindow(input.birthDate, m));
  const rows = [
    ...checks.map((w, i) => row(`check:${w.check}`, checkType(w.check), w, checks[i + 1]?.from ?? leave)),
    ...tcms.map((w, i) => row(`tcm:${TCM_MONTHS[i]}`, T.tcm, w, tcms[i + 1]?.from ?? leave)),
  ];
  // By window; a check before the TCM guidance of the same month age.
  return rows.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.type === T.tcm ? 1 : -1));
}

/** 满月, 3月龄, 1岁, 18月龄 … as the spec names the checks. */
function ageWords(month: number, lang: Lang): string {
  if (month === 1) return lang === 'zh' ? '满月' : '1 month';
  if (month >= 36 && month % 12 === 0) return lang === 'zh' ? `${month / 12}岁` : `${month / 12} years`;
  if (month === 12) return lang === 'zh' ? '1岁' : '12 months';
  if (month === 24) return lang === 'zh' ? '2岁' : '24 months';
  return lang === 'zh' ? `${month}月龄` : `${month} months`;
}

export function childDueWords(key: string, lang: Lang): string {
  const [kind, at] = key.split(':');
  if (kind === 'check' && at === 'newborn') return lang === 'zh' ? '新生儿家庭访视' : 'Newborn home visit';
  if (kind === 'check')
    return lang === 'zh' ? `${ageWords(Number(at), lang)}健康检查` : `${ageWords(Number(at), lang)} check`;
  if (kind === 'tcm')
    return lang === 'zh'
      ? `${ageWords(Number(at), lang)}中医药健康指导`
      : `${ageWords(Number(at), lang)} TCM guidance`;
  return key;
}

export const childSchedule: RegisterSchedule = {
  types: Object.values(T),
  nextDue: childDue,
  dueWords: childDueWords,
  plan: childPlan,
};
