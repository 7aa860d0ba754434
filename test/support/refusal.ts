import { isLantuError, type LantuError } from '../../src/domain/errors.ts';

/** The typed error a promise is refused with; any other exception, or none, fails the test. */
export async function refusal(p: Promise<unknown>): Promise<LantuError> {
  try {
    await p;
  } catch (e) {
    if (isLantuError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
