/**
 * The follow-up form's values → the API's form (empty fields dropped), the domain schema's issues, and the
 * live assessment (control status, expected classification, next visit) with the rules of @jkda/domain.
 */
import {
  ageOn,
  bpControlled,
  bpTarget,
  classificationCode,
  classificationFromCode,
  DIABETES_EMERGENCY_FLAGS,
  emergencyReferral,
  expectedClassification,
  FORM_SCHEMAS,
  glucoseControlled,
  HYPERTENSION_EMERGENCY_FLAGS,
  nextVisit,
  type EmergencyCriterion,
  type NextVisitPlan,
  type VisitClassification,
} from '@jkda/domain';
import type { Program } from './followup.api.ts';

export interface FollowUpValues {
  serviceDate: string;
  delivery: 'clinic' | 'home' | 'phone';
  form: Record<string, unknown>;
  referralNeeded?: boolean;
}

/** Drops empty strings, null and undefined (deeply), and empty objects. */
export function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune).filter((x) => x !== undefined);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' && v.trim() === '') return undefined;
  return v;
}

export const typeOf = (program: Program) => `${program}_followup` as const;

/** The symptom flags of the program's emergency referral list, in the spec's order (the form's checkboxes). */
export const emergencyFlagsOf = (program: Program): readonly string[] =>
  program === 'hypertension' ? HYPERTENSION_EMERGENCY_FLAGS : DIABETES_EMERGENCY_FLAGS;

/** The form as the API takes it. */
export function toFormPayload(values: FollowUpValues): Record<string, unknown> {
  const form = (prune(values.form) ?? {}) as Record<string, unknown>;
  form.lifestyle ??= {};
  form.adverseReaction ??= { has: false };
  form.symptoms ??= { codes: [] };
  form.emergencyFlags ??= [];
  // The insulin row is optional: both inputs empty means no insulin.
  // The schema wants `usage` as a string (it may be empty) once a kind is given.
  const insulin = form.insulin as Record<string, unknown> | undefined;
  if (insulin && Object.keys(insulin).length === 0) delete form.insulin;
  else if (insulin?.kind !== undefined) insulin.usage ??= '';
  if (!values.referralNeeded) delete form.referral;
  return form;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export interface Issue {
  path: string;
  code: string;
}

export function schemaIssues(program: Program, form: Record<string, unknown>): Issue[] {
  const r = FORM_SCHEMAS[typeOf(program)].safeParse(form);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    path: ['form', ...i.path.map(String)].join('.'),
    code: /^[a-z_]+$/.test(i.message)
      ? i.message
      : i.code === 'invalid_type' && /undefined/.test(i.message)
        ? 'required'
        : i.code,
  }));
}

/**
 * Checks across fields the schema does not make, against the patient and today: an HbA1c value needs its test
 * date, and that date is neither in the future nor before the birth date.
 */
export function visitIssues(
  program: Program,
  form: Record<string, unknown>,
  ctx: { birthDate: string; today: string },
): Issue[] {
  if (program !== 'diabetes') return [];
  const out: Issue[] = [];
  const date = typeof form.hba1cDate === 'string' ? form.hba1cDate : undefined;
  if (num(form.hba1c) !== null && date === undefined) out.push({ path: 'form.hba1cDate', code: 'required' });
  if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    if (date > ctx.today) out.push({ path: 'form.hba1cDate', code: 'date_future' });
    else if (date < ctx.birthDate) out.push({ path: 'form.hba1cDate', code: 'date_before_birth' });
  }
  return out;
}

/** The schema's issues and the cross-field ones, without repeats (path and code). */
export function formIssues(
  program: Program,
  form: Record<string, unknown>,
  ctx: { birthDate: string; today: string },
): Issue[] {
  const all = [...schemaIssues(program, form), ...visitIssues(program, form, ctx)];
  const seen = new Set<string>();
  return all.filter((i) => {
    const k = `${i.path}|${i.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface Assessment {
  /** Null when the values needed are missing. */
  controlled: boolean | null;
  target: string;
  expected: VisitClassification | null;
  chosen: VisitClassification | null;
  plan: NextVisitPlan | null;
  emergency: EmergencyCriterion[];
}

export function assess(
  program: Program,
  values: FollowUpValues,
  birthDate: string,
  previous: VisitClassification | null,
): Assessment {
  const f = values.form;
  const sbp = num(f.sbp);
  const dbp = num(f.dbp);
  const glucose = num(f.fastingGlucose);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(values.serviceDate) ? values.serviceDate : null;
  const age = date ? ageOn(birthDate, date) : null;
  const t = bpTarget(age ?? 0);
  let controlled: boolean | null = null;
  if (program === 'hypertension') {
    if (sbp !== null && dbp !== null && age !== null) controlled = bpControlled({ sbp, dbp, age });
  } else if (glucose !== null) controlled = glucoseControlled(glucose);
  const adverse = (f.adverseReaction as { has?: boolean } | undefined)?.has ?? false;
  const expected = expectedClassification({
    program,
    age,
    sbp,
    dbp,
    fastingGlucose: glucose,
    adverseReaction: adverse,
    complication: f.complication === true,
  });
  const chosen = typeof f.classification === 'string' ? classificationFromCode(f.classification) : null;
  const flags = (Array.isArray(f.emergencyFlags) ? f.emergencyFlags : []) as never[];
  const em =
    program === 'hypertension'
      ? emergencyReferral({ program, sbp, dbp, flags })
      : emergencyReferral({ program, sbp, dbp, glucose, heartRate: num(f.heartRate), flags });
  const plan =
    chosen && date
      ? nextVisit({
          visitDate: date,
          classification: chosen,
          previousClassification: previous,
          emergency: em.emergency,
        })
      : null;
  return {
    controlled,
    target: program === 'hypertension' ? `<${t.sbp}/${t.dbp}` : '<7.0',
    expected,
    chosen,
    plan,
    emergency: em.criteria,
  };
}

export const expectedCode = (c: VisitClassification | null) => (c ? classificationCode(c) : undefined);

/**
 * Fields carried over from the last follow-up: medication, insulin, targets, height and lifestyle targets.
 * Per-visit findings (readings, symptoms, emergency flags, HbA1c and its date, hypoglycaemia) are not.
 */
export function carryOver(last: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!last) return {};
  const ls = (last.lifestyle ?? {}) as Record<string, unknown>;
  const pick = (o: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  return {
    ...pick(last, [
      'targetWeightKg',
      'heightCm',
      'medicationAdherence',
      'saltTarget',
      'stapleTarget',
      'insulin',
    ]),
    medications: Array.isArray(last.medications) ? last.medications : [],
    lifestyle: pick(ls, [
      'cigarettesTarget',
      'alcoholTarget',
      'exerciseTargetTimesPerWeek',
      'exerciseTargetMinutes',
      'psychology',
      'compliance',
    ]),
  };
}
