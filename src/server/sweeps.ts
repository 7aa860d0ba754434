import type { Db } from '../db/db.types.ts';
import { enqueueDigests } from './modules/notifications/notifications.service.ts';
import { commentDeadlineSweep } from './modules/comment-desk/comment-desk.service.ts';

/** A time-based check every node runs every minute; each must be safe to run on several nodes at once. */
export interface Sweep {
  name: string;
  run(db: Db, now: Date): Promise<unknown>;
}

export const SWEEPS: Sweep[] = [
  { name: 'comment reply deadlines', run: commentDeadlineSweep },
  // last: the digest takes in what the checks above just raised
  { name: 'mail digests', run: enqueueDigests },
];
