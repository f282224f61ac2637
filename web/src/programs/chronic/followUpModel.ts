/**
 * The chronic follow-up form's values → the API's form (empty fields dropped), the carry-over from the last
 * follow-up, and the live assessment: the server's own check of the form (programRegistry.checkForm: the
 * type's schema, then its rules) and the type's evaluation (next visit, emergency referral), as the user
 * types. Nothing here knows which program a type belongs to: the registry says.
 */
import {
  ageOn,
  classificationCode,
  PLAUSIBLE_RANGES,
  classificationFromCode,
  expectedClassification,
  programRegistry,
  valuesControlled,
  type ChronicOutcome,
  type ChronicProgram,
  type EmergencyCriterion,
  type NextVisitPlan,
  type PlausibilityField,
  type ServiceContext,
  type ServiceEvaluation,
  type VisitClassification,
} from '@jkda/domain';
import { countyToday } from '../../app/today.ts';
import type { NumberRange } from '../../forms/numberRange.ts';

export interface FollowUpValues {
  serviceDate: string;
  delivery: 'clinic' | 'home' | 'phone';
  /** The form; in a combined visit, the fields the types share and each type's own fields (named apart). */
  form: Record<string, unknown>;
  referralNeeded?: boolean;
  /** A combined visit: by type, the fields each type keeps for itself (PER_TYPE_FIELDS). */
  per?: Record<string, Record<string, unknown>>;
}

/**
 * What each type of a combined visit keeps for itself: the program's own list of symptoms and emergency
 * flags, its classification and its drugs. Everything else (the date, the readings, the lifestyle, the
 * adherence, the referral, the notes) is entered once, and each type's own fields (salt, glucose …) once.
 */
export const PER_TYPE_FIELDS: readonly string[] = [
  'symptoms',
  'emergencyFlags',
  'classification',
  'medications',
];

const FORM_KEYS = new Map<string, ReadonlySet<string>>();

/** The fields of a type's form, from its schema in the registry (read once per type: asked on every keystroke). */
function formKeys(type: string): ReadonlySet<string> {
  let keys = FORM_KEYS.get(type);
  if (!keys) {
    const schema = programRegistry.serviceType(type)?.schema as
      { shape?: Record<string, unknown> } | undefined;
    keys = new Set(Object.keys(schema?.shape ?? {}));
    FORM_KEYS.set(type, keys);
  }
  return keys;
}

/** One type's values of a combined visit: the shared fields its form has, and its own; values as they are otherwise. */
export function partValues(values: FollowUpValues, type: string): FollowUpValues {
  if (!values.per) return values;
  const keys = formKeys(type);
  const shared = Object.entries(values.form).filter(([k]) => keys.has(k) && !PER_TYPE_FIELDS.includes(k));
  return { ...values, form: { ...Object.fromEntries(shared), ...values.per[type] } };
}

/**
 * Where a field path of one type's envelope (`form.symptoms.codes`) sits in the form's values: in a combined
 * visit a type's own field is under `per.<type>`.
 */
export function fieldPathOf(path: string, type: string, combined: boolean): string {
  const [head, key] = path.split('.');
  return combined && head === 'form' && key !== undefined && PER_TYPE_FIELDS.includes(key)
    ? `per.${type}.${path.slice('form.'.length)}`
    : path;
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

/** What a visit closed as lost or death keeps of the form: the outcome, its reason or the death, the notes. */
const CLOSED_FIELDS = ['outcome', 'lostReason', 'death', 'notes'] as const;

/** The form as the API takes it. */
export function toFormPayload(values: FollowUpValues): Record<string, unknown> {
  const all = (prune(values.form) ?? {}) as Record<string, unknown>;
  if (all.outcome === 'lost' || all.outcome === 'died') {
    const closed: Record<string, unknown> = {
      lifestyle: {},
      adverseReaction: { has: false },
      emergencyFlags: [],
    };
    for (const k of CLOSED_FIELDS) if (all[k] !== undefined) closed[k] = all[k];
    if (all.outcome === 'lost') delete closed.death;
    else delete closed.lostReason;
    return closed;
  }
  const form = all;
  // By phone nothing is measured: readings given are the patient's own.
  if (values.delivery === 'phone') {
    if (form.sbp !== undefined || form.dbp !== undefined || form.fastingGlucose !== undefined)
      form.valuesSource = 'reported';
    else delete form.valuesSource;
  }
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
const isoDay = (s: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);

/** A problem on a field of the envelope (`form.sbp`, `form.hba1cDate` …), with the server's stable code. */
export interface Issue {
  path: string;
  code: string;
}

export interface Assessment {
  /** Completed years on the service date (null while the date is being typed). */
  age: number | null;
  /** What the server would refuse: the schema's issues, then (once it parses) the rules' errors. */
  issues: Issue[];
  /** Whether the values are within the program's target; null when the values needed are missing. */
  controlled: boolean | null;
  expected: VisitClassification | null;
  chosen: VisitClassification | null;
  plan: NextVisitPlan | null;
  emergency: EmergencyCriterion[];
}

const isChronicOutcome = (r: ServiceEvaluation): r is ChronicOutcome => 'plan' in r && 'emergency' in r;

/**
 * The live assessment of a follow-up of `type` for a resident: the registry's check of the form and the
 * type's evaluation on the service date; `previous` is the result of the last follow-up of the type.
 */
export function assess(
  type: string,
  values: FollowUpValues,
  resident: { birthDate: string; sex: string },
  previous: string | null,
): Assessment {
  const form = toFormPayload(values);
  const date = isoDay(values.serviceDate);
  const age = date ? ageOn(resident.birthDate, date) : null;
  const program = programRegistry.programOfType(type)?.id as ChronicProgram;
  const classificationValues = {
    program,
    age,
    sbp: num(form.sbp),
    dbp: num(form.dbp),
    fastingGlucose: num(form.fastingGlucose),
    adverseReaction: (form.adverseReaction as { has?: boolean } | undefined)?.has ?? false,
    complication: form.complication === true,
  };
  const chosen = typeof form.classification === 'string' ? classificationFromCode(form.classification) : null;
  const ctx: ServiceContext = {
    birthDate: resident.birthDate,
    sex: resident.sex,
    serviceDate: date ?? countyToday(),
    previousClassification: previous,
    delivery: values.delivery,
  };
  const check = programRegistry.checkForm(type, form, ctx);
  // The evaluation needs the visit's readings and classification; the rest of the form may still be
  // incomplete (the panel follows the values as they are typed).
  let outcome: ServiceEvaluation | null = null;
  const def = programRegistry.serviceType(type);
  if (def && date && chosen && (check.form || (num(form.sbp) !== null && num(form.dbp) !== null)))
    try {
      outcome = def.evaluate(check.form ?? form, ctx);
    } catch {
      // A half-filled value the rules do not expect: nothing to say yet.
    }
  const chronic = outcome && isChronicOutcome(outcome) ? outcome : null;
  return {
    age,
    issues: check.errors.map((e) => ({ path: e.field, code: e.code })),
    controlled: valuesControlled(classificationValues),
    expected: expectedClassification(classificationValues),
    chosen,
    plan: chronic?.plan ?? null,
    emergency: (chronic?.emergency ?? []) as EmergencyCriterion[],
  };
}

export const expectedCode = (c: VisitClassification | null) => (c ? classificationCode(c) : undefined);

/**
 * Fields carried over from the last follow-up, as the form's notice says (fu.prefilled): the medication
 * (drugs and insulin), the height and the targets. The visit's own findings and judgements are not: the
 * readings, symptoms, emergency flags, HbA1c and its date, hypoglycaemia, and the adherence, psychological
 * adjustment and compliance the doctor assesses at each visit.
 */
export function carryOver(last: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!last) return {};
  const ls = (last.lifestyle ?? {}) as Record<string, unknown>;
  const pick = (o: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  return {
    ...pick(last, ['targetWeightKg', 'heightCm', 'saltTarget', 'stapleTarget', 'insulin']),
    medications: Array.isArray(last.medications) ? last.medications : [],
    lifestyle: pick(ls, [
      'cigarettesTarget',
      'alcoholTarget',
      'exerciseTargetTimesPerWeek',
      'exerciseTargetMinutes',
    ]),
  };
}

/**
 * The carry-over of a combined visit: each last record's shared fields, oldest first so the newer wins
 * (lifestyle targets merged); no drugs (each type keeps its own).
 */
export function carryOverAll(
  lasts: readonly (Record<string, unknown> | undefined)[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { lifestyle: {} };
  for (const last of lasts) {
    const { lifestyle, ...rest } = carryOver(last);
    delete rest.medications;
    Object.assign(out, rest);
    out.lifestyle = { ...(out.lifestyle as object), ...(lifestyle as object | undefined) };
  }
  return out;
}

/**
 * The range the server takes for a reading it checks for plausibility (chronic.rules.ts PLAUSIBLE_RANGES:
 * SBP 40–300 mmHg …; inside the schema's own bounds), for the form's number fields.
 */
export function possible(field: PlausibilityField, integer?: boolean): NumberRange {
  const [min, max] = PLAUSIBLE_RANGES[field].possible;
  return { min, max, ...(integer ? { integer } : {}) };
}
