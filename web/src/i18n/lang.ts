/**
 * The UI language: Simplified Chinese by default, English on request, kept in localStorage.
 * A tiny store outside React so the API client can send the same language in Accept-Language.
 */
import type { Lang } from '@jkda/domain/messages';

export type { Lang };

const KEY = 'jkda.lang';
const listeners = new Set<() => void>();

function initial(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = initial();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts until the page is closed.
  }
  for (const l of listeners) l();
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The Accept-Language header value for the API (the server answers in zh unless it sees en). */
export function acceptLanguage(lang: Lang = current): string {
  return lang === 'en' ? 'en' : 'zh-CN,zh;q=0.9';
}
