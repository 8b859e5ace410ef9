/** A range of inspection days, inclusive ('YYYY-MM-DD'). Inspections themselves are read through store.ts. */
export interface DayRange {
  from: string;
  to: string;
}
