// The mainland-China working-day calendar (Asia/Shanghai): weekends, public holidays and 调休
// make-up days from the chinese-days dataset, local overrides on top, and — for a year the dataset
// does not cover — the statutory holidays of 《全国年节及纪念日放假办法》(2024): 元旦 1 day,
// 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3, with lunar dates computed.
// Due dates that depend on such a year are provisional: its 调休 are not known yet.
import chineseDays from 'chinese-days';
import dataset from 'chinese-days/dist/chinese-days.json';

export type DateInput = string | Date;

const DAY = 86_400_000;

/** 'YYYY-MM-DD' of a Date in Asia/Shanghai, or a validated date string. */
export function toDay(value: DateInput): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('invalid date');
    return new Date(value.getTime() + 8 * 3600_000).toISOString().slice(0, 10); // China has no DST
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  const day = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw new RangeError(`not a date: ${value}`);
  return value as string;
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The years the bundled dataset lists holidays for; later years use the statutory fallback. */
export const DATASET_YEARS: Set<number> = new Set(Object.keys(dataset.holidays).map((day) => Number(day.slice(0, 4))));

/** Statutory holidays of a year by the 2024 rules, lunar festivals converted to solar dates. */
export function statutoryHolidays(year: number): Set<string> {
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
  const newYear = lunar('01-01');
  const qingming = chineseDays.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t: any) => t.name === '清明')!.date;
  return new Set([
    `${year}-01-01`,
    shift(newYear, -1), newYear, shift(newYear, 1), shift(newYear, 2), // 除夕 … 初三
    qingming,
    `${year}-05-01`, `${year}-05-02`,
    lunar('05-05'),
    lunar('08-15'),
    `${year}-10-01`, `${year}-10-02`, `${year}-10-03`,
  ]);
}

export interface Calendar {
  isWorkingDay(date: DateInput): boolean;
  /** The n-th working day after `date` (the day itself not counted), as 'YYYY-MM-DD'. */
  addWorkingDays(date: DateInput, n: number): string;
  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: DateInput, to: DateInput): number;
  /** True when the answer for this day rests on the statutory fallback, not on published data. */
  isProvisional(date: DateInput): boolean;
}

export function createCalendar({ overrides = new Map<string, boolean>(), coveredYears = DATASET_YEARS }: { overrides?: Map<string, boolean>; coveredYears?: Set<number> } = {}): Calendar {
  const fallback = new Map<number, Set<string>>();
  const covered = (day: string) => coveredYears.has(Number(day.slice(0, 4)));
  const isWorkingDay = (input: DateInput) => {
    const day = toDay(input);
    if (overrides.has(day)) return overrides.get(day)!;
    if (covered(day)) return chineseDays.isWorkday(day);
    const year = Number(day.slice(0, 4));
    if (!fallback.has(year)) fallback.set(year, statutoryHolidays(year));
    return weekday(day) !== 0 && weekday(day) !== 6 && !fallback.get(year)!.has(day);
  };
  return {
    isWorkingDay,
    addWorkingDays(input, n) {
      if (!Number.isInteger(n) || n < 0 || n > 3650) throw new RangeError('n must be a whole number of days, 0 … 3650');
      let day = toDay(input);
      for (let counted = 0; counted < n; ) {
        day = shift(day, 1);
        if (isWorkingDay(day)) counted++;
      }
      return day;
    },
    workingDaysBetween(fromInput, toInput) {
      const [from, to] = [toDay(fromInput), toDay(toInput)];
      const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let day = shift(start, 1); day <= end; day = shift(day, 1)) if (isWorkingDay(day)) count++;
      return sign * count;
    },
    isProvisional: (input) => {
      const day = toDay(input);
      return !overrides.has(day) && !covered(day);
    },
  };
}
