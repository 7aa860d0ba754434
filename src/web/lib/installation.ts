import { setTimeZone } from './format.ts';

/**
 * Reads the installation's time zone (GET /api/health → timeZone, set from LANTU_TIME_ZONE) before the app
 * renders, so every time on every screen is in it. Waits at most `waitMs`; an answer that does not come, or
 * comes later, leaves Asia/Shanghai (times never switch zone on a screen already drawn).
 */
export async function loadTimeZone(
  get: (url: string) => Promise<Response> = (url) => fetch(url),
  waitMs = 3000,
): Promise<void> {
  const answer = get('/api/health')
    .then(async (r) => (r.ok ? ((await r.json()) as { timeZone?: unknown }) : null))
    .then((b) => (typeof b?.timeZone === 'string' ? b.timeZone : null))
    .catch(() => null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  setTimeZone(await Promise.race([answer, late]));
  clearTimeout(timer);
}
