/**
 * 0~6岁儿童健康管理 (child health 0–6): resident children enter the register by age at birth and leave on
 * their 7th birthday; a newborn home visit within 7 days of coming home, the 满月 check, checks at 3, 6, 8,
 * 12, 18, 24, 30 months and at 3, 4, 5 and 6 years, and TCM guidance at 6 to 36 months (中医药健康管理, its
 * own type: the spec prints it on its own forms). The schedule runs by age across five service types,
 * which the register's interval fields cannot say: childNextDue (child.rules.ts) computes it; see
 * SOURCES.md §5.
 */
import { completedYears } from '../date-math.ts';
import type { ProgramDef, ResidentFacts } from '../program.ts';
import {
  childTcmSchema,
  infantCheckSchema,
  newbornVisitSchema,
  preschoolCheckSchema,
  toddlerCheckSchema,
  type ChildTcm,
  type InfantCheck,
  type NewbornVisit,
  type PreschoolCheck,
  type ToddlerCheck,
} from './child-forms.schema.ts';
import {
  evaluateChildTcm,
  evaluateInfantCheck,
  evaluateNewbornVisit,
  evaluatePreschoolCheck,
  evaluateToddlerCheck,
} from './child.evaluate.ts';
import { CHILD_MESSAGES, childResultWords } from './child.messages.ts';
import { CHILD_TYPE_IDS, childSchedule } from './child.register-schedule.ts';
import { ageInDays } from './growth/index.ts';
import { CHILD_LEAVE_YEARS, inChildProgram, MONTH1_FROM_DAY, reachesAge } from './child.rules.ts';

export const CHILD_REGISTER = 'child_health';

export const CHILD_TYPES = CHILD_TYPE_IDS;

/** The ages (in months, from inclusive, to exclusive) at which each form is offered in the menu. */
const inMonths = (r: ResidentFacts, on: string, from: number, to: number): boolean =>
  inChildProgram(r.birthDate, on) && on >= reachesAge(r.birthDate, from) && on < reachesAge(r.birthDate, to);

export const childProgram: ProgramDef = {
  id: CHILD_REGISTER,
  label: { zh: '0~6岁儿童健康管理', en: 'Child health 0–6' },
  messages: CHILD_MESSAGES,
  register: {
    program: CHILD_REGISTER,
    label: { zh: '0~6岁儿童', en: 'Children 0–6' },
    // Entered at birth, left on the 7th birthday (the daily sweep ends the entry).
    entry: { by: 'age', minAge: 0, maxAge: CHILD_LEAVE_YEARS },
    tag: 'child',
    // The schedule is by month age across five types (child.register-schedule.ts).
    schedule: childSchedule,
    worklist: ['overdue', 'due_week'],
    worklistTitle: { zh: '0~6岁儿童健康管理名单', en: 'Child health 0–6 list' },
  },
  services: [
    {
      type: CHILD_TYPES.newborn,
      label: { zh: '新生儿家庭访视', en: 'Newborn home visit' },
      schema: newbornVisitSchema,
      register: CHILD_REGISTER,
      // Until the 满月 window opens (day 28); a later first contact is the 满月 check.
      appliesTo: (r, on) => inChildProgram(r.birthDate, on) && ageInDays(r.birthDate, on) < MONTH1_FROM_DAY,
      evaluate: (form, ctx) => evaluateNewbornVisit(form as NewbornVisit, ctx),
      resultWords: childResultWords,
    },
    {
      type: CHILD_TYPES.infant,
      label: { zh: '1岁以内儿童健康检查', en: 'Child check under 1 year' },
      schema: infantCheckSchema,
      register: CHILD_REGISTER,
      appliesTo: (r, on) =>
        inChildProgram(r.birthDate, on) &&
        ageInDays(r.birthDate, on) >= MONTH1_FROM_DAY &&
        completedYears(r.birthDate, on) < 1,
      evaluate: (form, ctx) => evaluateInfantCheck(form as InfantCheck, ctx),
      resultWords: childResultWords,
    },
    {
      type: CHILD_TYPES.toddler,
      label: { zh: '1~2岁儿童健康检查', en: 'Child check 1–2 years' },
      schema: toddlerCheckSchema,
      register: CHILD_REGISTER,
      appliesTo: (r, on) => inMonths(r, on, 12, 36),
      evaluate: (form, ctx) => evaluateToddlerCheck(form as ToddlerCheck, ctx),
      resultWords: childResultWords,
    },
    {
      type: CHILD_TYPES.preschool,
      label: { zh: '3~6岁儿童健康检查', en: 'Child check 3–6 years' },
      schema: preschoolCheckSchema,
      register: CHILD_REGISTER,
      appliesTo: (r, on) => inMonths(r, on, 36, 84),
      evaluate: (form, ctx) => evaluatePreschoolCheck(form as PreschoolCheck, ctx),
      resultWords: childResultWords,
    },
    {
      type: CHILD_TYPES.tcm,
      label: { zh: '儿童中医药健康管理', en: 'Child TCM health management' },
      schema: childTcmSchema,
      register: CHILD_REGISTER,
      // 6 months to the end of the 36-month guidance's window (that of the 3-year check, to 3 y 11 m 29 d).
      appliesTo: (r, on) => inMonths(r, on, 6, 48),
      evaluate: (form, ctx) => evaluateChildTcm(form as ChildTcm, ctx),
      resultWords: childResultWords,
    },
  ],
};
