import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

export interface MailTransport {
  send(m: OutgoingMail): Promise<{ response: string; messageId: string }>;
  close(): void;
}

/** A failed send the SMTP server refused for good (5xx): retrying will not help. */
export function isPermanentFailure(e: unknown): boolean {
  const code = (e as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** nodemailer over the configured URL, with timeouts well under the job lease. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(m) {
      const info = await transporter.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
      });
      return { response: String(info.response ?? ''), messageId: String(info.messageId ?? m.messageId) };
    },
    close: () => transporter.close(),
  };
}
