/**
 * 孕产妇健康管理 (maternal care): a doctor enrols a pregnant woman at the first prenatal check (ideally before
 * 13 weeks); four more prenatal visits at 16–20, 21–24, 28–36 and 37–40 weeks; after a birth a home visit
 * within 7 days of discharge and the check at 42 days. The schedule runs by gestational week, which the
 * register's interval fields cannot say: maternalNextDue (maternal.rules.ts) computes it; see SOURCES.md §6.
 */
import type { Lang } from '../../messages.ts';
import type { ProgramDef, RegisterExit, ResidentFacts } from '../program.ts';
import { FEMALE, isBirth, OUTCOME_KEYS } from './maternal.rules.ts';
import { PREGNANCY_OUTCOME } from './maternal-codes.ts';
import { MATERNAL_MESSAGES } from './maternal.messages.ts';
import { MATERNAL_TYPE_IDS, maternalSchedule } from './maternal.schedule.ts';
import {
  evaluateFirstPrenatal,
  evaluatePostpartum42,
  evaluatePostpartumVisit,
  evaluatePregnancyOutcome,
  evaluatePrenatalFollowUp,
} from './maternal.evaluate.ts';
import {
  firstPrenatalSchema,
  postpartum42Schema,
  postpartumVisitSchema,
  pregnancyOutcomeSchema,
  prenatalFollowUpSchema,
  type FirstPrenatal,
  type Postpartum42,
  type PostpartumVisit,
  type PregnancyOutcome,
  type PrenatalFollowUp,
} from './maternal-forms.schema.ts';

export const MATERNAL_REGISTER = 'maternal';

export const MATERNAL_TYPES = MATERNAL_TYPE_IDS;

const RESULT_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  normal: ['未见异常', 'Nothing abnormal'],
  abnormal: ['异常', 'Abnormal'],
  recovered: ['已恢复', 'Recovered'],
  not_recovered: ['未恢复', 'Not recovered'],
  urged: ['已督促到有资质机构检查', 'Urged to attend a qualified institution'],
  lost: ['失访', 'Lost to follow-up'],
  ...Object.fromEntries(PREGNANCY_OUTCOME.map((o) => [OUTCOME_KEYS[o.code]!, [o.zh, o.en] as const])),
};

/** Words for a stored maternal result (classification column). */
export const maternalResultWords = (classification: string, lang: Lang): string =>
  RESULT_WORDS[classification]?.[lang === 'zh' ? 0 : 1] ?? '';

/** A visit closed as lost with a death ends the entry as deceased. */
const deathExit = (form: Record<string, unknown>): RegisterExit | null => {
  const death = form.kind === 'lost' ? (form.death as { date: string } | undefined) : undefined;
  return death ? { status: 'deceased', date: death.date } : null;
};

/**
 * The pregnancy's end as the register sees it: an outcome that is no birth ends the entry (no postpartum
 * care follows); the 42-day check closes the case (结案) or refers, and either way maternal care of this
 * pregnancy is over; a death ends it as deceased.
 */
export function maternalRegisterExit(
  type: string,
  form: Record<string, unknown>,
  serviceDate: string,
): RegisterExit | null {
  if (type === MATERNAL_TYPES.outcome) {
    const key = OUTCOME_KEYS[(form.outcome as { code: string }).code];
    return key && !isBirth(key) ? { status: 'ended', date: String(form.date) } : null;
  }
  if (type === MATERNAL_TYPES.postpartum42 && form.kind === 'examined')
    return { status: 'ended', date: serviceDate };
  return deathExit(form);
}

/** The babies of an outcome who already have a record. */
const babiesLinked = (form: Record<string, unknown>): number[] =>
  ((form.babies as { residentId?: number }[] | undefined) ?? []).flatMap((b) =>
    b.residentId ? [b.residentId] : [],
  );

/** Offered to women only (the register is checked by the registry). */
const forWomen = (r: ResidentFacts): boolean => r.sex === FEMALE;

export const maternalProgram: ProgramDef = {
  id: 'maternal',
  label: { zh: '孕产妇健康管理', en: 'Maternal care' },
  messages: MATERNAL_MESSAGES,
  register: {
    program: MATERNAL_REGISTER,
    label: { zh: '孕产妇', en: 'Pregnant and postpartum women' },
    entry: { by: 'doctor' },
    tag: 'pregnant',
    sex: FEMALE,
    // The schedule is by gestational week across five service types (maternal.schedule.ts); the worklist
    // categories that fit are overdue and due this week.
    schedule: maternalSchedule,
    worklist: ['overdue', 'due_week'],
    worklistTitle: { zh: '孕产妇健康管理名单', en: 'Maternal care list' },
  },
  services: [
    {
      type: MATERNAL_TYPES.firstPrenatal,
      label: { zh: '第1次产前检查', en: 'First prenatal check' },
      schema: firstPrenatalSchema,
      register: MATERNAL_REGISTER,
      appliesTo: forWomen,
      evaluate: (form, ctx) => evaluateFirstPrenatal(form as FirstPrenatal, ctx),
      registerExit: (form, on) => maternalRegisterExit(MATERNAL_TYPES.firstPrenatal, form, on),
      resultWords: maternalResultWords,
    },
    {
      type: MATERNAL_TYPES.prenatalFollowUp,
      label: { zh: '第2~5次产前随访', en: 'Prenatal visit (2nd to 5th)' },
      schema: prenatalFollowUpSchema,
      register: MATERNAL_REGISTER,
      appliesTo: forWomen,
      evaluate: (form, ctx) => evaluatePrenatalFollowUp(form as PrenatalFollowUp, ctx),
      registerExit: (form, on) => maternalRegisterExit(MATERNAL_TYPES.prenatalFollowUp, form, on),
      resultWords: maternalResultWords,
    },
    {
      type: MATERNAL_TYPES.postpartumVisit,
      label: { zh: '产后访视', en: 'Postpartum visit' },
      schema: postpartumVisitSchema,
      register: MATERNAL_REGISTER,
      appliesTo: forWomen,
      evaluate: (form, ctx) => evaluatePostpartumVisit(form as PostpartumVisit, ctx),
      registerExit: (form, on) => maternalRegisterExit(MATERNAL_TYPES.postpartumVisit, form, on),
      resultWords: maternalResultWords,
    },
    {
      type: MATERNAL_TYPES.postpartum42,
      label: { zh: '产后42天健康检查', en: '42-day postpartum check' },
      schema: postpartum42Schema,
      register: MATERNAL_REGISTER,
      appliesTo: forWomen,
      evaluate: (form, ctx) => evaluatePostpartum42(form as Postpartum42, ctx),
      registerExit: (form, on) => maternalRegisterExit(MATERNAL_TYPES.postpartum42, form, on),
      resultWords: maternalResultWords,
    },
    {
      type: MATERNAL_TYPES.outcome,
      label: { zh: '妊娠结局', en: 'Pregnancy outcome' },
      schema: pregnancyOutcomeSchema,
      register: MATERNAL_REGISTER,
      appliesTo: forWomen,
      evaluate: (form, ctx) => evaluatePregnancyOutcome(form as PregnancyOutcome, ctx),
      registerExit: (form, on) => maternalRegisterExit(MATERNAL_TYPES.outcome, form, on),
      residentLinks: babiesLinked,
      resultWords: maternalResultWords,
    },
  ],
};
