import { existsSync, readFileSync } from 'node:fs';
import { LantuError } from '../../domain/errors.ts';

/** The text of a thrown value, for a message. */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A commander argument parser for an integer option such as --year. */
export function intArg(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n))
      throw new LantuError(
        'bad_request',
        { zh: `${name} 须为整数（收到“${v}”）`, en: `${name} must be an integer, got "${v}"` },
        null,
      );
    return n;
  };
}

/** The text of a values CSV given with --data, refused when the file is missing. */
export function readValuesFile(path: string): string {
  if (!existsSync(path))
    throw new LantuError(
      'not_found',
      { zh: `找不到数值文件：${path}`, en: `values file not found: ${path}` },
      { path },
    );
  return readFileSync(path, 'utf8');
}

/** JSON parsed from text read from `path`, or a refusal naming the file and where the JSON breaks. */
export function parseJsonFile(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LantuError(
      'validation_failed',
      { zh: `${path} 不是有效的 JSON：${reason(e)}`, en: `${path} is not valid JSON: ${reason(e)}` },
      { path },
    );
  }
}
