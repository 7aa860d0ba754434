import { LantuError } from '../../../domain/errors.ts';

/** E-mail is on when LANTU_SMTP_URL is set; without it notifications stay in the workspace. */
export interface MailConfig {
  /** smtp://[user:password@]host:port (STARTTLS when the server offers it) or smtps:// (TLS from the start). */
  url: string;
  from: string;
  /** Where links in mails point: LANTU_PUBLIC_URL, else the address this node listens on. */
  publicUrl: string | null;
}

export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const raw = env.LANTU_SMTP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LantuError('config_invalid', {
      zh: '环境变量 LANTU_SMTP_URL 无效：应为 smtp://主机:端口 或 smtps://主机:端口',
      en: 'Invalid LANTU_SMTP_URL: expected smtp://host:port or smtps://host:port',
    });
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new LantuError('config_invalid', {
      zh: `环境变量 LANTU_SMTP_URL 无效：${url.protocol} 不是 smtp: 或 smtps:`,
      en: `Invalid LANTU_SMTP_URL: ${url.protocol} is not smtp: or smtps:`,
    });
  }
  const from = env.LANTU_MAIL_FROM?.trim();
  if (!from)
    throw new LantuError('config_invalid', {
      zh: '设置了 LANTU_SMTP_URL 时还需设置 LANTU_MAIL_FROM（发件人地址）',
      en: 'LANTU_MAIL_FROM is needed with LANTU_SMTP_URL (the sender address)',
    });
  if (!/@/.test(from))
    throw new LantuError('config_invalid', {
      zh: `环境变量 LANTU_MAIL_FROM 无效：${from} 中没有邮箱地址`,
      en: `Invalid LANTU_MAIL_FROM: ${from} has no address`,
    });
  return { url: raw, from, publicUrl: env.LANTU_PUBLIC_URL?.trim() || null };
}

/** Whether notifications are mailed at all (checked when they are created, so nothing piles up unsent). */
export function mailEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.LANTU_SMTP_URL?.trim();
}

/** The SMTP URL without its password, for logs and the start-up line. */
export function describeSmtp(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}`;
  } catch {
    return 'smtp';
  }
}

let publicBase: string | null = null;

/** Set once by the server when it knows its address; mails compose links against it. */
export function setPublicBaseUrl(url: string): void {
  publicBase = url;
}

export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.LANTU_PUBLIC_URL?.trim() || publicBase || 'http://127.0.0.1:3000';
}
