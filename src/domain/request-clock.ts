// The 依申请公开 clock (条例§30–§35), always derived from the recorded events: 20 working days
// from receipt; a correction notice (补正) stops it and it restarts from the day the corrected
// request arrives; consultations pause it; one extension of at most 20 working days.
import type { WorkingDays as Calendar } from './working-days';

export type ClockEvent =
  | { type: 'received'; date: string }
  | { type: 'correctionRequested'; date: string; deadline: string; items?: string }
  | { type: 'correctionReceived'; date: string; lateReason?: string }
  | { type: 'pauseStarted'; date: string; reason: string }
  | { type: 'pauseEnded'; date: string }
  | { type: 'extended'; date: string; days: number; reason: string };

export const REPLY_DAYS = 20;

export interface Clock {
  dueAt: string | null;
  /** Working days from `today` to the due date (negative when overdue). */
  workingDaysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  awaitingCorrection: boolean;
  paused: boolean;
}

export function computeClock(events: ClockEvent[], calendar: Calendar, today: string, dueSoonDays = 5): Clock {
  const received = events.find((e) => e.type === 'received');
  if (!received) throw new Error('a request clock needs its receipt');
  const corrections = events.filter((e) => e.type === 'correctionRequested');
  const corrected = events.filter((e) => e.type === 'correctionReceived').pop();
  const awaitingCorrection = corrections.length > 0 && !corrected;
  const none = { dueAt: null, workingDaysLeft: null, overdue: false, dueSoon: false };
  if (awaitingCorrection) return { ...none, awaitingCorrection, paused: false };

  const start = corrected?.date ?? received.date;
  const extension = events.filter((e) => e.type === 'extended').reduce((n, e) => n + (e as any).days, 0);
  // Pauses: [start, end) in working days; an open pause runs to today.
  const pauses: Array<[string, string]> = [];
  let open: string | null = null;
  for (const event of events) {
    if (event.type === 'pauseStarted' && !open) open = event.date;
    if (event.type === 'pauseEnded' && open) (pauses.push([open, event.date]), (open = null));
  }
  if (open) pauses.push([open, today]);
  const paused = (day: string) => pauses.some(([from, to]) => day > from && day <= to);

  let day = start;
  for (let counted = 0; counted < REPLY_DAYS + extension; ) {
    day = calendar.addWorkingDays(day, 1);
    if (!paused(day)) counted++;
  }
  const left = calendar.workingDaysBetween(today, day);
  return { dueAt: day, workingDaysLeft: left, overdue: left < 0, dueSoon: left >= 0 && left <= dueSoonDays, awaitingCorrection: false, paused: Boolean(open) };
}
