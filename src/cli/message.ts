import type { LantuError } from '../domain/errors.ts';

/**
 * A domain error as the terminal shows it, on one line (scripts and users read a refusal as one line): a
 * message written in both languages gives Chinese, then English after " / ", or one of them when LANTU_LANG
 * names zh or en. (Not LANG: a shell's locale
 * would then change what scripts and the tests read from the same command.)
 */
export function cliMessage(e: LantuError, env: NodeJS.ProcessEnv): string {
  if (!e.messages) return `lantu: ${e.message}\n`;
  const lang = (env.LANTU_LANG ?? '').toLowerCase();
  if (lang.startsWith('en')) return `lantu: ${e.messages.en}\n`;
  if (lang.startsWith('zh')) return `lantu: ${e.messages.zh}\n`;
  return `lantu: ${e.messages.zh} / ${e.messages.en}\n`;
}
