// Handling a 依申请公开 case: each action is checked by the flow (src/domain/request-flow.ts),
// saved with an optimistic revision check (several instances, several users), its clock derived
// again from the events, audited, and mailed to whoever must act or be told.
import type { Core } from '@strapi/strapi';
import { ITEM, REPLY, REQUEST } from '../../../constants';
import { ACTIONS, CONFIRMED_CHANNELS, GRANTED, OPEN_CASE_STATES, admissible, availableActions, step, type Case, type CaseEvent, type CaseInput } from '../../../domain/request-flow';
import { computeClock, REPLY_DAYS, type ClockEvent } from '../../../domain/request-clock';
import { localDate, toDateString } from '../../../domain/local-date';
import { refuse } from '../../../domain/case-refusal';
import { REPLY_TYPE_FIELDS as REPLY_FIELDS } from '../../../domain/reply-types';
import { requestActionId } from '../permissions';

const OPEN_STATES: readonly string[] = OPEN_CASE_STATES;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  const today = () => localDate(new Date(), strapi.config.get('disclosure.timeZone'));
  const dueSoonDays = () => Number(strapi.config.get('disclosure.requests.dueSoonDays', 5));

  async function load(documentId: string) {
    const row = await strapi.db.query(REQUEST).findOne({
      where: { documentId },
      populate: { department: { select: ['documentId', 'name', 'code'] }, handler: { select: ['id', 'firstname', 'lastname', 'email'] } },
    });
    return row ? withEvents(row) : refuse('NOT_FOUND');
  }

  /** Rows written without the service (older imports, direct SQL) still have their receipt. */
  const withEvents = (row: any) =>
    Array.isArray(row.events) && row.events.length ? row : { ...row, events: [{ type: 'received', date: toDateString(row.receivedAt) }] };

  /** The clock runs from receipt (not before §31 confirmation) and not for an answer given on the spot. */
  const clocked = (row: any) =>
    OPEN_STATES.includes(row.state) && (row.events as CaseEvent[]).some((e) => e.type === 'received') && !(row.events as CaseEvent[]).some((e: any) => e.onTheSpot);

  const MANAGE = requestActionId(strapi, 'manage');
  const HANDLE = requestActionId(strapi, 'handle');

  /** Whether one of the user's roles holds the RBAC action (the super admin holds them all). */
  async function can(userId: number, action: string): Promise<boolean> {
    const user = await strapi.db.query('admin::user').findOne({ where: { id: userId, isActive: true }, populate: { roles: { select: ['id', 'code'] } } });
    const roles = (user?.roles ?? []) as Array<{ id: number; code: string }>;
    if (roles.some((r) => r.code === 'strapi-super-admin')) return true;
    return roles.length > 0 && (await strapi.db.query('admin::permission').count({ where: { action, role: { id: { $in: roles.map((r) => r.id) } } } })) > 0;
  }

  function clockOf(row: any, calendar: any, on = today()) {
    const clock = computeClock(row.events as ClockEvent[], calendar, on, dueSoonDays());
    const provisional = Boolean(clock.dueAt && calendar.isProvisional(clock.dueAt));
    return { ...clock, provisional };
  }

  /** What the admin shows: the case without applicant identity documents, plus its clock. */
  function view(row: any, calendar: any) {
    const clock = clocked(row) ? clockOf(row, calendar) : null;
    const submittedAt = toDateString(row.submittedAt);
    const fee = (row.events as CaseEvent[]).filter((e) => e.type === 'feeNoticed').pop() ?? null;
    const assigned = (row.events as CaseEvent[]).filter((e) => e.type === 'assigned').pop() as any;
    return {
      documentId: row.documentId,
      queryCode: row.queryCode,
      state: row.state,
      applicantType: row.applicantType,
      applicantName: row.applicantName,
      description: row.description,
      channel: row.channel,
      delivery: row.delivery,
      submittedAt,
      receivedAt: toDateString(row.receivedAt),
      /** §31: working days an online or fax application has waited for the office to confirm it. */
      waitingDays: row.state === 'awaitingConfirmation' && submittedAt ? calendar.workingDaysBetween(submittedAt, today()) : null,
      dueAt: toDateString(row.dueAt),
      closedAt: toDateString(row.closedAt),
      disposition: row.disposition ?? null,
      department: row.department ?? null,
      handler: row.handler ? { id: row.handler.id, name: [row.handler.lastname, row.handler.firstname].filter(Boolean).join('') || row.handler.email } : null,
      assignedLate: Boolean(assigned?.late),
      fee: fee && { ...fee, paid: row.feePaidAt ? { amount: Number(row.fee), date: toDateString(row.feePaidAt) } : null },
      clock,
      events: row.events,
      actions: availableActions(row),
    };
  }

  async function mail(to: string | null | undefined, subject: string, text: string) {
    if (!to) return false;
    try {
      await strapi.plugin('email').service('email').send({ to, subject, text });
      return true;
    } catch (error) {
      strapi.log.warn(`[disclosure] mail to ${to} failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** Work the action needs done on other documents, inside the case's transaction. */
  async function draftReplyFor(row: any, input: CaseInput, extra: Record<string, unknown> = {}) {
    const typed = Object.fromEntries(REPLY_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
    const reply = await strapi.documents(REPLY as any).create({
      data: {
        // Every author may read replies: no personal data of the applicant (name, query code) in
        // the draft. The office addresses the letter when it sends it.
        title: `政府信息公开申请答复书（${toDateString(row.receivedAt)}收到的申请）`,
        body: `申请人：\n\n本机关于${toDateString(row.receivedAt)}收到您提出的政府信息公开申请，申请内容为“${row.description}”。经审查，现答复如下：\n\n${input.summary ?? ''}`,
        request: row.documentId,
        department: row.department?.documentId ?? null,
        ...typed,
        ...extra,
      } as any,
    });
    return { ...input, reply: reply.documentId };
  }

  /** 按件: the applicant's applications received in the same natural month, this one counted last among same-day ones by id. */
  async function nthThisMonth(row: any): Promise<number> {
    const received = toDateString(row.receivedAt)!;
    const [year, month] = received.split('-').map(Number);
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const same = row.idNumber ? { idNumber: row.idNumber } : row.organizationCode ? { organizationCode: row.organizationCode } : { applicantName: row.applicantName, phone: row.phone ?? null, email: row.email ?? null };
    return strapi.db.query(REQUEST).count({
      where: {
        ...same,
        receivedAt: { $gte: `${received.slice(0, 7)}-01`, $lt: next },
        $or: [{ receivedAt: { $lt: received } }, { receivedAt: received, id: { $lte: row.id } }],
      },
    });
  }

  const SIDE_EFFECTS: Record<string, (row: any, input: CaseInput) => Promise<CaseInput>> = {
    draftReply: (row, input) => draftReplyFor(row, input),
    async answerOnTheSpot(row, input) {
      if (!input.document) return input;
      // The written reply is the department's document (its chain and reviewers): one must be named.
      if (!row.department) refuse('DEPARTMENT_REQUIRED');
      return draftReplyFor(row, input, { onTheSpot: true });
    },
    async feeNotice(row, input) {
      const fees = strapi.service('api::disclosure-request.fees');
      if (input.mode === 'perPage') return { ...input, quoted: fees.quote({ mode: 'perPage', pages: input.pages }).amount };
      const nth = await nthThisMonth(row);
      return { ...input, nth, quoted: fees.quote({ mode: 'perCase', nth }).amount };
    },
    async reply(row, input) {
      const drafted = (row.events as CaseEvent[]).filter((e) => e.type === 'replyDrafted').pop() as any;
      // Publishing goes through the plugin's gate: approved by the chain and signed off, or refused.
      const published: any = await strapi.documents(REPLY as any).publish({ documentId: drafted.reply });
      const disposition = published?.entries?.[0]?.disposition;
      if (!disposition) refuse('INVALID_INPUT', 'the reply has no type');
      return { ...input, reply: drafted.reply, disposition };
    },
    async publishAsItem(row, input) {
      const replied = (row.events as CaseEvent[]).filter((e) => e.type === 'replied').pop() as any;
      if (!GRANTED.includes(row.disposition)) return input; // the flow refuses it
      const reply: any = await strapi.documents(REPLY as any).findOne({ documentId: replied.reply, status: 'published' });
      const item = await strapi.documents(ITEM as any).create({
        data: {
          title: String(input.title ?? reply?.title ?? row.description).slice(0, 200),
          body: reply?.body ?? null,
          department: row.department?.documentId ?? null,
          formedAt: today(),
          disclosure: 'proactive',
        } as any,
      });
      return { ...input, item: item.documentId };
    },
  };

  /** The notice each action sends (受理回执, 补正告知书 …), numbered and recorded as it happens; the office prints, seals and posts it. */
  const NOTICE_OF: Record<string, string> = {
    confirmReceipt: 'receipt', requestCorrection: 'correction', extend: 'extension', startConsultation: 'consultation', feeNotice: 'feeNotice', reply: 'reply',
  };
  async function issueNotice(action: string, documentId: string, date: string, actor: number | null) {
    if (!NOTICE_OF[action]) return;
    try {
      await strapi.service('api::disclosure-request.notices').issue({ documentId, kind: NOTICE_OF[action], date, actor });
    } catch (error) {
      // The action stands; the office issues the notice from the case panel once the template is fixed.
      strapi.log.warn(`[disclosure] ${NOTICE_OF[action]} notice for ${documentId} not issued: ${(error as Error).message}`);
    }
  }

  return {
    can,

    /** Whom the office can assign to: departments (those given, else all), and active users allowed to handle requests. */
    async assignees(within?: string[]) {
      const departments = await strapi.db.query('api::department.department').findMany({
        ...(within ? { where: { documentId: { $in: within } } } : {}),
        select: ['documentId', 'code', 'name'], orderBy: { code: 'asc' }, limit: 1000,
      });
      const permissions = await strapi.db.query('admin::permission').findMany({ where: { action: { $in: [HANDLE, MANAGE] } }, populate: { role: { select: ['id'] } } });
      const roleIds = [...new Set(permissions.map((p: any) => p.role?.id).filter(Boolean))];
      const users = await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { $or: [{ id: { $in: roleIds } }, { code: 'strapi-super-admin' }] } },
        select: ['id', 'firstname', 'lastname', 'email'],
        orderBy: { id: 'asc' },
        limit: 1000,
      });
      return { departments, handlers: users.map((u: any) => ({ id: u.id, name: [u.lastname, u.firstname].filter(Boolean).join('') || u.email, email: u.email })) };
    },

    /**
     * A new case's stage, clock and first event. A letter or an in-person application is received on
     * the day it arrives; an online or fax one (§31(3)) waits, from the day it came in, for the
     * office to confirm it (confirmReceipt), and its clock starts then.
     */
    async start({ channel, date }: { channel: string; date: string }) {
      if (CONFIRMED_CHANNELS.includes(channel)) {
        return { state: 'awaitingConfirmation', submittedAt: date, receivedAt: null, dueAt: null, dueProvisional: false, closedAt: null, events: [{ type: 'submitted', date }] };
      }
      const { dueAt, provisional } = await plugin().service('calendar').dueDate(date, REPLY_DAYS);
      return { state: 'received', submittedAt: date, receivedAt: date, dueAt, dueProvisional: provisional, closedAt: null, events: [{ type: 'received', date }] };
    },

    /** The case actions this user may take at the case's stage: the office any, a handler their own case's non-office ones. */
    async actionsFor(userId: number, documentId: string): Promise<string[]> {
      const office = await can(userId, MANAGE);
      if (!office && !(await can(userId, HANDLE))) return [];
      const found = await this.get(documentId).catch(() => null);
      if (!found || (!office && found.handler?.id !== userId)) return [];
      return (found.actions as string[]).filter((name) => office || !ACTIONS[name]?.officeOnly);
    },

    async get(documentId: string) {
      return view(await load(documentId), await plugin().service('calendar').snapshot());
    },

    /**
     * Runs one case action for an admin user, or for the system (`actor: null`, server code only:
     * the daily job). Refusals carry their HTTP status and code.
     */
    async act({ documentId, action, input = {}, actor }: { documentId: string; action: string; input?: CaseInput; actor: number | null }) {
      const definition = ACTIONS[action] ?? refuse('INVALID_INPUT', `unknown action ${action}`);
      const calendar = await plugin().service('calendar').snapshot();
      // The disclosure office (manage-requests, granted to gov-office) may act on any case.
      const office = actor === null || (await can(actor, MANAGE));
      if (!office && !(await can(actor!, HANDLE))) refuse('NOT_HANDLER');
      const result = await strapi.db.transaction(async () => {
        const row = await load(documentId);
        if (definition.officeOnly && !office) refuse('OFFICE_ONLY');
        if (!office && row.handler?.id !== actor) refuse('NOT_HANDLER');
        const kase: Case = { state: row.state, events: row.events, disposition: row.disposition };
        const ctx = { today: today(), calendar, dueAt: clocked(row) ? clockOf(row, calendar).dueAt : null };
        admissible(kase, action, input, ctx.today); // refuse before touching other documents
        const effective = SIDE_EFFECTS[action] ? await SIDE_EFFECTS[action](row, input) : input;
        const next = step(kase, action, effective, ctx);
        const events = [...kase.events, { ...next.event, by: actor }];
        const clock = clocked({ state: next.state, events }) ? clockOf({ events }, calendar) : null;
        const data: Record<string, unknown> = {
          state: next.state,
          events,
          revision: (row.revision ?? 0) + 1,
          ...(clock ? { dueAt: clock.dueAt, dueProvisional: clock.provisional } : {}),
          ...next.patch,
        };
        const { count } = await strapi.db.query(REQUEST).updateMany({ where: { id: row.id, revision: row.revision ?? 0 }, data });
        if (!count) refuse('CONFLICT');
        if (action === 'assign') {
          const department = await strapi.db.query('api::department.department').findOne({ where: { documentId: input.department }, select: ['id'] });
          if (!department) refuse('INVALID_INPUT', 'unknown department');
          const handler = await strapi.db.query('admin::user').findOne({ where: { id: input.handler, isActive: true }, select: ['id'] });
          if (!handler) refuse('INVALID_INPUT', 'unknown or inactive handler');
          // 谁制作谁公开: the handler acts for the department the case is assigned to.
          if (!(await plugin().service('membership').covers({ user: handler.id, department: input.department! }))) refuse('HANDLER_NOT_MEMBER');
          await strapi.db.query(REQUEST).update({ where: { id: row.id }, data: { department: department.id, handler: handler.id } });
        }
        await plugin().service('audit').append({ event: `request.${action}`, targetUid: REQUEST, targetDocumentId: documentId, actor, data: next.event });
        return { row, event: next.event as any };
      });
      await issueNotice(action, documentId, result.event.date, actor);
      await this.tell(action, result.row, result.event, input);
      strapi.log.info(`[disclosure] request ${result.row.queryCode}: ${action} by ${actor === null ? 'the system' : `user ${actor}`}`);
      return this.get(documentId);
    },

    /** Who hears about an action: the new handler, or the applicant for notices the law requires. */
    async tell(action: string, row: any, event: any, input: CaseInput) {
      const subject = (s: string) => `【${s}】${row.queryCode}`;
      if (action === 'assign') {
        const handler = await strapi.db.query('admin::user').findOne({ where: { id: input.handler }, select: ['email'] });
        await mail(handler?.email, subject('新的政府信息公开申请 New request assigned'), `${row.description}\n收到日期 received ${toDateString(row.receivedAt)}`);
      }
      if (action === 'extend') {
        await mail(row.email, subject('延期答复告知书 Reply extended'), `您的政府信息公开申请（查询码 ${row.queryCode}）答复期限延长${event.days}个工作日。理由：${event.reason}`);
      }
      if (action === 'requestCorrection') {
        await mail(row.email, subject('补正申请告知书 Correction needed'), `请于${event.deadline}前补正您的政府信息公开申请（查询码 ${row.queryCode}）。需要补正的事项：${event.items}\n${event.note ?? ''}`);
      }
      if (action === 'confirmReceipt') {
        await mail(row.email, subject('受理回执 Application received'), `您的政府信息公开申请（查询码 ${row.queryCode}）已于${event.date}确认收到，本机关将自该日起20个工作日内答复。`);
      }
      if (action === 'feeNotice') {
        await mail(row.email, subject('收费通知 Fee notice'), `您的政府信息公开申请（查询码 ${row.queryCode}）需缴纳信息处理费${event.amount}元，请于${event.payBy}前缴纳；逾期未缴纳的，视为放弃申请。`);
      }
      if (action === 'askReasons') {
        await mail(row.email, subject('说明理由告知 Reasons requested'), `您申请公开政府信息的数量、频次明显超过合理范围，请说明理由（《政府信息公开条例》第三十五条）。查询码 ${row.queryCode}`);
      }
      if (action === 'setReasonableDate') {
        await mail(row.email, subject('答复期限告知 Reply date'), `本机关将于${event.dueAt}前答复您的政府信息公开申请（查询码 ${row.queryCode}）。理由：${event.reason}`);
      }
      if (action === 'reply' && row.delivery === 'email') {
        const reply: any = await strapi.documents(REPLY as any).findOne({ documentId: event.reply, status: 'published' });
        await mail(row.email, subject('政府信息公开申请答复书 Reply'), `${reply?.title ?? ''}\n\n${reply?.body ?? ''}`);
      }
    },

    /** Open cases for the office dashboard (`within`: a further filter, the reader's units), most urgent first, with counts by state and urgency. */
    async dashboard({ state, handler, within, limit = 200 }: { state?: string; handler?: number; within?: Record<string, unknown> | null; limit?: number } = {}) {
      const where: Record<string, unknown> = { state: state ? state : { $in: OPEN_STATES } };
      if (handler) where.handler = { id: handler };
      if (within) where.$and = [within];
      // Open cases are few (hundreds); counting urgency needs each one's clock.
      const rows = await strapi.db.query(REQUEST).findMany({
        where,
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        select: ['documentId', 'queryCode', 'state', 'applicantType', 'applicantName', 'description', 'channel', 'delivery', 'submittedAt', 'receivedAt', 'dueAt', 'closedAt', 'disposition', 'fee', 'feePaidAt', 'events'],
        populate: { department: { select: ['documentId', 'name', 'code'] }, handler: { select: ['id', 'firstname', 'lastname', 'email'] } },
      });
      const calendar = await plugin().service('calendar').snapshot();
      // Overdue wins over everything: a pause never hides a case that is already late.
      const urgency = (c: any) =>
        c.clock?.overdue ? 'overdue' : c.clock?.paused || !c.clock ? 'waiting' : c.clock.dueSoon ? 'dueSoon' : 'onTime';
      const cases = rows.map((row: any) => {
        const c = view(withEvents(row), calendar);
        return { ...c, urgency: urgency(c) };
      });
      const counts = { byState: {} as Record<string, number>, byUrgency: { overdue: 0, dueSoon: 0, onTime: 0, waiting: 0 } as Record<string, number> };
      for (const c of cases) {
        counts.byState[c.state] = (counts.byState[c.state] ?? 0) + 1;
        counts.byUrgency[c.urgency]++;
      }
      const rank: Record<string, number> = { overdue: 0, dueSoon: 1, onTime: 2, waiting: 3 };
      cases.sort((a, b) => rank[a.urgency] - rank[b.urgency] || (a.clock?.workingDaysLeft ?? 99) - (b.clock?.workingDaysLeft ?? 99));
      return { counts, cases: cases.slice(0, limit), replyDays: REPLY_DAYS };
    },
  };
};
