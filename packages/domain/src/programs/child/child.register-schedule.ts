/**
 * The child register's schedule (RegisterDef.schedule): the checks and TCM guidance done, read off the
 * signed records, and the next one due with its age window (childNextDue).
 */
import type { Lang } from '../../messages.ts';
import type { HistoryRecord, RegisterSchedule, ScheduleInput, ScheduledDue } from '../program.ts';
import { childNextDue, type ChildState } from './child.rules.ts';
import type { ChildCheck, TcmMonth } from './child.schedule.ts';

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
};
