import type { Logger } from 'pino';
import type { Db } from '../db/db.types.ts';
import { MailWorker } from './modules/notifications/mail-worker.ts';
import type { MailConfig } from './modules/notifications/mail.config.ts';
import { smtpTransport } from './modules/notifications/smtp.transport.ts';
import { SWEEPS } from './sweeps.ts';

export interface Background {
  mail: MailWorker | null;
  /** Runs every sweep once now (tests and `lantu serve` at start). */
  sweep(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

const intEnv = (v: string | undefined, fallback: number, min: number): number => {
  const n = Number(v);
  return Number.isFinite(n) && n >= min ? n : fallback;
};

/**
 * What an app node does besides answering requests: send the mail queue (when e-mail is configured) and, every
 * LANTU_SWEEP_MS, run the time-based checks (replies and reports coming due, warnings, digests). Every node runs
 * them; the database keeps each mail and each notification single.
 */
export function startBackground(
  db: Db,
  logger: Logger,
  mail: MailConfig | null,
  env: NodeJS.ProcessEnv = process.env,
): Background {
  const worker = mail
    ? new MailWorker(db, smtpTransport(mail.url), {
        from: mail.from,
        pollMs: intEnv(env.LANTU_MAIL_POLL_MS, 5000, 50),
        retryBaseMs: intEnv(env.LANTU_MAIL_RETRY_MS, 30_000, 10),
        logger,
      })
    : null;
  worker?.start();
  let running: Promise<void> | null = null;
  const sweep = (now = new Date()) =>
    (running ??= (async () => {
      for (const s of SWEEPS) {
        try {
          await s.run(db, now);
        } catch (e) {
          logger.warn({ err: e, sweep: s.name }, 'sweep failed; next run retries');
        }
      }
    })().finally(() => {
      running = null;
    }));
  const timer = setInterval(() => void sweep(), intEnv(env.LANTU_SWEEP_MS, 60_000, 100));
  timer.unref();
  return {
    mail: worker,
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
      await worker?.stop();
    },
  };
}
