// How a 依申请公开 case moves (条例§30–§36, seeds 004:213–222), as a pure function of the case and
// one action: which stage it may come from, what it records, where it goes. The service around it
// loads and saves the case, checks who acts and reaches other documents.
import { refuse } from './case-refusal';
import type { WorkingDays as Calendar } from './working-days';
import type { ClockEvent } from './request-clock';
import { replyDisposition, type ReplyFields } from './reply-types';
import { checkReply } from './reply-rules';
import { CONSULTATION_OUTCOMES, OPEN_CASE_STATES, type CaseState } from './request-codes';

export { CASE_STATES, OPEN_CASE_STATES, CONSULTATION_OUTCOMES, type CaseState } from './request-codes';

export const GRANTED = ['granted', 'partialGrant'];
export const CORRECTION_NOTICE_DAYS = 7;
export const THIRD_PARTY_DAYS = 15;
export const MAX_EXTENSION_DAYS = 20;
/** §32, §34: the third party or agency answers within 15 working days of receiving the letter. */
export const CONSULTATION_DAYS = 15;
/** 109号 第七条: the applicant pays within 20 working days from the day after receiving the fee notice. */
export const FEE_PAYMENT_DAYS = 20;
/** Channels whose applications are received only when the office confirms them (§31(3)). */
export const CONFIRMED_CHANNELS = ['online', 'fax'];


export type CaseEvent = (
  | ClockEvent
  | { type: 'assigned'; date: string; department: string; handler: number; late: boolean }
  | { type: 'replyDrafted'; date: string; reply: string; onTheSpot?: boolean }
  | { type: 'replied'; date: string; disposition: string; reply: string }
  | { type: 'closed'; date: string; disposition?: string }
  | { type: 'publishedAsItem'; date: string; item: string }
  | { type: 'withdrawn'; date: string; channel: string }
  | { type: 'answeredOnTheSpot'; date: string; replyType: string; disposition: string; summary: string }
  | { type: 'reasonsAsked'; date: string }
  | { type: 'declined'; date: string; disposition: string; reason: string }
) & { by?: number | null; note?: string };

export interface CaseInput extends ReplyFields {
  date?: string;
  department?: string;
  handler?: number;
  deadline?: string;
  kind?: 'thirdParty' | 'otherAgency';
  party?: string;
  days?: number;
  reason?: string;
  reply?: string;
  disposition?: string;
  item?: string;
  /** Title of the proactive item made from a granted reply. */
  title?: string;
  /** What the applicant is to correct (补正). */
  items?: string;
  /** How the applicant withdrew (撤回): in person, letter, online, fax, phone. */
  channel?: string;
  /** Consultation: the day the letter was sent and the day the party received it (default: sent). */
  sentAt?: string;
  deliveredAt?: string;
  outcome?: (typeof CONSULTATION_OUTCOMES)[number];
  /** Fee notice: 按件 or 按量, the pages, the officer's amount or reduction (减免). */
  mode?: 'perCase' | 'perPage';
  pages?: number;
  /** Filled by the service: the applicant's nth application this month and the fee it quotes. */
  nth?: number;
  quoted?: number;
  amount?: number;
  reduction?: number;
  receiptNumber?: string;
  /** On-the-spot answer: what was answered, and whether a written reply is issued. */
  summary?: string;
  document?: boolean;
  note?: string;
}

export interface Case {
  state: CaseState;
  events: CaseEvent[];
  disposition?: string | null;
}

export interface Step {
  state: CaseState;
  event: CaseEvent;
  /** Columns that change with the step besides state and events. */
  patch: Record<string, unknown>;
}

/** `dueAt`: the case's due date before this action (null while the clock does not run). */
type Ctx = { today: string; calendar: Calendar; dueAt?: string | null };
type Action = (kase: Case, input: CaseInput, date: string, ctx: Ctx) => Step;

const last = <T extends CaseEvent['type']>(kase: Case, type: T) =>
  kase.events.filter((e) => e.type === type).pop() as Extract<CaseEvent, { type: T }> | undefined;
const has = (kase: Case, type: CaseEvent['type']) => kase.events.some((e) => e.type === type);
const receivedOn = (kase: Case) => last(kase, 'received')!.date;
const money = (n: number) => Math.round(n * 100) / 100;

const WORKING: CaseState[] = ['received', 'assigned', 'extended'];

/** The stage a case returns to when a consultation, fee or correction ends. */
const working = (kase: Case): CaseState => (has(kase, 'extended') ? 'extended' : has(kase, 'assigned') ? 'assigned' : 'received');

/** `from`: the stages an action starts from; `when`: a further condition for offering it there. */
/** `dateInput`: the input giving the action's date (default `date`; null: always today). */
export const ACTIONS: Record<string, { from: CaseState[]; run: Action; officeOnly?: boolean; when?: (kase: Case) => boolean; dateInput?: keyof CaseInput | null }> = {
  /**
   * §31(3): an online or fax application is received on the day both sides confirm it; the office
   * confirms (normally the same or next working day) and the clock starts from that day.
   */
  confirmReceipt: {
    from: ['awaitingConfirmation'],
    officeOnly: true,
    run: (_kase, _input, date) => ({ state: 'received', event: { type: 'received', date, confirmed: true }, patch: { receivedAt: date } }),
  },
  /**
   * 当场答复 (§33¶1): answered at once, without the 20-day clock. With a written reply the reply is
   * drafted (typed, marked on the spot) and still goes through review and sign-off; without one the
   * answer is recorded and the case is 办结 today.
   */
  answerOnTheSpot: {
    from: ['received', 'assigned'],
    run: (_kase, input, date) => {
      const problems = checkReply(input);
      if (problems.length) refuse('INVALID_INPUT', problems.map((p) => p.message).join('; '));
      if (!input.summary?.trim()) refuse('INVALID_INPUT', 'summary is required');
      if (input.document) return { state: 'replying', event: { type: 'replyDrafted', date, reply: input.reply!, onTheSpot: true }, patch: {} };
      const disposition = replyDisposition(input)!;
      return {
        state: 'replied',
        event: { type: 'answeredOnTheSpot', date, replyType: String(input.replyType), disposition, summary: input.summary!.trim() },
        patch: { disposition, closedAt: date },
      };
    },
  },
  /** 登记分办: the office assigns within one working day; later assignments are flagged. */
  assign: {
    from: ['received', 'assigned'],
    officeOnly: true,
    run: (kase, input, date, { calendar }) => {
      if (!input.department || !input.handler) refuse('INVALID_INPUT', 'department and handler are required');
      const late = calendar.workingDaysBetween(receivedOn(kase), date) > 1;
      return { state: 'assigned', event: { type: 'assigned', date, department: input.department!, handler: input.handler!, late }, patch: {} };
    },
  },
  /**
   * 补正: once, within 7 working days of receipt, naming what to correct (§30: 一次性告知需要补正的事项);
   * the clock stops until the corrected request arrives.
   */
  requestCorrection: {
    from: ['received', 'assigned'],
    run: (kase, input, date, { calendar }) => {
      if (has(kase, 'correctionRequested')) refuse('CORRECTION_USED');
      if (date > calendar.addWorkingDays(receivedOn(kase), CORRECTION_NOTICE_DAYS)) refuse('CORRECTION_TOO_LATE');
      if (!input.deadline || input.deadline <= date) refuse('INVALID_INPUT', 'deadline must be after the notice date');
      if (!input.items?.trim()) refuse('INVALID_INPUT', 'the items to correct are required');
      return { state: 'correction', event: { type: 'correctionRequested', date, deadline: input.deadline!, items: input.items!.trim() }, patch: {} };
    },
  },
  receiveCorrection: {
    from: ['correction'],
    run: (kase, _input, date) => {
      if (date > last(kase, 'correctionRequested')!.deadline) refuse('CORRECTION_LAPSED');
      return { state: working(kase), event: { type: 'correctionReceived', date }, patch: {} };
    },
  },
  /** No correction by the set date: the request is deemed withdrawn (table 3: 逾期不补正). */
  lapseCorrection: {
    from: ['correction'],
    run: (kase, _input, date) => {
      if (date <= last(kase, 'correctionRequested')!.deadline) refuse('CORRECTION_NOT_DUE');
      const disposition = 'otherOverdueCorrection';
      return { state: 'closed', event: { type: 'closed', date, disposition }, patch: { disposition, closedAt: date } };
    },
  },
  /**
   * 补正 after the set date, with 正当理由: the office accepts it (the reason recorded) and the clock
   * restarts from it, also when the daily job already closed the case as 逾期不补正; otherwise the
   * lapse stands.
   */
  acceptLateCorrection: {
    from: ['correction', 'closed'],
    officeOnly: true,
    when: (kase) => kase.state !== 'closed' || kase.disposition === 'otherOverdueCorrection',
    run: (kase, input, date) => {
      const lapsed = kase.state === 'closed';
      if (lapsed && kase.disposition !== 'otherOverdueCorrection') refuse('CASE_STATE', 'only a case closed for a lapsed correction reopens');
      if (!lapsed && date <= last(kase, 'correctionRequested')!.deadline) refuse('CORRECTION_NOT_DUE');
      if (!input.reason?.trim()) refuse('REASON_REQUIRED');
      return { state: working(kase), event: { type: 'correctionReceived', date, lateReason: input.reason!.trim() }, patch: lapsed ? { disposition: null, closedAt: null } : {} };
    },
  },
  /**
   * 撤回: the applicant withdraws the request (date and channel recorded) and the case closes. Table
   * 三 counts it in (六)3 其他: the 2021 format has no row for a withdrawal, and it is neither a
   * lapsed correction ((六)1) nor an unpaid fee ((六)2).
   */
  withdraw: {
    from: [...OPEN_CASE_STATES],
    run: (_kase, input, date) => {
      if (!input.channel) refuse('INVALID_INPUT', 'channel is required');
      const disposition = 'otherReasons';
      return { state: 'closed', event: { type: 'withdrawn', date, channel: input.channel! }, patch: { disposition, closedAt: date } };
    },
  },
  /**
   * 征求意见 (§32 third party, §34 another agency): the letter's date is the action's date; the
   * party answers within 15 working days of receiving it; the clock pauses until the answer and
   * runs again by itself on the answer date.
   */
  startConsultation: {
    from: ['received', 'assigned', 'extended'],
    dateInput: 'sentAt',
    run: (_kase, input, date, { calendar }) => {
      if (!input.kind || !input.party?.trim()) refuse('INVALID_INPUT', 'kind and party are required');
      const deliveredAt = input.deliveredAt ?? date;
      if (deliveredAt < date) refuse('INVALID_INPUT', 'deliveredAt cannot be before sentAt');
      const answerBy = calendar.addWorkingDays(deliveredAt, CONSULTATION_DAYS);
      const party = input.party!.trim();
      return { state: 'consultation', event: { type: 'pauseStarted', date, reason: `${input.kind}:${party}`, kind: input.kind!, party, deliveredAt, answerBy }, patch: {} };
    },
  },
  /**
   * The party's answer: 同意, 不同意 (with reasons) or 未答复 once the answer date has passed —
   * for another agency that is consent (§34), for a third party the office decides (§32).
   */
  recordConsultationAnswer: {
    from: ['consultation'],
    run: (kase, input, date) => {
      const letter = last(kase, 'pauseStarted')!;
      const outcome = input.outcome ?? refuse('INVALID_INPUT', 'outcome is required');
      if (outcome === 'disagree' && !input.reason?.trim()) refuse('REASON_REQUIRED');
      if (outcome === 'none' && letter.answerBy && date <= letter.answerBy) refuse('CONSULTATION_NOT_DUE');
      const deemedConsent = outcome === 'none' && letter.kind === 'otherAgency' ? { deemedConsent: true } : {};
      const reason = input.reason?.trim() ? { reason: input.reason.trim() } : {};
      return { state: working(kase), event: { type: 'pauseEnded', date, outcome, ...reason, ...deemedConsent }, patch: {} };
    },
  },
  /** 延期: once, at most 20 working days, with a reason, approved by the disclosure office. */
  extend: {
    from: ['assigned', 'extended', 'consultation', 'replying'],
    officeOnly: true,
    run: (kase, input, date) => {
      if (has(kase, 'extended')) refuse('EXTENSION_USED');
      const days = Number(input.days);
      if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) refuse('EXTENSION_TOO_LONG');
      if (!input.reason?.trim()) refuse('REASON_REQUIRED');
      const state = kase.state === 'assigned' ? 'extended' : kase.state;
      return { state, event: { type: 'extended', date, days, reason: input.reason!.trim() }, patch: {} };
    },
  },
  /** The handler drafts the reply (答复书), a governed document that goes through the chain. */
  draftReply: {
    from: ['received', 'assigned', 'extended'],
    run: (_kase, input, date) => ({ state: 'replying', event: { type: 'replyDrafted', date, reply: input.reply! }, patch: {} }),
  },
  /** Issued: the reply passed review and sign-off; the case is 办结 on this day, in the row its type derives. */
  reply: {
    from: ['replying'],
    run: (_kase, input, date) => {
      if (!input.disposition) refuse('INVALID_INPUT', 'the reply has no type');
      return {
        state: 'replied',
        event: { type: 'replied', date, disposition: input.disposition!, reply: input.reply! },
        patch: { disposition: input.disposition, closedAt: date },
      };
    },
  },
  /**
   * 收费通知 (§42, 109号 第七条), within the reply period: the fee the service quoted (按件 or 按量,
   * never both), confirmed or reduced with a reason; the clock stops until the payment.
   */
  feeNotice: {
    from: ['assigned', 'extended'],
    run: (kase, input, date, { calendar, dueAt }) => {
      if (has(kase, 'feeNoticed')) refuse('FEE_USED');
      if (dueAt && date > dueAt) refuse('FEE_TOO_LATE');
      const quoted = money(Number(input.quoted));
      if (!(quoted > 0)) refuse('FEE_NOT_DUE');
      const amount = money(input.amount ?? quoted - (input.reduction ?? 0));
      if (!(amount >= 0 && amount <= quoted)) refuse('INVALID_INPUT', 'the amount must be between 0 and the quoted fee');
      if (amount === 0) refuse('FEE_NOT_DUE', 'a fee waived in full is not charged');
      const reduction = money(quoted - amount);
      if (reduction > 0 && !input.reason?.trim()) refuse('REASON_REQUIRED');
      const payBy = calendar.addWorkingDays(date, FEE_PAYMENT_DAYS);
      const basis = input.mode === 'perPage' ? { pages: input.pages } : { nth: input.nth };
      const reason = input.reason?.trim() ? { reason: input.reason.trim() } : {};
      return { state: 'feePending', event: { type: 'feeNoticed', date, mode: input.mode!, ...basis, quoted, reduction, amount, ...reason, payBy }, patch: {} };
    },
  },
  recordPayment: {
    from: ['feePending'],
    run: (kase, input, date) => {
      const notice = last(kase, 'feeNoticed')!;
      if (date > notice.payBy) refuse('FEE_LAPSED');
      if (money(Number(input.amount)) !== notice.amount) refuse('FEE_AMOUNT', `${notice.amount}`);
      if (!input.receiptNumber?.trim()) refuse('INVALID_INPUT', 'receiptNumber is required');
      const event = { type: 'feePaid' as const, date, amount: notice.amount, receiptNumber: input.receiptNumber!.trim() };
      return { state: working(kase), event, patch: { fee: notice.amount, feePaidAt: date } };
    },
  },
  /** Not paid by the date: the application is treated as abandoned (table 三 (六)2), by the daily job. */
  lapseFee: {
    from: ['feePending'],
    run: (kase, _input, date) => {
      if (date <= last(kase, 'feeNoticed')!.payBy) refuse('FEE_NOT_LAPSED');
      const disposition = 'otherOverdueFee';
      return { state: 'closed', event: { type: 'closed', date, disposition }, patch: { disposition, closedAt: date } };
    },
  },
  /** §35: requests clearly beyond a reasonable volume or frequency: the office first asks the applicant why. */
  askReasons: {
    from: WORKING,
    officeOnly: true,
    when: (kase) => !has(kase, 'reasonsAsked'),
    run: (kase, _input, date) => {
      if (has(kase, 'reasonsAsked')) refuse('ALREADY_DONE');
      return { state: kase.state, event: { type: 'reasonsAsked', date }, patch: {} };
    },
  },
  /** §35: without a good reason, 不予处理 (table 三 (五)4). */
  declineExcessive: {
    from: WORKING,
    officeOnly: true,
    when: (kase) => has(kase, 'reasonsAsked'),
    run: (kase, input, date) => {
      if (!has(kase, 'reasonsAsked')) refuse('REASONS_NOT_ASKED');
      if (!input.reason?.trim()) refuse('REASON_REQUIRED');
      const disposition = 'notProcessedMassive';
      return { state: 'replied', event: { type: 'declined', date, disposition, reason: input.reason!.trim() }, patch: { disposition, closedAt: date } };
    },
  },
  /** §35: with a good reason, a longer reply date, reasoned, that replaces the statutory one (the action's date is today). */
  setReasonableDate: {
    from: WORKING,
    officeOnly: true,
    dateInput: null,
    when: (kase) => has(kase, 'reasonsAsked') && !has(kase, 'reasonableDate'),
    run: (kase, input, date, { dueAt }) => {
      if (!has(kase, 'reasonsAsked')) refuse('REASONS_NOT_ASKED');
      if (has(kase, 'reasonableDate')) refuse('ALREADY_DONE');
      // `date` here is the new reply date (the contract's `{ date, reason }`), not the action's date.
      const reasonable = input.date;
      if (!reasonable || reasonable <= date || (dueAt && reasonable <= dueAt)) refuse('INVALID_INPUT', 'date must be later than the current due date');
      if (!input.reason?.trim()) refuse('REASON_REQUIRED');
      return { state: kase.state, event: { type: 'reasonableDate', date, dueAt: reasonable!, reason: input.reason!.trim() }, patch: {} };
    },
  },
  close: {
    from: ['replied'],
    run: (kase, _input, date) => ({ state: 'closed', event: { type: 'closed', date, disposition: kase.disposition ?? undefined }, patch: {} }),
  },
  publishAsItem: {
    from: ['replied', 'closed'],
    run: (kase, input, date) => {
      if (!GRANTED.includes(kase.disposition ?? '')) refuse('NOT_GRANTED');
      if (has(kase, 'publishedAsItem')) refuse('ALREADY_DONE');
      return { state: kase.state, event: { type: 'publishedAsItem', date, item: input.item! }, patch: {} };
    },
  },
};

/** The actions a case at its stage offers. */
export const availableActions = (kase: Case): string[] =>
  Object.entries(ACTIONS).filter(([, a]) => a.from.includes(kase.state) && (a.when?.(kase) ?? true)).map(([name]) => name);

/** Whether the action may happen now at all: the stage it comes from and the order of dates. */
export function admissible(kase: Case, action: string, input: CaseInput, today: string): string {
  const definition = ACTIONS[action] ?? refuse('INVALID_INPUT', `unknown action ${action}`);
  if (!definition.from.includes(kase.state)) refuse('CASE_STATE', `${action} from ${kase.state}`);
  const field = definition.dateInput === undefined ? 'date' : definition.dateInput;
  const date = (field && (input[field] as string | undefined)) || today;
  if (date > today) refuse('DATE_IN_FUTURE');
  const previous = kase.events[kase.events.length - 1]?.date;
  if (previous && date < previous) refuse('DATE_OUT_OF_ORDER');
  return date;
}

/** Checks and applies one action; throws a refusal (with its HTTP status) when it may not happen. */
export function step(kase: Case, action: string, input: CaseInput, ctx: Ctx): Step {
  const date = admissible(kase, action, input, ctx.today);
  const result = ACTIONS[action].run(kase, input, date, ctx);
  if (input.note) result.event.note = input.note;
  return result;
}
