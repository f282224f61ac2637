/** Items of the basic information form as text in the UI language (record page, print card, history). */
import { codeEntry, codeLabel, type CodeTableName } from '../i18n/codes.ts';
import type { Lang } from '../i18n/lang.ts';
import { translate } from '../i18n/messages.ts';
import type { BasicInfo } from './types.ts';

type Multi = { codes: readonly string[]; other?: string | undefined };
type Events = BasicInfo['surgeries'];
type Disease = BasicInfo['diseases'][number];

const sep = (lang: Lang) => translate(lang, 'punct.list');
export const paren = (s: string, lang: Lang) => translate(lang, 'punct.paren', { s });

/** Chosen codes as labels; the free text follows the choice that needs it. */
export function multiText(table: CodeTableName, v: Multi | undefined, lang: Lang): string {
  if (!v || v.codes.length === 0) return '';
  return v.codes
    .map((c) => {
      const label = codeLabel(table, c, lang);
      return v.other && codeEntry(table, c)?.needsText ? label + paren(v.other, lang) : label;
    })
    .join(sep(lang));
}

export function diseaseText(d: Disease, lang: Lang): string {
  const extra = [d.note, d.diagnosedAt].filter(Boolean).join(' ');
  return codeLabel('pastDisease', d.code, lang) + (extra ? paren(extra, lang) : '');
}

export function diseasesText(list: readonly Disease[] | undefined, lang: Lang): string {
  return (list ?? []).map((d) => diseaseText(d, lang)).join(sep(lang));
}

/** The chronic diseases of the record (past diseases other than 无), for the record card. */
export function chronicText(list: readonly Disease[] | undefined, lang: Lang, none: string): string {
  const real = (list ?? []).filter((d) => d.code !== '1');
  return real.length ? diseasesText(real, lang) : none;
}

export function eventsText(v: Events | undefined, lang: Lang, yes: string, no: string): string {
  if (!v) return '';
  if (!v.has) return no;
  const rows = v.items
    .map((i) => [i.name, i.date].filter(Boolean).join(' '))
    .join(translate(lang, 'punct.semi'));
  return rows ? yes + translate(lang, 'common.colon') + rows : yes;
}

export function hereditaryText(
  v: BasicInfo['hereditaryDisease'] | undefined,
  lang: Lang,
  yes: string,
  no: string,
): string {
  if (!v) return '';
  return v.has ? yes + translate(lang, 'common.colon') + (v.name ?? '') : no;
}
