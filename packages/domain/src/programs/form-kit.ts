/**
 * The building blocks of the service forms' code lists and schemas: a code entry with its flags (`exclusive`
 * for a choice that stands alone — 无, 未见异常; `needsText` for one that needs its description — 其他, 异常,
 * 有), single and multiple choices checked against their table, 转诊, and a few shared fields. Generic: no
 * program is named here; each program's folder has its own code lists.
 */
import { z } from 'zod';
import type { CodeEntry } from '../code-tables.ts';

export interface Flags {
  exclusive?: true;
  needsText?: true;
}
export const codeEntry = <C extends string>(code: C, zh: string, en: string, flags: Flags = {}) =>
  ({ code, zh, en, ...flags }) as { code: C; zh: string; en: string } & Flags;
export const EXCLUSIVE: Flags = { exclusive: true };
export const NEEDS_TEXT: Flags = { needsText: true };

export type CodeTable = readonly (CodeEntry & { code: string })[];
type CodeOf<Tb extends CodeTable> = Tb[number]['code'];

/** 转诊: 1 无, 2 有 (reason, institution and department). */
export const REFERRAL = [codeEntry('1', '无', 'No'), codeEntry('2', '有', 'Yes')] as const;

// ---------------------------------------------------------------------------------------------------------
// zod building blocks
// ---------------------------------------------------------------------------------------------------------

/** The code table each choice schema was made from, for forms that render a schema (the words of its codes). */
const CODE_TABLES = new WeakMap<z.ZodType, CodeTable>();

/** The code table of a choice schema made by enumOf or withCodes; undefined for any other schema. */
export const codeTableOf = (schema: z.ZodType): CodeTable | undefined => CODE_TABLES.get(schema);

/** Ties an enum schema to the table of its codes' words. */
export function withCodes<S extends z.ZodType>(schema: S, table: CodeTable): S {
  CODE_TABLES.set(schema, table);
  return schema;
}

export const enumOf = <Tb extends CodeTable>(table: Tb) =>
  withCodes(
    z.enum(table.map((e) => e.code) as [CodeOf<Tb>, ...CodeOf<Tb>[]], { message: 'invalid_value' }),
    table,
  );
export const text = (max: number) => z.string().trim().max(max);
export const reqText = (max: number) => text(max).min(1, { message: 'required' });
export const optText = (max: number) => text(max).optional();
export const num = (min: number, max: number) => z.number().min(min).max(max);
export const count = (max: number) => z.int().min(0).max(max);
const issue = (ctx: z.RefinementCtx, message: string, path: (string | number)[]) =>
  ctx.addIssue({ code: 'custom', message, path });
export const needsText = (table: CodeTable, code: string) =>
  table.some((e) => e.code === code && e.needsText);

export interface MultiChoice {
  codes: string[];
  other?: string | undefined;
}

/** Issues of a multiple choice against a table (no repeats, exclusive alone, text when needed). */
export function multiChoiceIssues(table: CodeTable, v: MultiChoice): { message: string; path: string[] }[] {
  const out: { message: string; path: string[] }[] = [];
  const exclusive = table.filter((e) => e.exclusive).map((e) => e.code);
  if (v.codes.some((x) => !table.some((e) => e.code === x)))
    out.push({ message: 'invalid_value', path: ['codes'] });
  if (new Set(v.codes).size !== v.codes.length) out.push({ message: 'choice_duplicate', path: ['codes'] });
  if (v.codes.length > 1 && v.codes.some((x) => exclusive.includes(x)))
    out.push({ message: 'choice_exclusive', path: ['codes'] });
  if (v.codes.some((x) => needsText(table, x)) && !v.other)
    out.push({ message: 'required', path: ['other'] });
  return out;
}

/** Multiple choice `{ codes, other? }`: at least one unless `allowNone` (a list without 无). */
export function multi<Tb extends CodeTable>(table: Tb, { allowNone = false, otherMax = 100 } = {}) {
  return z
    .object({
      codes: allowNone
        ? z.array(enumOf(table)).default([])
        : z.array(enumOf(table)).min(1, { message: 'choice_required' }),
      other: optText(otherMax),
    })
    .strict()
    .superRefine((v, ctx) => {
      for (const i of multiChoiceIssues(table, v)) issue(ctx, i.message, i.path);
    });
}

/** Single choice with a "describe it" option `{ code, other? }`: the text is required for that option. */
export function described<Tb extends CodeTable>(table: Tb, otherMax = 200) {
  return z
    .object({ code: enumOf(table), other: optText(otherMax) })
    .strict()
    .superRefine((v, ctx) => {
      if (needsText(table, v.code) && !v.other) issue(ctx, 'required', ['other']);
    });
}

/** 转诊 (1 无 / 2 有 + 原因, 机构及科室). */
export const referralSchema = z
  .object({ code: enumOf(REFERRAL), reason: optText(200), institution: optText(100) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.code === '2' && !v.reason) issue(ctx, 'required', ['reason']);
    if (v.code === '2' && !v.institution) issue(ctx, 'required', ['institution']);
    if (v.code === '1' && (v.reason || v.institution)) issue(ctx, 'not_applicable', ['reason']);
  });

/** 孕周: completed weeks and days (0–6). 45 weeks is the bound of a plausible pregnancy. */
export const gestationalAgeSchema = z
  .object({ weeks: z.int().min(0).max(45), days: z.int().min(0).max(6) })
  .strict();

export const bpSchema = z.object({ sbp: z.int().min(0).max(400), dbp: z.int().min(0).max(300) }).strict();

/** A urine dipstick result: '-', '±', '+' … '++++', or a number with an optional unit. */
export const URINE_RESULT = /^(?:[-−]|±|\+{1,4}|\d+(?:\.\d+)?\s*(?:[A-Za-zµμ/]+)?)$/;
export const urineResult = text(20).regex(URINE_RESULT, { message: 'lab_result_format' });
