/**
 * What a service program is, as data: its service types (form schema, rules, who they apply to), its
 * register (who is enrolled, how they enter and leave, what the worklist shows) and its labels. Generic code
 * (recording, signing, amending, applicability, worklists, the web's service pages) reads these definitions
 * through the registry (registry.ts) and never names a program. Pure: no I/O.
 */
import type { z } from 'zod';
import type { Lang } from '../messages.ts';

export interface Words {
  zh: string;
  en: string;
}

/** A problem the rules found, on a field of the envelope: `form.sbp`, `serviceDate`, `form` … */
export interface FieldIssue {
  field: string;
  code: string;
}

/** The values of a record that the database keeps in queryable columns (indicators, worklists, trends). */
export interface ServiceValues {
  sbp: number | null;
  dbp: number | null;
  fastingGlucose: number | null;
  weightKg: number | null;
  /** The record's result: a follow-up's classification, a self-care category, a main constitution … */
  classification: string | null;
  nextVisitDate: string | null;
  nextAction: string | null;
  /**
   * False when the service did not take place (a visit closed as lost to follow-up or death): the record is
   * kept, and counts for nothing (visits a year, the due date, the previous visit). True when absent.
   */
  tookPlace?: boolean;
}

export const NO_VALUES: ServiceValues = Object.freeze({
  sbp: null,
  dbp: null,
  fastingGlucose: null,
  weightKg: null,
  classification: null,
  nextVisitDate: null,
  nextAction: null,
});

export interface ServiceEvaluation {
  /** Refuse the save. */
  errors: FieldIssue[];
  /** Kept with the record and shown to the user. */
  warnings: FieldIssue[];
  values: ServiceValues;
}

/** What the rules of a service type may know besides the form. */
export interface ServiceContext {
  birthDate: string;
  sex: string;
  serviceDate: string;
  /** The result (classification) of the resident's previous record of the same type, when the type asks. */
  previousClassification: string | null;
  /** The registers the resident is managed in (register-specific requirements of the annual check). */
  registers?: readonly string[];
  /** How the service was delivered (the envelope's `delivery`): a phone follow-up measures nothing. */
  delivery?: 'clinic' | 'home' | 'phone';
  /**
   * The resident's other signed records of the types the type's `usesHistory` names, oldest first (the
   * record being amended left out): earlier doses of a series, the first record of a course.
   */
  history?: readonly HistoryRecord[];
}

/** One earlier record as the rules of another see it. */
export interface HistoryRecord {
  id: number;
  type: string;
  serviceDate: string;
  form: Record<string, unknown>;
}

/** A signed record that ends the resident's entry in the type's register (a death recorded on a follow-up). */
export interface RegisterExit {
  status: 'lost' | 'deceased' | 'moved' | 'ended';
  date: string;
}

/** The resident as applicability sees them. */
export interface ResidentFacts {
  birthDate: string;
  sex: string;
  /** Registers the resident is managed in now. */
  registers: readonly string[];
}

export interface ServiceTypeDef {
  /** Stored in service_record.type; unique across programs. */
  type: string;
  label: Words;
  /** The schema of the record's `form` (strict zod object; the TypeScript type is inferred from it). */
  schema: z.ZodType;
  /** The register the resident must be managed in to record this type. */
  register?: string;
  /** Whether the type is offered for this resident on `on` (the new-record menu); all residents when absent. */
  appliesTo?(resident: ResidentFacts, on: string): boolean;
  /** The rules need the result of the previous record of the same type (ServiceContext.previousClassification). */
  usesPrevious?: boolean;
  /** The rules read the resident's signed records of these types (ServiceContext.history). */
  usesHistory?: readonly string[];
  /** Form fields that point to another record of the same resident, of the given type. */
  links?: readonly { field: string; type: string; code: string }[];
  /** A signed record of this type is the annual health check that registers count. */
  annualCheck?: boolean;
  /** From a form that passed the schema to errors, warnings and the queryable values. Pure. */
  evaluate(form: unknown, ctx: ServiceContext): ServiceEvaluation;
  /** Words for the stored result (classification column) in lists and the timeline. */
  resultWords?(classification: string, lang: Lang): string;
  /**
   * Whether a signed record of this form ends the resident's entry in the type's register, and how. Pure:
   * from the form alone (a form that passed the schema), so signing a draft later gives the same answer.
   */
  registerExit?(form: Record<string, unknown>, serviceDate: string): RegisterExit | null;
  /**
   * The other residents the form names (the babies of a pregnancy outcome): each must be a record the user
   * may see. Pure, from a form that passed the schema.
   */
  residentLinks?(form: Record<string, unknown>): number[];
}

/** The worklist categories the generic worklist knows; a register picks the ones that make sense for it. */
export const WORKLIST_CATEGORIES = ['overdue', 'due_week', 'under_visited', 'check_missing'] as const;
export type WorklistCategory = (typeof WORKLIST_CATEGORIES)[number];

export const ENROLMENT_STATUSES = ['managed', 'lost', 'moved', 'deceased', 'ended'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** The next service of a scheduled register: which type to record, from when, and by when (overdue after). */
export interface ScheduledDue {
  /** The service type that delivers it. */
  type: string;
  /** Which service of the schedule (prenatal:3, check:6, a dose id …), for its words (`dueWords`). */
  key: string;
  /** Due from this day. */
  from: string;
  /** Overdue after this day (the end of its window). */
  by: string;
}

/** What a schedule reads: the resident, the register entry and the signed records of its types. */
export interface ScheduleInput {
  birthDate: string;
  sex: string;
  /** The day the register entry began: records before it belong to an earlier entry. */
  enrolledOn: string;
  /** Every signed record of the schedule's types that took place, oldest first (of earlier entries too). */
  records: readonly HistoryRecord[];
  /** The county's date of the computation. */
  on: string;
}

/** Where a planned service of a register entry stands on the day of the plan. */
export type PlanState = 'done' | 'due' | 'overdue' | 'missed' | 'upcoming';

/** One service of a register entry's plan: its window, and the record that delivered it. */
export interface PlannedService {
  type: string;
  /** As ScheduledDue.key (its words: dueWords). */
  key: string;
  from: string;
  by: string;
  state: PlanState;
  /** The signed record that delivered it (done). */
  recordId: number | null;
  doneOn: string | null;
  /** The window is reckoned from an expected date (the due date of a pregnancy not yet ended). */
  expected?: boolean;
}

/**
 * A register whose services follow a schedule across several types (gestational weeks, age windows, a
 * national schedule of doses) rather than the interval of one follow-up type.
 */
export interface RegisterSchedule {
  /** The service types whose signed records the schedule reads. */
  types: readonly string[];
  /** The next service due, or null when nothing is left. Pure. */
  nextDue(input: ScheduleInput): ScheduledDue | null;
  /** Words for a due service's key in lists (第3次产前随访, 6月龄健康检查, 乙肝疫苗第2剂 …). */
  dueWords(key: string, lang: Lang): string;
  /** Every service of the entry's schedule, in order, done or not (the record page's plan). Pure. */
  plan?: (input: ScheduleInput) => PlannedService[];
}

export interface RegisterDef {
  /** Stored in program_enrolment.program: the program's id. */
  program: string;
  label: Words;
  /**
   * A doctor enrols and discharges; or residents enter by age on their own, and leave with the record or,
   * with `maxAge`, on reaching that age (the 7th birthday for a register of children 0–6).
   */
  entry: { by: 'doctor' } | { by: 'age'; minAge: number; maxAge?: number };
  /** Only residents of this sex (GB/T 2261.1 code: '2' female) can be enrolled (pregnancy care). */
  sex?: string;
  /** The key population tag (resident.key_tags) that being managed in the register gives. */
  tag: string;
  /**
   * The basic-information past-history disease code of the register's condition: it keeps the tag after
   * the register is left, and enrolling a resident whose history lacks it gives a warning.
   */
  historyDisease?: string;
  /** Enrolling a resident younger than this gives a warning (the condition is rare below it). */
  usualMinAge?: number;
  /** The service type whose signed records are the register's follow-ups (last visit, visits this year). */
  followUpType?: string;
  /** Face-to-face follow-ups a year the spec asks for (the under-visited category). */
  visitsPerYear?: number;
  /** With a follow-up type: the first follow-up is due this many days after enrolment. */
  firstDueDays?: number;
  /** Without one: the next service is due this many years after the last annual check. */
  dueYearsAfterCheck?: number;
  /**
   * What the register asks of an annual check record (a signed record of an `annualCheck` type) beyond its
   * schema: the missing items. With `refuse` a record lacking them is refused for a resident of the
   * register; without, it is kept with warnings and does not count as the register's annual check.
   */
  annualCheck?: { missing(form: Record<string, unknown>): FieldIssue[]; refuse?: boolean };
  /** The services follow this schedule (instead of followUpType's interval). */
  schedule?: RegisterSchedule;
  /** The worklist categories shown for the register, in order. */
  worklist: readonly WorklistCategory[];
  /** The title of the register's worklist (its printed sheet). */
  worklistTitle: Words;
}

export interface ProgramDef {
  id: string;
  label: Words;
  services: readonly ServiceTypeDef[];
  register?: RegisterDef;
  /** Words for the codes its rules return ([zh, en]); the registry's `message` looks them up. */
  messages?: Readonly<Record<string, readonly [zh: string, en: string]>>;
}
