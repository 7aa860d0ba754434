import type { Db } from '../db/db.types.ts';
import { enqueueDigests } from './modules/notifications/notifications.service.ts';
import { commentDeadlineSweep } from './modules/comment-desk/comment-desk.service.ts';
import { supervisionDueSweep } from './modules/supervision/supervision.reminders.ts';
import { reportingDueSweep } from './modules/observations/observations.notify.ts';
import { warningsSweep } from './modules/warnings/warnings.service.ts';

/** A time-based check every node runs every minute; each must be safe to run on several nodes at once. */
export interface Sweep {
  name: string;
  run(db: Db, now: Date): Promise<unknown>;
}

export const SWEEPS: Sweep[] = [
  { name: 'comment reply deadlines', run: commentDeadlineSweep },
  { name: '督办 step deadlines', run: supervisionDueSweep },
  // at most once an hour per node: values due within LANTU_REPORT_REMIND_DAYS days, and overdue ones
  { name: 'reporting deadlines', run: (db, now) => reportingDueSweep(db, now) },
  // judges the plans every LANTU_WARNING_SWEEP_MS (default 15 min), not every minute
  { name: 'early warnings', run: warningsSweep },
  // last: the digest takes in what the checks above just raised
  { name: 'mail digests', run: enqueueDigests },
];
