// 条例第二十六条: proactive information is published within 20 working days of its formation or
// change. For each proactive item: the working days from 成文日期 (formedAt) — or 变更日期
// (changedAt) when it is set, for a changed item — to its first publication (发布日期, publishedDate,
// read in the site's time zone), and whether that met the limit. Working days come from the
// calendar the request clock uses (holidays and 调休 from chinese-days, the office's overrides).
import type { WorkingDays } from './working-days';
import { DEFAULT_TIME_ZONE, localDate } from './local-date';

export const TIMELINESS_LIMIT = 20;

export interface TimelinessFacts {
  disclosure?: unknown;
  formedAt?: unknown;
  changedAt?: unknown;
  publishedDate?: unknown;
}

export interface Timeliness {
  timelinessDays: number | null;
  timelinessMet: boolean | null;
}

export const NO_TIMELINESS: Timeliness = { timelinessDays: null, timelinessMet: null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date ('YYYY-MM-DD') of a date attribute: a date string as is, an instant in the time zone. */
export function dayOf(value: unknown, timeZone = DEFAULT_TIME_ZONE): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && DAY.test(value)) return value;
  const at = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : typeof value === 'string' ? new Date(/^\d+$/.test(value) ? Number(value) : value) : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  return localDate(at, timeZone);
}

/** Where the 20 working days start: the change date of a changed item, else the formation date. */
export function timelinessStart(facts: TimelinessFacts, timeZone = DEFAULT_TIME_ZONE): string | null {
  return dayOf(facts.changedAt, timeZone) ?? dayOf(facts.formedAt, timeZone);
}

/**
 * Working days after the start up to and including the day of first publication (the start day
 * itself not counted, as for every statutory period); met when at most 20. Null for an item that is
 * not proactive, not published yet, or has no start date. Published on or before the start: 0.
 */
export function computeTimeliness(facts: TimelinessFacts, calendar: Pick<WorkingDays, 'workingDaysBetween'>, timeZone = DEFAULT_TIME_ZONE): Timeliness {
  if (facts.disclosure !== 'proactive') return NO_TIMELINESS;
  const start = timelinessStart(facts, timeZone);
  const published = dayOf(facts.publishedDate, timeZone);
  if (!start || !published) return NO_TIMELINESS;
  let days: number;
  try {
    days = Math.max(0, calendar.workingDaysBetween(start, published));
  } catch {
    return NO_TIMELINESS;
  }
  return { timelinessDays: days, timelinessMet: days <= TIMELINESS_LIMIT };
}

export interface TimelinessRow {
  department: { documentId: string; name?: string | null } | null;
  publishedDate: unknown;
  timelinessDays: number | null;
  timelinessMet: boolean | null;
}

export interface TimelinessSummary {
  department: { documentId: string; name: string | null } | null;
  published: number;
  within: number;
  late: number;
  medianDays: number | null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(department: TimelinessSummary['department'], rows: TimelinessRow[]): TimelinessSummary {
  const counted = rows.filter((r) => typeof r.timelinessDays === 'number');
  const within = counted.filter((r) => r.timelinessMet === true).length;
  return { department, published: counted.length, within, late: counted.length - within, medianDays: median(counted.map((r) => r.timelinessDays as number)) };
}

/**
 * Per department, the proactive items first published in `year` (in the time zone): how many,
 * how many within 20 working days, how many late, the median days; and the total over all of them.
 * Departments sorted by name; items of no department under `department: null`.
 */
export function summariseTimeliness(rows: TimelinessRow[], year: number, timeZone = DEFAULT_TIME_ZONE): { year: number; departments: TimelinessSummary[]; total: TimelinessSummary } {
  const inYear = rows.filter((r) => typeof r.timelinessDays === 'number' && dayOf(r.publishedDate, timeZone)?.slice(0, 4) === String(year));
  const groups = new Map<string, { department: TimelinessSummary['department']; rows: TimelinessRow[] }>();
  for (const row of inYear) {
    const key = row.department?.documentId ?? '';
    if (!groups.has(key)) groups.set(key, { department: row.department ? { documentId: row.department.documentId, name: row.department.name ?? null } : null, rows: [] });
    groups.get(key)!.rows.push(row);
  }
  const departments = [...groups.values()]
    .map((g) => summarise(g.department, g.rows))
    .sort((a, b) => String(a.department?.name ?? '\uffff').localeCompare(String(b.department?.name ?? '\uffff'), 'zh-Hans-CN'));
  return { year, departments, total: summarise(null, inYear) };
}
