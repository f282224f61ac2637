/** Field-level differences between two versions of a record (nested objects flattened to dotted paths). */
export interface Change {
  field: string;
  old: unknown;
  new: unknown;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
}

/** JSON with every object's keys in order: the same value reads the same however it was stored (jsonb sorts keys). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}

export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: Change[] = [];
  for (const f of fields) {
    const o = a.has(f) ? a.get(f) : null;
    const n = b.has(f) ? b.get(f) : null;
    if (canonical(o) !== canonical(n)) changes.push({ field: f, old: o, new: n });
  }
  return changes;
}
