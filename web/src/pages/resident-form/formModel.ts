/**
 * The form's values and the API payload. The form holds the payload's own shape (dates as YYYY-MM-DD
 * strings); toPayload only drops what is empty, so the schema sees what the server will see.
 */
import { checkResident, residentCreateSchema, type ResidentUpdateInput } from '@jkda/domain/resident.schema';
import { collectIssues, type FieldIssue } from '../../forms/schemaIssues.ts';
import type { ResidentView } from '../../record/types.ts';

export type Editable = Omit<ResidentUpdateInput, 'version'>;

type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
export type FormValues = DeepPartial<Editable>;

const emptyMulti = () => ({ codes: [] as string[] });

/** A new record: nothing clinical is pre-filled; the form asks for every choice. */
export function emptyValues(defaults: {
  villageCode?: string;
  responsibleDoctorId?: number;
  today: string;
}): FormValues {
  return {
    idType: '01',
    recordDate: defaults.today,
    ...(defaults.villageCode ? { villageCode: defaults.villageCode } : {}),
    ...(defaults.responsibleDoctorId ? { responsibleDoctorId: defaults.responsibleDoctorId } : {}),
    manualTags: [],
    basicInfo: {
      // The commonest answers preselected (a resident with household registration here, of Han ethnicity);
      // the "none" answers of the history are not: each is asked.
      residenceType: '1',
      ethnicity: '01',
      paymentMethods: emptyMulti(),
      drugAllergy: emptyMulti(),
      exposure: emptyMulti(),
      diseases: [],
      surgeries: { items: [] },
      traumas: { items: [] },
      transfusions: { items: [] },
      familyHistory: {
        father: emptyMulti(),
        mother: emptyMulti(),
        siblings: emptyMulti(),
        children: emptyMulti(),
      },
      hereditaryDisease: {},
      disability: emptyMulti(),
      environment: {},
    },
  };
}

/** The editable record of a stored one (what PUT /api/residents/:id takes, less the version). */
export function fromView(r: ResidentView): FormValues {
  const v: Record<string, unknown> = {
    villageCode: r.villageCode,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    idType: r.idType,
    idNumber: r.idNumber ?? undefined,
    phone: r.phone ?? undefined,
    currentAddress: r.currentAddress ?? undefined,
    registeredAddress: r.registeredAddress ?? undefined,
    householdId: r.householdId ?? undefined,
    relationToHead: r.relationToHead ?? undefined,
    responsibleDoctorId: r.responsibleDoctor?.id,
    recordDate: r.recordDate,
    manualTags: r.manualTags,
    basicInfo: structuredClone(r.basicInfo),
  };
  return clean(v) as FormValues;
}

/** Drops empty strings, undefined and nulls (recursively); keeps empty arrays (a choice not made yet). */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean).filter((x) => x !== undefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  if (value === null || value === '' || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

export function toPayload(values: unknown): Record<string, unknown> {
  return (clean(values) ?? {}) as Record<string, unknown>;
}

/** Every issue of the form, by the server's rules. */
export function validateResident(values: unknown): FieldIssue[] {
  return collectIssues(residentCreateSchema, toPayload(values), [checkResident]);
}

/** Dotted paths of a record's leaves (arrays are leaves), as the server's history names fields. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = target;
  for (const p of parts.slice(0, -1)) {
    if (cur[p] === null || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface FieldDiff {
  field: string;
  base: unknown;
  theirs: unknown;
  mine: unknown;
  /** Someone else changed this field since the user opened the record. */
  theirsChanged: boolean;
  /** The user changed this field. */
  mineChanged: boolean;
  /** Both changed it, to different values. */
  conflict: boolean;
}

/**
 * Three-way comparison after a stale-version conflict: the fields someone else changed since the user
 * opened the record and the fields the user changed, each with both values.
 */
export function compareVersions(base: FormValues, theirs: FormValues, mine: FormValues): FieldDiff[] {
  const [b, t, m] = [flatten(toPayload(base)), flatten(toPayload(theirs)), flatten(toPayload(mine))];
  const fields = [...new Set([...b.keys(), ...t.keys(), ...m.keys()])].sort();
  return fields
    .map((f) => {
      const theirsChanged = !same(b.get(f), t.get(f));
      const mineChanged = !same(b.get(f), m.get(f));
      return {
        field: f,
        base: b.get(f),
        theirs: t.get(f),
        mine: m.get(f),
        theirsChanged,
        mineChanged,
        conflict: theirsChanged && mineChanged && !same(t.get(f), m.get(f)),
      };
    })
    .filter((d) => d.theirsChanged || d.mineChanged);
}

/** The latest record with the user's own edits (fields they changed since opening) laid over it. */
export function mergeMine(base: FormValues, theirs: FormValues, mine: FormValues): FormValues {
  const merged = structuredClone(toPayload(theirs));
  const [b, m] = [flatten(toPayload(base)), flatten(toPayload(mine))];
  for (const f of new Set([...b.keys(), ...m.keys()]))
    if (!same(b.get(f), m.get(f))) setPath(merged, f, m.get(f));
  return merged;
}
