import { DEFAULT_TIME_ZONE, validTimeZone } from '../domain/time.ts';

/** The zone times are shown in: LANTU_TIME_ZONE when it names a real zone, else Asia/Shanghai. */
export function timeZone(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.LANTU_TIME_ZONE?.trim();
  return (name && validTimeZone(name)) || DEFAULT_TIME_ZONE;
}
