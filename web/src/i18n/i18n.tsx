/**
 * The i18n module: every UI string goes through t(). It also switches the Ant Design locale, the dayjs
 * locale and the document language with the UI language.
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { getLang, setLang, subscribeLang, type Lang } from './lang.ts';
import { translate, type MsgKey, type Vars } from './messages.ts';

export interface I18n {
  lang: Lang;
  t: (key: MsgKey, vars?: Vars) => string;
  setLang: (lang: Lang) => void;
  antdLocale: Locale;
}

function make(lang: Lang): I18n {
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    setLang,
    antdLocale: lang === 'zh' ? zhCN : enUS,
  };
}

const I18nContext = createContext<I18n>(make(getLang()));

export function I18nProvider({ children }: { children: ReactNode }) {
  const lang = useSyncExternalStore(subscribeLang, getLang, getLang);
  const value = useMemo(() => {
    // Set before the children render, so date pickers never show the other language's month names.
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    return make(lang);
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { MsgKey, Lang };
