/**
 * The web's registry of programs: one ProgramUi per program folder (the forms of its service types and
 * its display hooks), beside the domain's programRegistry (labels, rules, applicability, registers). The
 * generic pages read both through the lookups below and never name a program or a type. Adding a program
 * on the web is a folder and one line in PROGRAM_UIS.
 */
import { programRegistry, type RegisterDef } from '@jkda/domain';
import type { Lang } from '../i18n/lang.ts';
import type { Measurement, ProgramUi, ServiceFormDef } from './program-ui.ts';
import { hypertensionUi } from './hypertension/index.tsx';
import { diabetesUi } from './diabetes/index.tsx';
import { elderlyUi } from './elderly/index.ts';
import { healthCheckUi } from './healthcheck/index.ts';
import { generalUi } from './general/index.ts';
import { maternalUi } from './maternal/index.ts';
import { childUi } from './child/index.ts';
import { immunizationUi } from './immunization/index.tsx';

/** Every program's web side, in the registry's order. */
export const PROGRAM_UIS: readonly ProgramUi[] = [
  hypertensionUi,
  diabetesUi,
  elderlyUi,
  maternalUi,
  childUi,
  immunizationUi,
  healthCheckUi,
  generalUi,
];

const FORMS: ReadonlyMap<string, ServiceFormDef> = new Map(
  PROGRAM_UIS.flatMap((p) => p.services.map((s) => [s.type, s] as const)),
);

/** The form of a service type, if the web has one. */
export const serviceFormOf = (type: string): ServiceFormDef | undefined => FORMS.get(type);

/** The service types the web can record or show, in the registry's order. */
export const formTypes: readonly string[] = programRegistry.serviceTypes.filter((t) => FORMS.has(t));

/**
 * The register whose own follow-up page records this type (the type is its follow-up type and the web
 * has a follow-up form for it); undefined for types recorded on the generic service page.
 */
export function followUpRegisterOf(type: string): RegisterDef | undefined {
  if (!FORMS.get(type)?.FollowUpForm) return undefined;
  return programRegistry.registers.find((r) => r.followUpType === type);
}

/**
 * The registers among `managed` whose follow-ups can be recorded in one visit with the register `program`'s
 * (their follow-up forms share a visitKit), in the registry's order, `program` left out.
 */
export function visitPartnersOf(program: string, managed: readonly string[]): RegisterDef[] {
  const kitOf = (p: string) => {
    const type = programRegistry.register(p)?.followUpType;
    return type && followUpRegisterOf(type)?.program === p ? FORMS.get(type)?.visitKit : undefined;
  };
  const kit = kitOf(program);
  if (!kit) return [];
  return programRegistry.registers.filter(
    (r) => r.program !== program && managed.includes(r.program) && kitOf(r.program) === kit,
  );
}

/** A register's name (高血压, 2型糖尿病, 老年人 …); the id when the registry does not know it. */
export const registerLabel = (program: string, lang: Lang): string =>
  programRegistry.register(program)?.label[lang] ?? program;

/** The measurements a type's records carry. */
export const measuresOf = (type: string | undefined): readonly Measurement[] =>
  (type && FORMS.get(type)?.measures) || [];

/** The words and tone of a stored result (classification) of a type: 控制满意 (good), 轻度依赖 … */
export function resultOf(
  type: string,
  classification: string | null,
  lang: Lang,
): { text: string; tone: 'good' | 'bad' | null } {
  const text = programRegistry.resultWords(type, classification, lang);
  const tone = classification && text ? (FORMS.get(type)?.resultTone?.(classification) ?? null) : null;
  return { text, tone };
}

/** Words for the next step (nextAction) a record of the type stores; '' when it has none. */
export const actionWordsOf = (type: string, action: string | null, lang: Lang): string =>
  (action && FORMS.get(type)?.actionWords?.(action, lang)) || '';

/** The blood pressure target line of the trend charts for an age, from the program that sets one. */
export function bpTargetLine(age: number | null | undefined): { sbp: number; dbp: number } | null {
  for (const p of PROGRAM_UIS) if (p.trendTargets?.bp) return p.trendTargets.bp(age);
  return null;
}

/** The fasting glucose target line (mmol/L) of the trend charts, from the program that sets one. */
export const glucoseTargetLine: number | null =
  PROGRAM_UIS.find((p) => p.trendTargets?.glucose !== undefined)?.trendTargets?.glucose ?? null;
