import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';
import { messageFor, type ServerMessage } from './bilingual.ts';

export type Lang = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zh;
type Messages = Record<MessageKey, string>;

const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zh, en: en satisfies Messages };
const STORAGE_KEY = 'lantu.lang';

function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* storage may be disabled */
  }
  return 'zh-CN';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** For keys built from API data (e.g. `kind.${string}`): true when the message exists. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: Translate;
  /** Picks the language's half of a bilingual API text. */
  pick: (b: { zh: string; en: string } | null | undefined) => string;
  /** A server message (`{ message, messages }`) in this language: its own field, else the text as sent. */
  said: (m: ServerMessage | null | undefined) => string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dict = MESSAGES[lang];
    const t: Translate = (key, vars) => {
      const s = dict[key] ?? key;
      return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
    };
    return {
      lang,
      setLang,
      t,
      pick: (b) => (b ? (lang === 'en' ? b.en : b.zh) : ''),
      said: (m) => (m ? messageFor(m, lang) : ''),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
