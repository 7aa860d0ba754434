import { readFileSync } from 'node:fs';
import { isLantuError } from '../../src/domain/errors.ts';
import type { ErrorCode } from '../../src/domain/errors.ts';
import { sharedFiles } from '../support/shared-files.ts';

/** The SIP 14th-plan outline as tests read it: `../shared/plans/…` from the repository root. */
const SIP = sharedFiles('plans/sip-14th-fyp-outline.txt');
export const SIP_OUTLINE_PATH = SIP.paths[0]!;

/** Whether ../shared lies beside the clone: without it, the tests on the real outline skip. */
export const HAVE_SIP_OUTLINE = SIP.present;

/** Appended to the title of a suite that skips without the real outline: the reason vitest then prints. */
export const NEEDS_SIP_OUTLINE = SIP.skipped;

/** The outline's bytes; empty when ../shared is absent (the suites using it skip then). */
export function sipOutlineBytes(): Uint8Array {
  return HAVE_SIP_OUTLINE ? readFileSync(SIP_OUTLINE_PATH) : new Uint8Array();
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
