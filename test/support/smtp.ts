import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:PORT, for LANTU_SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** Resolves once `n` messages arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on an ephemeral port, keeping every message it accepted. `refuse` decides,
 * per recipient, to answer with an SMTP error code instead (e.g. 451 once for a temporary failure).
 */
export async function startTestSmtp(refuse?: (rcpt: string) => number | null): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const code = refuse?.(address.address) ?? null;
      if (code === null) return callback();
      const e = new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later') as Error & {
        responseCode: number;
      };
      e.responseCode = code;
      callback(e);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          messages.push({
            to,
            from: m.from?.value[0]?.address ?? '',
            subject: m.subject ?? '',
            text: m.text ?? '',
            messageId: m.messageId ?? '',
          });
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(n, ms = 20_000) {
      const until = Date.now() + ms;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} mails, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
