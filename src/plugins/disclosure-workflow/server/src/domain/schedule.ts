// 定时发布: schedule states, retry backoff and times in the site's time zone.
/** `expire`: the document lapses (废止/失效) on its date; created from the document itself, never by hand. */
export type ScheduleAction = 'publish' | 'unpublish' | 'expire';
export type ScheduleState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/** Transient failures retry after 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempts: number, capMs = 5 * 60_000): number {
  return Math.min(capMs, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * A scheduled publish records its due time as 发布日期, so a time long past would backdate it:
 * only the few minutes a form may take to submit are accepted.
 */
export const PAST_TOLERANCE_MS = 5 * 60_000;
export const isTooFarInPast = (dueAt: Date, now = new Date()) => dueAt.getTime() < now.getTime() - PAST_TOLERANCE_MS;

/** Parses an instant; a time without offset is read in the site's time zone. */
export function parseInstant(value: unknown, timeZone = 'Asia/Shanghai'): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || value.length > 40) return null;
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number);
    const asUtc = Date.UTC(y, mo - 1, d, h, mi, s || 0);
    // Date.UTC rolls 2026-13-01 over into 2027: refuse anything that does not come back the same.
    const check = new Date(asUtc);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi) return null;
    return new Date(asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Minutes the time zone is ahead of UTC at that instant (Asia/Shanghai: 480). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(at)
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** 'YYYY-MM-DD HH:mm' in the site's time zone, for people. */
export function formatLocal(at: Date, timeZone = 'Asia/Shanghai'): string {
  const shifted = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** 00:00 of a calendar day ('YYYY-MM-DD', or a date) in the site's time zone: when an expiry fires. */
export function startOfDay(day: unknown, timeZone = 'Asia/Shanghai'): Date | null {
  const text = day instanceof Date ? day.toISOString().slice(0, 10) : typeof day === 'string' ? day.slice(0, 10) : null;
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseInstant(`${text} 00:00`, timeZone) : null;
}
