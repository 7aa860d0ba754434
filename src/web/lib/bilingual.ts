/**
 * Server messages come with each language in its own field (`messages: { zh, en }` beside the one-string
 * `message`), so the workspace shows its language's text and never guesses where one language ends.
 * A message in one language only (request validation reports zod's English) is shown as it is: splitting
 * it would lose words, and there is no other language to show.
 */
export type UiLang = 'zh-CN' | 'en';

export interface Bilingual {
  zh: string;
  en: string;
}

/** What the server sends for a message a person reads: the one string, and both languages when it has them. */
export interface ServerMessage {
  message?: string | undefined;
  messages?: Bilingual | undefined;
}

export function isBilingual(x: unknown): x is Bilingual {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Bilingual).zh === 'string' &&
    typeof (x as Bilingual).en === 'string'
  );
}

/** The text of a server message for `lang`: its language's field, else the one string as sent. */
export function messageFor(m: ServerMessage, lang: UiLang): string {
  if (isBilingual(m.messages)) return lang === 'en' ? m.messages.en : m.messages.zh;
  return m.message ?? '';
}

/** The language the workspace shows (the `lang` attribute I18nProvider keeps on <html>). */
export function documentLang(): UiLang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
}
