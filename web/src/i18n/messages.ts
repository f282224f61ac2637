/** All UI strings, [zh, en] side by side so a missing translation is a type error. */
import { shell } from './dict/shell.ts';
import { residents } from './dict/residents.ts';
import { form } from './dict/form.ts';
import { households } from './dict/households.ts';
import { followup } from './dict/followup.ts';
import { enrolment } from './dict/enrolment.ts';
import { services } from './dict/services.ts';
import { worklist } from './dict/worklist.ts';
import { accounts } from './dict/accounts.ts';
import { archive, audit } from './dict/audit.ts';
import { help } from './dict/help.ts';
// A program's own words that name it (its forms' labels) live in its folder.
import { generalMessages } from '../programs/general/messages.ts';
import type { Lang } from './lang.ts';

export const MESSAGES = {
  ...shell,
  ...residents,
  ...form,
  ...households,
  ...followup,
  ...worklist,
  ...services,
  ...enrolment,
  ...accounts,
  ...audit,
  ...archive,
  ...help,
  ...generalMessages,
};
export type MsgKey = keyof typeof MESSAGES;
export type Vars = Record<string, string | number>;

/** The string for a key in a language, with {name} placeholders filled in. */
export function translate(lang: Lang, key: MsgKey, vars?: Vars): string {
  const pair = MESSAGES[key] as readonly [string, string];
  const text = pair[lang === 'zh' ? 0 : 1];
  return vars
    ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
    : text;
}

/** For keys built at run time (field paths, action names): whether the dictionary has them. */
export function hasKey(key: string): key is MsgKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}
