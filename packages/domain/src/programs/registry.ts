/**
 * The registry of service programs: the list of definitions and the lookups every generic part uses
 * (server recording, signing, amending, applicability and worklists; the web's service pages). Adding a
 * program is a new folder and one line in PROGRAM_DEFS. Tests may build a registry with more programs.
 */
import { completedYears } from './date-math.ts';
import type { Lang } from '../messages.ts';
import { schemaIssues } from '../issues.ts';
import type {
  FieldIssue,
  ProgramDef,
  RegisterDef,
  RegisterSchedule,
  ResidentFacts,
  ServiceContext,
  ServiceEvaluation,
  ServiceTypeDef,
  Words,
} from './program.ts';
import { NO_VALUES } from './program.ts';
import { hypertensionProgram } from './hypertension/hypertension.program.ts';
import { diabetesProgram } from './diabetes/diabetes.program.ts';
import { elderlyProgram } from './elderly/elderly.program.ts';
import { healthCheckProgram } from './healthcheck/healthcheck.program.ts';
import { generalProgram } from './general/general.program.ts';
import { maternalProgram } from './maternal/maternal.program.ts';
import { childProgram } from './child/child.program.ts';
import { immunizationProgram } from './immunization/immunization.program.ts';
import { commonProgramMessage, hasCommonProgramMessage } from './program-messages.ts';

/** Every program of this release, in menu order. */
export const PROGRAM_DEFS: readonly ProgramDef[] = [
  hypertensionProgram,
  diabetesProgram,
  elderlyProgram,
  maternalProgram,
  childProgram,
  immunizationProgram,
  healthCheckProgram,
  generalProgram,
];

/** The result of checking a form: the schema's and the rules' findings, and the parsed form. */
export interface FormCheck extends ServiceEvaluation {
  /** The parsed form (defaults applied) when the schema accepted it. */
  form: Record<string, unknown> | null;
  /** For an annual check type: the registers this record counts for as their annual check; else null. */
  countsFor: string[] | null;
}

export interface ProgramRegistry {
  readonly programs: readonly ProgramDef[];
  /** Every service type, in program order. */
  readonly serviceTypes: readonly string[];
  serviceType(type: string): ServiceTypeDef | undefined;
  programOfType(type: string): ProgramDef | undefined;
  /** Every register, in program order. */
  readonly registers: readonly RegisterDef[];
  register(program: string): RegisterDef | undefined;
  /** Registers a doctor enrols patients in by hand. */
  readonly doctorRegisters: readonly RegisterDef[];
  /** Registers residents enter on their own by age. */
  readonly ageRegisters: readonly (RegisterDef & { entry: { by: 'age'; minAge: number; maxAge?: number } })[];
  /** Service types whose signed records are the annual health check. */
  readonly annualCheckTypes: readonly string[];
  /** The types offered for a resident on a date (the register must be managed, the rules' own test). */
  applicableTypes(resident: ResidentFacts, on: string): string[];
  /** Schema, then the type's rules, on a form of `type`: field names are those of the envelope (`form.x`). */
  checkForm(type: string, form: unknown, ctx: ServiceContext): FormCheck;
  /** Warnings for enrolling a resident in a register a doctor enrols in (kept with the answer, not refused). */
  enrolWarnings(
    program: string,
    resident: { birthDate: string; historyDiseases: readonly string[] },
    on: string,
  ): FieldIssue[];
  typeLabel(type: string, lang: Lang): string;
  programLabel(program: string, lang: Lang): string;
  resultWords(type: string, classification: string | null, lang: Lang): string;
  /** Whether a rule code has words of the programs (the common ones or a program's own). */
  hasMessage(code: string): boolean;
  /** Words for a rule code of any program; the code itself when unknown. */
  message(code: string, lang: Lang): string;
  /** Registers whose services follow a schedule across types. */
  readonly scheduledRegisters: readonly (RegisterDef & { schedule: RegisterSchedule })[];
}

const prefixed = (issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((e) => ({
    field:
      e.field === 'form' || e.field.startsWith('form.') || e.field === 'serviceDate'
        ? e.field
        : `form.${e.field}`,
    code: e.code,
  }));

const words = (w: Words | undefined, fallback: string, lang: Lang) => (w ? w[lang] : fallback);

export function createRegistry(defs: readonly ProgramDef[]): ProgramRegistry {
  const types = new Map<string, ServiceTypeDef>();
  const programOf = new Map<string, ProgramDef>();
  const registers = new Map<string, RegisterDef>();
  for (const p of defs) {
    for (const s of p.services) {
      if (types.has(s.type)) throw new Error(`service type ${s.type} is defined twice`);
      types.set(s.type, s);
      programOf.set(s.type, p);
    }
    if (p.register) {
      if (registers.has(p.register.program))
        throw new Error(`register ${p.register.program} is defined twice`);
      const entry = p.register.entry;
      if (entry.by === 'age' && entry.maxAge !== undefined && entry.maxAge <= entry.minAge)
        throw new Error(`register ${p.register.program}: maxAge must be above minAge`);
      registers.set(p.register.program, p.register);
    }
  }
  for (const s of types.values())
    if (s.register && !registers.has(s.register))
      throw new Error(`service type ${s.type} needs the unknown register ${s.register}`);
  const registerList = [...registers.values()];
  const messages = new Map<string, readonly [string, string]>();
  for (const p of defs)
    for (const [code, w] of Object.entries(p.messages ?? {}))
      if (!messages.has(code) && !hasCommonProgramMessage(code)) messages.set(code, w);
  for (const r of registerList)
    for (const t of r.schedule?.types ?? [])
      if (!types.has(t)) throw new Error(`register ${r.program}: schedule type ${t} is unknown`);
  const ageRegisters = registerList.filter(
    (r): r is RegisterDef & { entry: { by: 'age'; minAge: number; maxAge?: number } } => r.entry.by === 'age',
  );
  return {
    programs: defs,
    serviceTypes: [...types.keys()],
    serviceType: (type) => types.get(type),
    programOfType: (type) => programOf.get(type),
    registers: registerList,
    register: (program) => registers.get(program),
    doctorRegisters: registerList.filter((r) => r.entry.by === 'doctor'),
    ageRegisters,
    annualCheckTypes: [...types.values()].filter((s) => s.annualCheck).map((s) => s.type),
    applicableTypes(resident, on) {
      return [...types.values()]
        .filter((s) => !s.register || resident.registers.includes(s.register))
        .filter((s) => !s.appliesTo || s.appliesTo(resident, on))
        .map((s) => s.type);
    },
    checkForm(type, form, ctx) {
      const def = types.get(type);
      if (!def)
        return {
          errors: [{ field: 'type', code: 'invalid_value' }],
          warnings: [],
          values: NO_VALUES,
          form: null,
          countsFor: null,
        };
      const issues = schemaIssues(def.schema, form);
      if (issues.length)
        return {
          errors: issues.map((i) => ({ field: ['form', ...i.path].join('.'), code: i.code })),
          warnings: [],
          values: NO_VALUES,
          form: null,
          countsFor: null,
        };
      const parsed = def.schema.parse(form) as Record<string, unknown>;
      const r = def.evaluate(parsed, ctx);
      const errors = prefixed(r.errors);
      const warnings = prefixed(r.warnings);
      let countsFor: string[] | null = null;
      if (def.annualCheck) {
        countsFor = [];
        for (const reg of registerList) {
          const missing = reg.annualCheck?.missing(parsed) ?? [];
          if (missing.length === 0) countsFor.push(reg.program);
          else if (ctx.registers?.includes(reg.program))
            (reg.annualCheck?.refuse ? errors : warnings).push(...missing);
        }
      }
      return { errors, warnings, values: r.values, form: parsed, countsFor };
    },
    enrolWarnings(program, resident, on) {
      const reg = registers.get(program);
      if (!reg) return [];
      const out: FieldIssue[] = [];
      if (reg.usualMinAge !== undefined && completedYears(resident.birthDate, on) < reg.usualMinAge)
        out.push({ field: 'program', code: 'enrol_below_usual_age' });
      if (reg.historyDisease && !resident.historyDiseases.includes(reg.historyDisease))
        out.push({ field: 'program', code: 'enrol_not_in_history' });
      return out;
    },
    typeLabel: (type, lang) => words(types.get(type)?.label, type, lang),
    programLabel: (program, lang) =>
      words(defs.find((p) => p.id === program)?.label ?? registers.get(program)?.label, program, lang),
    hasMessage: (code) => hasCommonProgramMessage(code) || messages.has(code),
    message(code, lang) {
      const own = messages.get(code);
      return own ? own[lang === 'zh' ? 0 : 1] : commonProgramMessage(code, lang);
    },
    scheduledRegisters: registerList.filter(
      (r): r is RegisterDef & { schedule: RegisterSchedule } => r.schedule !== undefined,
    ),
    resultWords(type, classification, lang) {
      const def = types.get(type);
      return classification && def?.resultWords ? def.resultWords(classification, lang) : '';
    },
  };
}

/** The registry of this release's programs. */
export const programRegistry: ProgramRegistry = createRegistry(PROGRAM_DEFS);

/** Completed years on a date, for the applicability tests of the definitions. */
export const ageOnDate = (birthDate: string, on: string): number => completedYears(birthDate, on);

/** Words for a rule code of any program of this release (the common words, then each program's own). */
export const programMessage = (code: string, lang: Lang): string => programRegistry.message(code, lang);
