// What the 依申请公开 rules need of a working-day calendar. The calendar itself (dataset, statutory
// fallback, administrators' overrides) is the workflow plugin's `calendar` service; its snapshot()
// satisfies this interface.
export type DateInput = string | Date;

export interface WorkingDays {
  isWorkingDay(date: DateInput): boolean;
  /** The n-th working day after `date` (the day itself not counted), as 'YYYY-MM-DD'. */
  addWorkingDays(date: DateInput, n: number): string;
  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: DateInput, to: DateInput): number;
  /** True when the answer for this day rests on the statutory fallback, not on published data. */
  isProvisional(date: DateInput): boolean;
}
