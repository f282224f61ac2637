/**
 * The one mapping from a zod issue to the stable field codes of messages.ts, used by the server's form
 * validation and by the web forms as the user types: a code our rules put in the message passes through
 * (e.g. 'id_check_digit'); a missing value is 'required'; anything else keeps zod's own issue code.
 */
import type { z } from 'zod';

export interface PathIssue {
  path: (string | number)[];
  code: string;
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** The stable code of one zod issue met while parsing `payload`. */
export function zodIssueCode(issue: z.core.$ZodIssue, payload: unknown): string {
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && valueAt(payload, issue.path) === undefined) return 'required';
  return issue.code;
}

/** Every issue of `payload` against `schema`, with stable codes; [] when it parses. */
export function schemaIssues(schema: z.ZodType, payload: unknown): PathIssue[] {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({
    path: i.path.map((k) => (typeof k === 'number' ? k : String(k))),
    code: zodIssueCode(i, payload),
  }));
}
