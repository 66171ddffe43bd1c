// Calendar dates as the government sees them: in the site's time zone, not the server's.
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** One formatter per time zone and shape: making an Intl.DateTimeFormat costs ~50× using one (a list of 20,000 dates). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let found = formatters.get(key);
  if (!found) {
    const time = withTime ? ({ hourCycle: 'h23', hour: '2-digit', minute: '2-digit' } as const) : {};
    found = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', ...time });
    formatters.set(key, found);
  }
  return found;
}

/** 'YYYY-MM-DD' of the given instant in the time zone. */
export function localDate(at: Date = new Date(), timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(timeZone, false).format(at);
}

/** Normalises a date-ish value to 'YYYY-MM-DD' (Date objects are read in the time zone). */
export function toDateString(value: unknown, timeZone = DEFAULT_TIME_ZONE): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : localDate(value, timeZone);
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** 'YYYY-MM-DD HH:mm' of a stored date-time (Date, ISO text or epoch ms) in the time zone, or null. */
export function localDateTime(value: unknown, timeZone = DEFAULT_TIME_ZONE): string | null {
  const at = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  const parts = Object.fromEntries(
    formatter(timeZone, true).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
