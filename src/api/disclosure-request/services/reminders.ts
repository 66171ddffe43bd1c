// The daily job: requests whose correction or payment time ran out are closed, consultations past
// their answer date are recorded as unanswered, handlers hear about cases and answers coming due, and the office hears about annual reports due by 31 January / 31 March (条例§49).
// Every instance may run it (cron is only the trigger): each reminder is claimed once in the
// database before it is sent.
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT, REQUEST } from '../../../constants';
import { localDate } from '../../../domain/local-date';

const SENT = 'disclosure_reminders_sent';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cases = () => strapi.service('api::disclosure-request.case');
  const settings = () => strapi.config.get('disclosure.requests') as { reminderDays: number; reportReminderDays: number[] };

  /** true for the first caller with this key, false for every later one (any instance). */
  async function claim(key: string): Promise<boolean> {
    try {
      await strapi.db.connection(SENT).insert({ key, at: Date.now() });
      return true;
    } catch {
      return false;
    }
  }

  async function send(key: string, to: string[], subject: string, text: string) {
    if (!to.length || !(await claim(key))) return false;
    try {
      await strapi.plugin('email').service('email').send({ to, subject, text });
      return true;
    } catch (error) {
      // Give the claim back: the next run (any instance) tries again.
      await strapi.db.connection(SENT).where({ key }).delete();
      strapi.log.warn(`[disclosure] reminder ${key} not sent: ${(error as Error).message}`);
      return false;
    }
  }

  async function officeEmails(): Promise<string[]> {
    const users = await strapi.db.query('admin::user').findMany({ where: { isActive: true, roles: { code: 'gov-office' } }, select: ['email'] });
    return [...new Set(users.map((u: any) => u.email).filter(Boolean))] as string[];
  }

  /** What runs out by itself: the stage, the event holding the date, and the system's action once that date has passed. */
  const LAPSES = {
    corrections: { state: 'correction', event: 'correctionRequested', field: 'deadline', action: 'lapseCorrection', input: {} },
    fees: { state: 'feePending', event: 'feeNoticed', field: 'payBy', action: 'lapseFee', input: {} },
    // 未答复: for another agency that is consent (§34), for a third party the office decides (§32).
    consultations: { state: 'consultation', event: 'pauseStarted', field: 'answerBy', action: 'recordConsultationAnswer', input: { outcome: 'none' } },
  } as const;

  async function lapse(on: string, { state, event, field, action, input }: (typeof LAPSES)[keyof typeof LAPSES]) {
    const waiting = await strapi.db.query(REQUEST).findMany({ where: { state }, select: ['documentId', 'events'] });
    let done = 0;
    for (const row of waiting) {
      const notice = (row.events ?? []).filter((e: any) => e.type === event).pop();
      if (!notice?.[field] || on <= notice[field]) continue;
      try {
        await cases().act({ documentId: row.documentId, action, actor: null, input: { ...input, date: on } });
        done++;
      } catch (error) {
        strapi.log.warn(`[disclosure] ${action} on ${row.documentId} failed: ${(error as Error).message}`);
      }
    }
    return done;
  }

  /** One digest per handler per day listing their cases within N working days of due, or overdue. */
  async function remindHandlers(on: string) {
    const { cases: open } = await cases().dashboard({ limit: 100000 });
    const byHandler = new Map<number, any[]>();
    const calendar = await strapi.plugin('disclosure-workflow').service('calendar').snapshot();
    // A consultation whose answer date is near: the handler chases the party (§32) before it passes.
    const answerSoon = (c: any) => c.state === 'consultation' && c.clock?.resumesAt && calendar.workingDaysBetween(on, c.clock.resumesAt) <= settings().reminderDays;
    for (const c of open) {
      if (!c.handler || !c.clock || (c.clock.workingDaysLeft > settings().reminderDays && !answerSoon(c))) continue;
      byHandler.set(c.handler.id, [...(byHandler.get(c.handler.id) ?? []), c]);
    }
    let sent = 0;
    for (const [handler, due] of byHandler) {
      const user = await strapi.db.query('admin::user').findOne({ where: { id: handler, isActive: true }, select: ['email'] });
      if (!user?.email) continue;
      const lines = due.map((c) =>
        answerSoon(c)
          ? `${c.queryCode}  征求意见答复期限 consultation answer due ${c.clock.resumesAt}  ${String(c.description).slice(0, 40)}`
          : `${c.queryCode}  ${c.dueAt}  ${c.clock.overdue ? `已超期 overdue ${-c.clock.workingDaysLeft}` : `剩余 ${c.clock.workingDaysLeft}`} 个工作日  ${String(c.description).slice(0, 40)}`,
      );
      const link = `${strapi.config.get('plugin::disclosure-workflow.adminUrl')}/plugins/disclosure-workflow/requests`;
      if (await send(`due:${handler}:${on}`, [user.email], `【依申请公开到期提醒 Requests coming due】${due.length} 件`, `${lines.join('\n')}\n\n${link}`)) sent++;
    }
    return sent;
  }

  /** Annual reports for last year: departments by 31 January, governments by 31 March. */
  async function remindReports(on: string) {
    const year = Number(on.slice(0, 4)) - 1;
    const calendar = await strapi.plugin('disclosure-workflow').service('calendar').snapshot();
    let sent = 0;
    for (const { deadline, kind } of [
      { deadline: `${year + 1}-01-31`, kind: 'department' },
      { deadline: `${year + 1}-03-31`, kind: 'government' },
    ]) {
      const left = calendar.workingDaysBetween(on, deadline);
      if (!settings().reportReminderDays.includes(left)) continue;
      const units = await strapi.db.query('api::department.department').findMany({ where: { kind }, select: ['id', 'name'] });
      const published = await strapi.db.query(ANNUAL_REPORT).findMany({ where: { year, publishedAt: { $notNull: true } }, populate: { department: { select: ['id'] } } });
      const done = new Set(published.map((r: any) => r.department?.id ?? 'all'));
      const missing = units.filter((u: any) => !done.has(u.id) && !(kind === 'government' && done.has('all')));
      if (!missing.length) continue;
      const text = `${year}年度政府信息公开工作年度报告须于${deadline}前公布（条例第四十九条），尚未发布 / not yet published:\n${missing.map((u: any) => u.name).join('\n')}`;
      if (await send(`report:${kind}:${year}:${on}`, await officeEmails(), `【年度报告提醒 Annual report due ${deadline}】剩余 ${left} 个工作日`, text)) sent++;
    }
    return sent;
  }

  return {
    async daily(on: string = localDate(new Date(), strapi.config.get('disclosure.timeZone'))) {
      const closed = await lapse(on, LAPSES.corrections);
      const unpaid = await lapse(on, LAPSES.fees);
      const unanswered = await lapse(on, LAPSES.consultations);
      const handlers = await remindHandlers(on);
      const reports = await remindReports(on);
      strapi.log.info(
        `[disclosure] daily job ${on}: ${closed} lapsed corrections and ${unpaid} unpaid fees closed, ${unanswered} unanswered consultations recorded, ${handlers} due reminders, ${reports} report reminders`,
      );
      return { closed, unpaid, unanswered, handlers, reports };
    },
  };
};
