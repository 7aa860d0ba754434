import { describe, expect, it } from 'vitest';
import { evidenceSizeRefusal, fileSizeLabel, MAX_EVIDENCE_BYTES } from './evidence.ts';

describe('evidence size rule', () => {
  it('refuses an empty file and one byte over 20 MB, accepts 1 byte and exactly 20 MB', () => {
    expect(evidenceSizeRefusal(0)).toBe('empty');
    expect(evidenceSizeRefusal(1)).toBeNull();
    expect(evidenceSizeRefusal(MAX_EVIDENCE_BYTES)).toBeNull();
    expect(evidenceSizeRefusal(MAX_EVIDENCE_BYTES + 1)).toBe('too_large');
  });

  it('labels sizes in B, KB and MB', () => {
    expect(fileSizeLabel(512)).toBe('512 B');
    expect(fileSizeLabel(3482)).toBe('3.4 KB');
    expect(fileSizeLabel(21 * 1024 * 1024)).toBe('21.0 MB');
  });
});
