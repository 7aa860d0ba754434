import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLantuError } from '../../src/domain/errors.ts';
import type { ErrorCode } from '../../src/domain/errors.ts';

/** The SIP 14th-plan outline as tests read it: `../shared/plans/…` from the repository root. */
export const SIP_OUTLINE_PATH = resolve(
  import.meta.dirname,
  '../../../shared/plans/sip-14th-fyp-outline.txt',
);

export function sipOutlineBytes(): Uint8Array {
  return readFileSync(SIP_OUTLINE_PATH);
}

/** The LantuError code a call fails with ("no error" if it succeeds, "untyped" for any other exception). */
export function errorCodeOf(f: () => unknown): ErrorCode | 'no error' | 'untyped' {
  try {
    f();
    return 'no error';
  } catch (e) {
    return isLantuError(e) ? e.code : 'untyped';
  }
}
