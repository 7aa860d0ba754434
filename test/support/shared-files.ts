import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared beside the clone: the real documents tests read and never copy into the repository. */
const SHARED = resolve(import.meta.dirname, '../../../shared');

export interface SharedFiles {
  /** each file's absolute path, in the order asked for */
  paths: string[];
  /** whether every one of them is there */
  present: boolean;
  /** '' when present; else what a suite appends to its title to skip: " (skipped: ../shared/<first missing> is missing)" */
  skipped: string;
}

/** Files under ../shared (`plans/x.txt`): the one line a suite that needs them skips with names the first missing. */
export function sharedFiles(...names: string[]): SharedFiles {
  const paths = names.map((n) => resolve(SHARED, n));
  const missing = names.find((_, i) => !existsSync(paths[i]!));
  return {
    paths,
    present: missing === undefined,
    skipped: missing === undefined ? '' : ` (skipped: ../shared/${missing} is missing beside the clone)`,
  };
}
