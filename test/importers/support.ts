import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The SIP 14th-plan outline as tests read it: `../shared/plans/…` from the repository root. */
export const SIP_OUTLINE_PATH = resolve(import.meta.dirname, '../../../shared/plans/sip-14th-fyp-outline.txt');

export function sipOutlineBytes(): Uint8Array {
  return readFileSync(SIP_OUTLINE_PATH);
}
