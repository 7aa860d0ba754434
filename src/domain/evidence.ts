/**
 * Evidence files (佐证材料) on task progress reports: the one size rule, read by the server (which refuses) and
 * by the workspace (which checks before sending, so a too-large file is never streamed only to be cut off).
 */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Why a file of this many bytes is not accepted as evidence, or null when it is. */
export function evidenceSizeRefusal(bytes: number): 'empty' | 'too_large' | null {
  if (bytes <= 0) return 'empty';
  return bytes > MAX_EVIDENCE_BYTES ? 'too_large' : null;
}

/** A file size as people read it: 512 B, 3.4 KB, 12.5 MB. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
