/**
 * The 健康体检表 form values in the web form and their conversion to and from the API's `form`: the antd
 * values have the schema's shape (so server errors map onto the same names), with blanks as null / '' and
 * detail inputs that no longer apply still in the store; toPayload drops both, so optional sections stay
 * absent and hidden leftovers are never sent. Also the choice tables per path and the carry-over.
 */
import {
  BREAST,
  CEREBROVASCULAR_DISEASES,
  completedYears,
  DIGITAL_RECTAL,
  DRINK_KINDS,
  DIET_HABITS,
  EXAM_RESULT,
  EYE_DISEASES,
  FUNDUS,
  GYNAECOLOGY_ITEMS,
  GYNAECOLOGY_RESULT,
  HEALTH_CHECK_SYMPTOMS,
  HEART_DISEASES,
  KIDNEY_DISEASES,
  LYMPH_NODES,
  NOT_FOUND_PRESENT,
  OCCUPATIONAL_HAZARDS,
  PROTECTION,
  RALES,
  SCLERA,
  SKIN,
  ABSENT_PRESENT,
  ABDOMEN_ITEMS,
  BREATH_SOUNDS,
  VASCULAR_DISEASES,
  type CodeEntry,
} from '@jkda/domain';

export type Values = Record<string, unknown>;
export type Table = readonly CodeEntry[];

/** Multiple-choice items `{ codes, other? }`, by dotted path. */
export const MULTI_ITEMS: Record<string, Table> = {
  symptoms: HEALTH_CHECK_SYMPTOMS,
  'lifestyle.diet': DIET_HABITS,
  'lifestyle.drinking.kinds': DRINK_KINDS,
  'exam.breast': BREAST,
  'problems.cerebrovascular': CEREBROVASCULAR_DISEASES,
  'problems.kidney': KIDNEY_DISEASES,
  'problems.heart': HEART_DISEASES,
  'problems.vascular': VASCULAR_DISEASES,
  'problems.eye': EYE_DISEASES,
};

/** Single choices with a "describe it" option `{ code, other? }`, by dotted path. */
export const DESCRIBED_ITEMS: Record<string, Table> = {
  'exam.fundus': FUNDUS,
  'exam.skin': SKIN,
  'exam.sclera': SCLERA,
  'exam.lymphNodes': LYMPH_NODES,
  'exam.lungs.breathSounds': BREATH_SOUNDS,
  'exam.lungs.rales': RALES,
  'exam.heart.murmur': ABSENT_PRESENT,
  ...Object.fromEntries(ABDOMEN_ITEMS.map((i) => [`exam.abdomen.${i.key}`, ABSENT_PRESENT])),
  'exam.digitalRectal': DIGITAL_RECTAL,
  ...Object.fromEntries(GYNAECOLOGY_ITEMS.map((i) => [`exam.gynaecology.${i.key}`, GYNAECOLOGY_RESULT])),
  ...Object.fromEntries(
    OCCUPATIONAL_HAZARDS.map((h) => [`lifestyle.occupational.hazards.${h.key}.protection`, PROTECTION]),
  ),
  'labs.ecg': EXAM_RESULT,
  'labs.chestXray': EXAM_RESULT,
  'labs.ultrasound.abdomen': EXAM_RESULT,
  'labs.ultrasound.other': EXAM_RESULT,
  'labs.cervicalSmear': EXAM_RESULT,
  'problems.nervous': NOT_FOUND_PRESENT,
  'problems.otherSystems': NOT_FOUND_PRESENT,
};

export const needsText = (table: Table, code: unknown): boolean =>
  table.some((e) => e.code === code && e.needsText === true);
export const exclusiveCodes = (table: Table): string[] => table.filter((e) => e.exclusive).map((e) => e.code);

/**
 * The choice after a click on a multiple choice with exclusive codes (无 / 未发现 / 无症状 / 正常): an exclusive
 * code just chosen clears the others; any other code just chosen clears the exclusive ones.
 */
export function applyExclusive(table: Table, before: readonly string[], after: readonly string[]): string[] {
  const exclusive = exclusiveCodes(table);
  const added = after.filter((c) => !before.includes(c));
  if (added.some((c) => exclusive.includes(c))) return added.filter((c) => exclusive.includes(c)).slice(-1);
  if (added.length > 0) return after.filter((c) => !exclusive.includes(c));
  return [...after];
}

// ---------------------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------------------

const isObj = (x: unknown): x is Values => !!x && typeof x === 'object' && !Array.isArray(x);

export function getAt(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function mapAt(obj: Values, path: string, f: (v: Values) => void): void {
  const v = getAt(obj, path.split('.'));
  if (isObj(v)) f(v);
}

/** Ages in whole years on a date; null while a date is not a valid YYYY-MM-DD. */
export function ageOn(birthDate: string, on: string): number | null {
  try {
    return completedYears(birthDate, on);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Payload
// ---------------------------------------------------------------------------------------------------------

/** Drops null, undefined, blank strings and empty objects; arrays of strings lose their blank lines. */
function prune(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (Array.isArray(v)) {
    const items = v.map(prune);
    return v.every((x) => typeof x === 'string' || x === null || x === undefined)
      ? items.filter((x) => x !== undefined)
      : items.map((x) => x ?? {});
  }
  if (isObj(v)) {
    const out: Values = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p !== undefined) out[k] = p;
    }
    // An object whose only content is empty lists (an unanswered { codes: [] }) is empty too.
    const meaningful = Object.values(out).some((x) => !Array.isArray(x) || x.length > 0);
    return meaningful ? out : undefined;
  }
  return v;
}

const drop = (o: Values, keys: readonly string[]) => {
  for (const k of keys) delete o[k];
};

/** Removes the detail values whose choice no longer asks for them (they stay hidden in the form). */
function dropInapplicable(f: Values): void {
  for (const [path, table] of Object.entries(MULTI_ITEMS))
    mapAt(f, path, (v) => {
      const codes = Array.isArray(v.codes) ? v.codes : [];
      if (!codes.some((c) => needsText(table, c))) delete v.other;
    });
  for (const [path, table] of Object.entries(DESCRIBED_ITEMS))
    mapAt(f, path, (v) => {
      if (!needsText(table, v.code)) delete v.other;
    });
  mapAt(f, 'general', (g) => {
    if (g.cognition !== '2') delete g.mmseScore;
    if (g.emotion !== '2') delete g.depressionScore;
  });
  mapAt(f, 'lifestyle.exercise', (e) => {
    if (e.frequency === '4') drop(e, ['minutesPerSession', 'years', 'mode']);
  });
  mapAt(f, 'lifestyle.smoking', (s) => {
    if (s.status === '1') drop(s, ['cigarettesPerDay', 'startAge', 'quitAge']);
    if (s.status === '3') delete s.quitAge;
  });
  mapAt(f, 'lifestyle.drinking', (d) => {
    if (d.frequency === '1')
      drop(d, ['liangPerDay', 'quit', 'quitAge', 'startAge', 'drunkPastYear', 'kinds']);
    if (d.quit !== '2') delete d.quitAge;
  });
  mapAt(f, 'lifestyle.occupational', (o) => {
    if (o.exposure !== '2') drop(o, ['job', 'years', 'hazards']);
  });
  mapAt(f, 'organs.dentition', (d) => {
    const codes = Array.isArray(d.codes) ? d.codes : [];
    if (!codes.includes('2')) delete d.missingTeeth;
    if (!codes.includes('3')) delete d.cariesTeeth;
    if (!codes.includes('4')) delete d.dentureTeeth;
  });
  mapAt(f, 'evaluation', (e) => {
    if (e.result !== '2') e.abnormalities = [];
  });
  mapAt(f, 'riskFactors', (r) => {
    const codes = Array.isArray(r.codes) ? r.codes : [];
    if (!codes.includes('5')) delete r.targetWeightKg;
    if (!codes.includes('6')) delete r.vaccines;
    if (!codes.includes('7')) delete r.other;
  });
  // A glucose unit without a value is no result.
  mapAt(f, 'labs', (l) => {
    if (isObj(l.fastingGlucose) && (l.fastingGlucose.value === null || l.fastingGlucose.value === undefined))
      delete l.fastingGlucose;
  });
}

/** antd values of the `form` part → the API's `form`. */
export function toPayload(values: Values): Values {
  const copy = structuredClone(values ?? {});
  dropInapplicable(copy);
  const out = (prune(copy) as Values | undefined) ?? {};
  // Empty lists are the schema's defaults.
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v) && v.length === 0) delete out[k];
  return out;
}

const LISTS = ['hospitalisations', 'homeBeds', 'medications', 'vaccinations', 'guidance'] as const;

/** Stored API `form` → antd values: the same shape, with the lists and the glucose unit in place. */
export function fromStored(stored: Values): Values {
  const v = structuredClone(stored ?? {});
  for (const k of LISTS) if (!Array.isArray(v[k])) v[k] = [];
  const labs = isObj(v.labs) ? v.labs : (v.labs = {});
  const glucose = isObj(labs.fastingGlucose) ? labs.fastingGlucose : (labs.fastingGlucose = {});
  glucose.unit ??= 'mmol/L';
  const evaluation = isObj(v.evaluation) ? v.evaluation : (v.evaluation = {});
  if (!Array.isArray(evaluation.abnormalities)) evaluation.abnormalities = [];
  const rf = isObj(v.riskFactors) ? v.riskFactors : (v.riskFactors = {});
  if (!Array.isArray(rf.codes)) rf.codes = [];
  return v;
}

/**
 * A new record: height, lifestyle, current problems and medications carried over from the last signed
 * check; measurements, labs, findings and vaccinations (asked per year) are not.
 */
export function initialForm(ctx: {
  birthDate: string;
  sex: string;
  today: string;
  last: Values | null;
}): Values {
  const last = ctx.last ? toPayload(fromStored(ctx.last)) : {};
  const carried: Values = {};
  const height = getAt(last, ['general', 'heightCm']);
  if (typeof height === 'number') carried.general = { heightCm: height };
  if (isObj(last.lifestyle)) carried.lifestyle = last.lifestyle;
  if (isObj(last.problems)) carried.problems = last.problems;
  if (Array.isArray(last.medications)) carried.medications = last.medications;
  return fromStored({ symptoms: { codes: [] }, ...carried });
}
