// The 依申请公开 clock (条例§30–§35), always derived from the recorded events: 20 working days
// from receipt; a correction notice (补正) stops it and it restarts from the day the corrected
// request arrives; one extension of at most 20 working days; §35 may replace the due date with a
// reasoned one. Pauses: a consultation (§32/§34, §33¶3: the time is not counted) runs from the
// letter to the answer and ends by itself on the answer date; a fee notice (109号 第七条) runs
// from the notice to the payment.
import type { WorkingDays as Calendar } from './working-days';

export type ClockEvent =
  | { type: 'submitted'; date: string }
  | { type: 'received'; date: string; confirmed?: boolean }
  | { type: 'correctionRequested'; date: string; deadline: string; items?: string }
  | { type: 'correctionReceived'; date: string; lateReason?: string }
  | { type: 'pauseStarted'; date: string; reason: string; kind?: 'thirdParty' | 'otherAgency'; party?: string; deliveredAt?: string; answerBy?: string }
  | { type: 'pauseEnded'; date: string; outcome?: 'agree' | 'disagree' | 'none'; reason?: string; deemedConsent?: boolean }
  | { type: 'feeNoticed'; date: string; mode: 'perCase' | 'perPage'; pages?: number; nth?: number; quoted: number; reduction: number; amount: number; reason?: string; payBy: string }
  | { type: 'feePaid'; date: string; amount: number; receiptNumber: string }
  | { type: 'extended'; date: string; days: number; reason: string }
  | { type: 'reasonableDate'; date: string; dueAt: string; reason: string };

export const REPLY_DAYS = 20;

export interface Clock {
  dueAt: string | null;
  /** Working days from `today` to the due date (negative when overdue). */
  workingDaysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  awaitingCorrection: boolean;
  paused: boolean;
  /** While paused: the day the clock runs again by itself (a consultation's answer date), or the fee's pay-by date. */
  resumesAt: string | null;
}

const PAUSE_START = new Set(['pauseStarted', 'feeNoticed']);
const PAUSE_END = new Set(['pauseEnded', 'feePaid']);

/** The pauses as [from, to] (days after `from` up to `to` are not counted); an open one runs to today, a consultation at most to its answer date. */
export function pausesOf(events: ClockEvent[], today: string): { spans: Array<[string, string]>; open: ClockEvent | null } {
  const spans: Array<[string, string]> = [];
  let open: ClockEvent | null = null;
  const cap = (event: ClockEvent, day: string) => ('answerBy' in event && event.answerBy && event.answerBy < day ? event.answerBy : day);
  for (const event of events) {
    if (PAUSE_START.has(event.type) && !open) open = event;
    else if (PAUSE_END.has(event.type) && open) (spans.push([open.date, cap(open, event.date)]), (open = null));
  }
  if (open) spans.push([open.date, cap(open, today)]);
  return { spans, open };
}

export function computeClock(events: ClockEvent[], calendar: Calendar, today: string, dueSoonDays = 5): Clock {
  const received = events.find((e) => e.type === 'received');
  if (!received) throw new Error('a request clock needs its receipt');
  const corrections = events.filter((e) => e.type === 'correctionRequested');
  const corrected = events.filter((e) => e.type === 'correctionReceived').pop();
  const awaitingCorrection = corrections.length > 0 && !corrected;
  const none = { dueAt: null, workingDaysLeft: null, overdue: false, dueSoon: false, resumesAt: null };
  if (awaitingCorrection) return { ...none, awaitingCorrection, paused: false };

  const { spans, open } = pausesOf(events, today);
  const resumesAt = open ? ((open as any).answerBy ?? (open as any).payBy ?? null) : null;
  const paused = Boolean(open) && (open!.type !== 'pauseStarted' || !resumesAt || today <= resumesAt);
  const reasonable = events.filter((e) => e.type === 'reasonableDate').pop() as Extract<ClockEvent, { type: 'reasonableDate' }> | undefined;
  let day: string;
  if (reasonable) {
    day = reasonable.dueAt;
  } else {
    const start = corrected?.date ?? received.date;
    const extension = events.filter((e) => e.type === 'extended').reduce((n, e) => n + (e as any).days, 0);
    const isPaused = (d: string) => spans.some(([from, to]) => d > from && d <= to);
    day = start;
    for (let counted = 0; counted < REPLY_DAYS + extension; ) {
      day = calendar.addWorkingDays(day, 1);
      if (!isPaused(day)) counted++;
    }
  }
  const left = calendar.workingDaysBetween(today, day);
  return { dueAt: day, workingDaysLeft: left, overdue: left < 0, dueSoon: left >= 0 && left <= dueSoonDays, awaitingCorrection: false, paused, resumesAt: paused ? resumesAt : null };
}
