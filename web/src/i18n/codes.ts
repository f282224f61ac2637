/** Labels and choices of the national code tables (from @jkda/domain) in the UI language. */
import { CODE_TABLES, type CodeEntry, type CodeTableName } from '@jkda/domain/code-tables';
import type { Lang } from './lang.ts';

export type { CodeTableName, CodeEntry };

export function codeEntries(table: CodeTableName): readonly CodeEntry[] {
  return CODE_TABLES[table];
}

export function codeEntry(table: CodeTableName, code: string): CodeEntry | undefined {
  return codeEntries(table).find((e) => e.code === code);
}

/** The label of a code, or the code itself when the table does not know it. */
export function codeLabel(table: CodeTableName, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '';
  return codeEntry(table, code)?.[lang] ?? code;
}

export function codeOptions(table: CodeTableName, lang: Lang): { value: string; label: string }[] {
  return codeEntries(table).map((e) => ({ value: e.code, label: e[lang] }));
}
