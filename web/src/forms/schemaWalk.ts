/**
 * Reads a form's zod schema as the fields a generic form renders: objects as groups, choices with their
 * codes (and the code table's words when the schema was made from one), numbers with their bounds, lists,
 * and discriminated unions (a choice of kind, then that kind's fields). The schema is the one the server
 * checks with, so the form cannot drift from it. Paths are the form's keys joined by '.', without list
 * indices: the keys of a program's field words.
 */
import type { z } from 'zod';
import { codeTableOf, type CodeTable } from '@jkda/domain/programs/form-kit';

export type FieldNode =
  | { kind: 'group'; key: string; path: string; required: boolean; children: FieldNode[] }
  | {
      kind: 'variants';
      key: string;
      path: string;
      required: boolean;
      /** The discriminator's key (`kind`) and each value's fields (without the discriminator). */
      discriminator: string;
      options: { value: string; children: FieldNode[] }[];
    }
  | {
      kind: 'choice';
      key: string;
      path: string;
      required: boolean;
      values: (string | number)[];
      table?: CodeTable;
    }
  | { kind: 'choices'; key: string; path: string; required: boolean; values: string[]; table?: CodeTable }
  | {
      kind: 'number';
      key: string;
      path: string;
      required: boolean;
      min?: number;
      max?: number;
      integer: boolean;
    }
  | {
      kind: 'text';
      key: string;
      path: string;
      required: boolean;
      max?: number;
      date: boolean;
      /** False for a date that may also be a word (末次月经 不详): typed, not picked. */
      picker?: boolean;
    }
  | { kind: 'texts'; key: string; path: string; required: boolean }
  | { kind: 'switch'; key: string; path: string; required: boolean }
  | { kind: 'list'; key: string; path: string; required: boolean; max?: number; children: FieldNode[] };

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: (string | number)[];
  checks?: {
    _zod: {
      def: {
        check: string;
        value?: number;
        inclusive?: boolean;
        format?: string;
        maximum?: number;
        pattern?: RegExp;
      };
    };
  }[];
  format?: string;
  in?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional / default / nullable / readonly wrappers, and whether one made it optional. */
function unwrap(s: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let optional = false;
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') {
      optional = true;
      cur = d.innerType!;
    } else if (d.type === 'readonly' || d.type === 'catch') cur = d.innerType!;
    else if (d.type === 'pipe') cur = d.in!;
    else return { inner: cur, optional };
  }
}

function bounds(d: Def): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of d.checks ?? []) {
    const x = c._zod.def;
    if (x.check === 'greater_than' && x.value !== undefined) out.min = x.value;
    if (x.check === 'less_than' && x.value !== undefined) out.max = x.value;
    if (x.check === 'max_length' && x.maximum !== undefined) out.max = x.maximum;
  }
  return out;
}

/** A YYYY-MM-DD string (isoDate of the domain): one of its checks is the calendar date's pattern. */
const DATE_PATTERN = String(/^\d{4}-\d{2}-\d{2}$/);
const isDateString = (d: Def): boolean =>
  d.type === 'string' && (d.checks ?? []).some((c) => String(c._zod.def.pattern) === DATE_PATTERN);

const literalValues = (options: z.ZodType[]): (string | number)[] | null => {
  const values: (string | number)[] = [];
  for (const o of options) {
    const d = defOf(unwrap(o).inner);
    if (d.type !== 'literal') return null;
    values.push(...(d.values ?? []));
  }
  return values;
};

function node(key: string, path: string, schema: z.ZodType): FieldNode {
  const { inner, optional } = unwrap(schema);
  const required = !optional;
  const d = defOf(inner);
  const table = codeTableOf(inner);
  switch (d.type) {
    case 'object':
      return { kind: 'group', key, path, required, children: fieldsOf(inner, path) };
    case 'enum':
      return {
        kind: 'choice',
        key,
        path,
        required,
        values: Object.values(d.entries ?? {}),
        ...(table ? { table } : {}),
      };
    case 'literal':
      return { kind: 'choice', key, path, required, values: d.values ?? [] };
    case 'boolean':
      return { kind: 'switch', key, path, required };
    case 'number':
      return {
        kind: 'number',
        key,
        path,
        required,
        integer: d.format === 'safeint' || d.format === 'int32',
        ...bounds(d),
      };
    case 'string':
      return { kind: 'text', key, path, required, date: isDateString(d), ...bounds(d) };
    case 'array': {
      const el = unwrap(d.element!).inner;
      const ed = defOf(el);
      const max = bounds(d).max;
      if (ed.type === 'enum') {
        const t = codeTableOf(el);
        return {
          kind: 'choices',
          key,
          path,
          required,
          values: Object.values(ed.entries ?? {}),
          ...(t ? { table: t } : {}),
        };
      }
      if (ed.type === 'string') return { kind: 'texts', key, path, required };
      return {
        kind: 'list',
        key,
        path,
        required,
        ...(max !== undefined ? { max } : {}),
        children: fieldsOf(el, path),
      };
    }
    case 'union': {
      if (d.discriminator) return variants(key, path, required, d.discriminator, d.options ?? []);
      const lits = literalValues(d.options ?? []);
      if (lits) return { kind: 'choice', key, path, required, values: lits };
      // A date or a literal (末次月经: a date or 'unknown'): typed, with the date's placeholder.
      const date = (d.options ?? []).some((o) => isDateString(defOf(unwrap(o).inner)));
      return { kind: 'text', key, path, required, date, picker: false };
    }
    default:
      return { kind: 'text', key, path, required, date: false };
  }
}

function variants(
  key: string,
  path: string,
  required: boolean,
  disc: string,
  options: z.ZodType[],
): FieldNode {
  return {
    kind: 'variants',
    key,
    path,
    required,
    discriminator: disc,
    options: options.map((o) => {
      const shape = defOf(unwrap(o).inner).shape ?? {};
      const value = String(defOf(unwrap(shape[disc]!).inner).values?.[0]);
      return { value, children: fieldsOf(unwrap(o).inner, path).filter((f) => f.key !== disc) };
    }),
  };
}

/** The fields of an object schema (or of a discriminated union at the top: one 'variants' node). */
export function fieldsOf(schema: z.ZodType, base = ''): FieldNode[] {
  const { inner } = unwrap(schema);
  const d = defOf(inner);
  const at = (k: string) => (base ? `${base}.${k}` : k);
  if (d.type === 'union' && d.discriminator)
    return [variants('', base, true, d.discriminator, d.options ?? [])];
  if (d.type !== 'object') return [];
  return Object.entries(d.shape ?? {}).map(([k, s]) => node(k, at(k), s));
}

/**
 * Every path a form's words must name: each field and group, each discriminator (`kind`) and its values
 * (`kind=lost`), and the values of choices that have no code table (`measured=standing`).
 */
export function wordPaths(nodes: readonly FieldNode[]): string[] {
  const out = new Set<string>();
  const walk = (list: readonly FieldNode[]) => {
    for (const n of list) {
      if (n.kind === 'variants') {
        const disc = n.path ? `${n.path}.${n.discriminator}` : n.discriminator;
        out.add(disc);
        for (const o of n.options) {
          out.add(`${disc}=${o.value}`);
          walk(o.children);
        }
        continue;
      }
      out.add(n.path);
      if (n.kind === 'group' || n.kind === 'list') walk(n.children);
      if ((n.kind === 'choice' || n.kind === 'choices') && !n.table)
        for (const v of n.values) out.add(`${n.path}=${v}`);
    }
  };
  walk(nodes);
  return [...out];
}

const numbersCache = new WeakMap<z.ZodType, Map<string, { min?: number; max?: number; integer: boolean }>>();

/**
 * The bounds of the number field at a path (`general.pulse`, no list indices) as the schema has them, so a
 * hand-laid form shows the server's own range; undefined when the path is not a number field.
 */
export function numberBoundsAt(
  schema: z.ZodType,
  path: string,
): { min?: number; max?: number; integer: boolean } | undefined {
  let found = numbersCache.get(schema);
  if (!found) {
    const map = new Map<string, { min?: number; max?: number; integer: boolean }>();
    const walk = (list: readonly FieldNode[]) => {
      for (const n of list) {
        if (n.kind === 'number') map.set(n.path, { min: n.min, max: n.max, integer: n.integer });
        else if (n.kind === 'group' || n.kind === 'list') walk(n.children);
        else if (n.kind === 'variants') for (const o of n.options) walk(o.children);
      }
    };
    walk(fieldsOf(schema));
    numbersCache.set(schema, map);
    found = map;
  }
  return found.get(path);
}
