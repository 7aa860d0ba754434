/**
 * Server messages carry both languages in one string — "English 中文" (most errors) or "中文 / English" —
 * so that an API client without a language still reads them. The workspace shows the half for its language.
 */
const CJK = /[\u3400-\u9fff\uff08\uff0c\u3001\u201c\u300a]/;
const HAN = /[\u3400-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

export type UiLang = 'zh-CN' | 'en';

/** The half of a bilingual server text for `lang`; a text in one language comes back as it is. */
export function pickHalf(text: string, lang: UiLang): string {
  const halves = splitBilingual(text);
  if (!halves) return text;
  return lang === 'en' ? halves.en : halves.zh;
}

/** { zh, en } when `text` holds both languages, else null. */
export function splitBilingual(text: string): { zh: string; en: string } | null {
  // "中文 / English": the Chinese half has Han characters and no Latin words, the English half no Han
  const slash = text.split(' / ');
  if (slash.length === 2) {
    const [a, b] = slash as [string, string];
    if (HAN.test(a) && !HAN.test(b) && LATIN_WORD.test(b)) return { zh: a.trim(), en: b.trim() };
    if (HAN.test(b) && !HAN.test(a) && LATIN_WORD.test(a)) return { zh: b.trim(), en: a.trim() };
  }
  // "English 中文": the Chinese half is the tail from the first space before a Han character (or a Chinese
  // quote or bracket) after which no Latin word of four letters or more follows
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
    const rest = text.slice(i + 1);
    const head = text.slice(0, i);
    if (!CJK.test(rest.charAt(0)) || !HAN.test(rest) || /[A-Za-z]{4,}/.test(rest)) continue;
    if (!LATIN_WORD.test(head)) return null;
    return { zh: rest.trim(), en: head.trim() };
  }
  return null;
}

/** The language the workspace shows (the `lang` attribute I18nProvider keeps on <html>). */
export function documentLang(): UiLang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
}
