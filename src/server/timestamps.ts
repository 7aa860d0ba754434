/** An instant as the API sends it: ISO 8601 in UTC (the database may hand back a Date or its text); null stays null. */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  return d ? new Date(d).toISOString() : null;
}
