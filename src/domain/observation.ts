export const OBSERVATION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** actual = the measured value; assigned = the value a higher authority assigned for that year. */
export const OBSERVATION_KINDS = ['actual', 'assigned'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** A value for one indicator in one period, as the evaluation engine reads it. */
export interface ObservationPoint {
  year: number;
  value: number | null;
  text: string | null;
  kind: ObservationKind;
}
