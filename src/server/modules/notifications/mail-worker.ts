import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../../db/db.types.ts';
import { mailJobsRepository, type MailJob } from '../../../db/repositories/mail-jobs.repository.ts';
import { MAIL_MAX_ATTEMPTS, mailRetryDelayMs } from '../../../domain/notification.ts';
import { isPermanentFailure, type MailTransport } from './smtp.transport.ts';

export interface MailWorkerOptions {
  from: string;
  /** Names this node in the delivery records (host, process id and a random suffix by default). */
  node?: string;
  pollMs?: number;
  batch?: number;
  retryBaseMs?: number;
  logger?: Logger;
}

/** A node's name in `mail_deliveries`: readable, and unique even for two processes on one host. */
export const nodeName = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Sends the mail jobs of the database. Every node runs one; a job is claimed by exactly one node at a time
 * (`FOR UPDATE SKIP LOCKED`), each attempt is recorded, failures are retried with exponential backoff and a
 * refusal for good (5xx) is not retried.
 */
export class MailWorker {
  readonly node: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly opts: MailWorkerOptions,
  ) {
    this.node = opts.node ?? nodeName();
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Look for work now (called after this node enqueued something). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.transport.close();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain()
        .catch((e: unknown) => this.opts.logger?.warn({ err: e }, 'mail worker: database unavailable'))
        .finally(() => {
          this.running = null;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : (this.opts.pollMs ?? 5000));
        });
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.runOnce()) > 0) {
      /* keep going while there is work */
    }
  }

  /** Claims one batch and sends it; returns how many jobs were handled. */
  async runOnce(): Promise<number> {
    const jobs = await mailJobsRepository.claim(this.db, this.node, this.opts.batch ?? 10);
    for (const job of jobs) await this.deliver(job);
    return jobs.length;
  }

  private async deliver(job: MailJob): Promise<void> {
    const messageId = `<lantu-mail-${job.id}@${domainOf(this.opts.from)}>`;
    try {
      const sent = await this.transport.send({
        from: this.opts.from,
        to: job.recipient,
        subject: job.subject,
        text: job.bodyText,
        messageId,
      });
      await this.db.transaction(async (tx) => {
        await mailJobsRepository.recordDelivery(tx, {
          jobId: job.id,
          attempt: job.attempts,
          node: this.node,
          ok: true,
          response: sent.response,
          messageId: sent.messageId,
        });
        await mailJobsRepository.markSent(tx, job.id, this.node);
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const giveUp = isPermanentFailure(e) || job.attempts >= MAIL_MAX_ATTEMPTS;
      const retryAt = giveUp
        ? null
        : new Date(Date.now() + mailRetryDelayMs(job.attempts, this.opts.retryBaseMs));
      this.opts.logger?.warn(
        { job: job.id, attempt: job.attempts, giveUp, error: message },
        giveUp ? 'mail given up' : 'mail failed; will retry',
      );
      await this.db.transaction(async (tx) => {
        await mailJobsRepository.recordDelivery(tx, {
          jobId: job.id,
          attempt: job.attempts,
          node: this.node,
          ok: false,
          response: message,
          messageId: null,
        });
        await mailJobsRepository.markFailed(tx, job.id, this.node, message, retryAt);
      });
    }
  }
}

function domainOf(from: string): string {
  const m = /@([^>\s]+)/.exec(from);
  return m?.[1] ?? 'lantu.local';
}
