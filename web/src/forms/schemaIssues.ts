/**
 * Form validation with the server's own rules: the zod schema from @jkda/domain, plus the cross-field
 * check (checkResident) that zod skips while other fields are still missing. Issues carry the stable
 * codes of @jkda/domain/messages, so the words match the server's field errors.
 */
import type { z } from 'zod';
import { FIELD_MESSAGES, fieldMessage } from '@jkda/domain/messages';
import { programMessage } from '@jkda/domain';
import { schemaIssues } from '@jkda/domain/issues';
import type { Lang } from '../i18n/lang.ts';

export type Path = (string | number)[];

export interface FieldIssue {
  path: Path;
  code: string;
}

type Refine = (value: never, ctx: z.RefinementCtx) => void;

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** zod's codes for a value that is simply absent where a choice (enum, literal, union) is expected. */
const ABSENT_CHOICE = new Set(['invalid_value', 'invalid_union']);

/**
 * The form's words for an unanswered item: 'required'. @jkda/domain's mapping (zodIssueCode) says so for a
 * missing text or number, while zod 4 reports a missing choice as invalid_value; on a form the user has
 * simply not answered it yet.
 */
export function unanswered<T extends FieldIssue>(issues: readonly T[], payload: unknown): T[] {
  return issues.map((i) =>
    ABSENT_CHOICE.has(i.code) && valueAt(payload, i.path) === undefined ? { ...i, code: 'required' } : i,
  );
}

/**
 * All issues of a payload: the schema's (the stable codes of @jkda/domain's one zod-issue mapping, as the
 * server reports them; an unanswered choice is 'required'), and those of the extra cross-field checks.
 */
export function collectIssues(schema: z.ZodType, payload: unknown, extraChecks: Refine[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], code: string) => {
    const p = path.map((k) => (typeof k === 'number' ? k : String(k)));
    const key = `${p.join('.')}|${code}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path: p, code });
  };
  for (const i of unanswered(schemaIssues(schema, payload), payload)) add(i.path, i.code);
  for (const check of extraChecks) {
    const ctx = {
      value: payload,
      addIssue: (i: { message?: string; path?: PropertyKey[] }) => add(i.path ?? [], i.message ?? 'invalid'),
    } as unknown as z.RefinementCtx;
    try {
      check(payload as never, ctx);
    } catch {
      // A check that meets a half-filled form (a missing nested value) has nothing to say yet.
    }
  }
  return out;
}

/** A field name of the API (`form.answers.3.code`) as a form path: array indexes as numbers. */
export const pathOfField = (field: string): Path =>
  field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const startsWith = (path: Path, prefix: Path) => prefix.every((p, i) => path[i] === p);

/** The issues a form item shows: those at its path or inside it (a composite input shows its parts' issues). */
export function issuesUnder(issues: FieldIssue[], prefix: Path): FieldIssue[] {
  return issues.filter((i) => startsWith(i.path, prefix));
}

/** Words for a field code: the field messages first, then the program rules' codes (not_applicable, score_mismatch …). */
export function codeText(code: string, lang: Lang): string {
  if (Object.prototype.hasOwnProperty.call(FIELD_MESSAGES, code)) return fieldMessage(code, lang);
  const words = programMessage(code, lang);
  return words === code ? fieldMessage(code, lang) : words;
}

export function issueText(issue: FieldIssue, lang: Lang): string {
  return codeText(issue.code, lang);
}
