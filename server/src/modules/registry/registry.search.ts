/** Understanding the one search box: ID number, record number, phone, digits of them, name or pinyin. */
import { upgradeIdNumber15 } from '@jkda/domain';

export type QueryKind =
  'id_number' | 'record_number' | 'phone' | 'digits_suffix' | 'name' | 'initials' | 'pinyin' | 'empty';

export interface ParsedQuery {
  kind: QueryKind;
  value: string;
}

export function parseSearchText(raw: string | undefined): ParsedQuery {
  const q = (raw ?? '').replace(/\s+/g, '');
  if (!q) return { kind: 'empty', value: '' };
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: 'id_number', value: q.toUpperCase() };
  if (/^\d{15}$/.test(q)) {
    try {
      return { kind: 'id_number', value: upgradeIdNumber15(q) };
    } catch {
      return { kind: 'digits_suffix', value: q };
    }
  }
  if (/^\d{17}$/.test(q)) return { kind: 'record_number', value: q };
  if (/^1[3-9]\d{9}$/.test(q)) return { kind: 'phone', value: q };
  if (/^\d{3,16}[Xx]?$/.test(q)) return { kind: 'digits_suffix', value: q.toUpperCase() };
  if (/^[a-zA-Z]+$/.test(q)) {
    // Pinyin initials have no vowels after the first letter (zs, lxm); anything else is the start of the
    // full pinyin (zhang, zhangs, wangxm is treated as pinyin too).
    const lower = q.toLowerCase();
    return { kind: /^[a-z][^aeiouv]*$/.test(lower) ? 'initials' : 'pinyin', value: lower };
  }
  return { kind: 'name', value: q };
}

/** User text with its LIKE wildcards escaped (they are characters to find). */
const likeEscaped = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** A LIKE pattern for text that starts with the user's text. */
export const likePrefix = (s: string): string => `${likeEscaped(s)}%`;
/** A LIKE pattern for text that contains the user's text. */
export const likeContains = (s: string): string => `%${likeEscaped(s)}%`;
