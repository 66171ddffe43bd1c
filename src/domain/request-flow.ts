// How a 依申请公开 case moves (条例§30–§36, seeds 004:213–222), as a pure function of the case and
// one action: which stage it may come from, what it records, where it goes. The service around it
// loads and saves the case, checks who acts and reaches other documents.
import { refuse } from './case-refusal';
import type { WorkingDays as Calendar } from './working-days';
import type { ClockEvent } from './request-clock';

export const CASE_STATES = ['awaitingConfirmation', 'received', 'assigned', 'correction', 'consultation', 'extended', 'feePending', 'replying', 'replied', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
/** Stages of a case not yet answered (the dashboard's, the reminders'). */
export const OPEN_CASE_STATES = CASE_STATES.filter((s) => s !== 'replied' && s !== 'closed');

export const GRANTED = ['granted', 'partialGrant'];
export const CORRECTION_NOTICE_DAYS = 7;
export const THIRD_PARTY_DAYS = 15;
export const MAX_EXTENSION_DAYS = 20;

export type CaseEvent = (
  | ClockEvent
  | { type: 'assigned'; date: string; department: string; handler: number; late: boolean }
  | { type: 'replyDrafted'; date: string; reply: string }
  | { type: 'replied'; date: string; disposition: string; reply: string }
  | { type: 'closed'; date: string; disposition?: string }
  | { type: 'publishedAsItem'; date: string; item: string }
  | { type: 'withdrawn'; date: string; channel: string }
) & { by?: number | null; note?: string };

export interface CaseInput {
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

type Ctx = { today: string; calendar: Calendar };
type Action = (kase: Case, input: CaseInput, date: string, ctx: Ctx) => Step;

const last = <T extends CaseEvent['type']>(kase: Case, type: T) =>
  kase.events.filter((e) => e.type === type).pop() as Extract<CaseEvent, { type: T }> | undefined;
const has = (kase: Case, type: CaseEvent['type']) => kase.events.some((e) => e.type === type);
const receivedOn = (kase: Case) => last(kase, 'received')!.date;

/** The stage a case returns to when a consultation or correction ends. */
const working = (kase: Case): CaseState => (has(kase, 'extended') ? 'extended' : has(kase, 'assigned') ? 'assigned' : 'received');

/** `from`: the stages an action starts from; `when`: a further condition for offering it there. */
export const ACTIONS: Record<string, { from: CaseState[]; run: Action; officeOnly?: boolean; when?: (kase: Case) => boolean }> = {
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
   * 三 counts it in (七)3 其他: the 2021 format has no row for a withdrawal, and it is neither a
   * lapsed correction ((七)1) nor an unpaid fee ((七)2).
   */
  withdraw: {
    from: [...OPEN_CASE_STATES],
    run: (_kase, input, date) => {
      if (!input.channel) refuse('INVALID_INPUT', 'channel is required');
      const disposition = 'otherReasons';
      return { state: 'closed', event: { type: 'withdrawn', date, channel: input.channel! }, patch: { disposition, closedAt: date } };
    },
  },
  /** 征求意见: third party (15 working days to answer) or another agency; the clock pauses. */
  startConsultation: {
    from: ['assigned', 'extended'],
    run: (_kase, input, date, { calendar }) => {
      if (!input.kind || !input.party) refuse('INVALID_INPUT', 'kind and party are required');
      const answerBy = input.kind === 'thirdParty' ? calendar.addWorkingDays(date, THIRD_PARTY_DAYS) : undefined;
      const reason = `${input.kind}:${input.party}${answerBy ? `:${answerBy}` : ''}`;
      return { state: 'consultation', event: { type: 'pauseStarted', date, reason }, patch: {} };
    },
  },
  endConsultation: {
    from: ['consultation'],
    run: (kase, _input, date) => ({ state: working(kase), event: { type: 'pauseEnded', date }, patch: {} }),
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
    from: ['assigned', 'extended'],
    run: (_kase, input, date) => ({ state: 'replying', event: { type: 'replyDrafted', date, reply: input.reply! }, patch: {} }),
  },
  /** Issued: the reply passed review and sign-off; the case is 办结 on this day. */
  reply: {
    from: ['replying'],
    run: (_kase, input, date) => {
      if (!input.disposition) refuse('INVALID_INPUT', 'disposition is required');
      return {
        state: 'replied',
        event: { type: 'replied', date, disposition: input.disposition!, reply: input.reply! },
        patch: { disposition: input.disposition, closedAt: date },
      };
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
  const date = input.date ?? today;
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
