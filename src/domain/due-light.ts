/**
 * The light a deadline shows in 待办 (issue 16): red when overdue, yellow when due within a few working days,
 * green otherwise, done once handled. Working days are Monday–Friday (public holidays are not modelled). Pure.
 */
export const DUE_LIGHTS = ['red', 'yellow', 'green', 'done'] as const;
export type DueLight = (typeof DUE_LIGHTS)[number];

/** Yellow from this many working days before the deadline. */
export const YELLOW_WORKING_DAYS = 3;

const isWorkingDay = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;

/** Working days from `now` until `due`: 0 on the day itself, negative once past. */
export function workingDaysUntil(now: Date, due: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const from = day(now);
  const to = day(due);
  if (from === to) return 0;
  const step = to > from ? 1 : -1;
  let n = 0;
  for (let t = from; t !== to; t += step * 86_400_000) {
    const next = new Date(t + step * 86_400_000);
    if (isWorkingDay(next)) n += step;
  }
  return n;
}

export function dueLight(
  due: Date | null,
  done: boolean,
  now: Date,
  yellowDays: number = YELLOW_WORKING_DAYS,
): DueLight {
  if (done) return 'done';
  if (!due) return 'green';
  if (due.getTime() < now.getTime()) return 'red';
  return workingDaysUntil(now, due) <= yellowDays ? 'yellow' : 'green';
}
