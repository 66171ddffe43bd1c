// E-mails the people who act next (reviewers, the secrecy reviewer, or the submitter when the
// document comes back), through Strapi's email plugin.
import type { Core } from '@strapi/strapi';
import { pendingRoles, type Round } from '../domain/state-machine';
import { formatLocal } from '../domain/schedule';

const STATE_TEXT: Record<string, string> = {
  in_review: '待审核 awaiting your review',
  awaiting_signoff: '待保密审查 awaiting confidentiality sign-off',
  escalated: '已报请确定，待登记结果 referred outside: record the decision',
  returned: '已退回 returned to you',
  rejected: '已驳回 rejected',
  approved: '已审核通过，可以发布 approved: ready to publish',
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async recipients(round: Round): Promise<string[]> {
    const roles = pendingRoles(round);
    const where = roles.length
      ? { roles: { code: { $in: roles } }, isActive: true, id: { $ne: round.submitter } }
      : ['returned', 'rejected', 'approved'].includes(round.state) ? { id: round.submitter, isActive: true } : null;
    if (!where) return [];
    const users = await strapi.db.query('admin::user').findMany({ where, select: ['email'] });
    return [...new Set(users.map((u: any) => u.email).filter(Boolean))] as string[];
  },

  /** Tells the person who scheduled it that a schedule did not fire, and why. */
  async scheduleFailed(row: any, code: string) {
    const owner = await strapi.db.query('admin::user').findOne({ where: { id: row.owner, isActive: true }, select: ['email'] });
    if (!owner?.email) return;
    const link = `${strapi.config.get('plugin::disclosure-workflow.adminUrl')}/plugins/disclosure-workflow/schedules`;
    const zone: string = strapi.config.get('plugin::disclosure-workflow.scheduler.timeZone');
    await strapi.plugin('email').service('email').send({
      to: owner.email,
      subject: `【定时${row.action === 'publish' ? '发布' : '撤销发布'}未执行 Schedule failed】${row.title ?? row.targetDocumentId}`,
      text: `定时任务 #${row.id}（${row.action}，${formatLocal(new Date(row.dueAt), zone)} ${zone}）未执行 / did not fire: ${code}.\n${link}`,
    });
  },

  /**
   * An edit took a live document offline at once (the app's emergency stop, e.g. 涉密 / 不予公开 on
   * its draft): tells every active user holding one of `roles` now, with who, why and the flag.
   */
  async emergencyStop(target: { uid: string; documentId: string }, stop: { actor: number | null; reason: string | null; flag: string; roles: string[] }) {
    const users = await strapi.db.query('admin::user').findMany({ where: { roles: { code: { $in: stop.roles } }, isActive: true }, select: ['email'] });
    const to = [...new Set(users.map((u: any) => u.email).filter(Boolean))] as string[];
    if (!to.length) return [];
    const model: any = strapi.getModel(target.uid as any);
    const titleField = strapi.plugin('disclosure-workflow').service('content').titleField(target.uid) ?? 'documentId';
    const doc: any = await strapi.db.query(target.uid).findOne({ where: { documentId: target.documentId }, select: [titleField] });
    const title = doc?.[titleField] ?? target.documentId;
    const actor = stop.actor ? await strapi.db.query('admin::user').findOne({ where: { id: stop.actor }, select: ['firstname', 'lastname', 'email'] }) : null;
    const who = actor ? [actor.lastname, actor.firstname].filter(Boolean).join('') || actor.email : '系统 system';
    const link = `${strapi.config.get('plugin::disclosure-workflow.adminUrl')}/content-manager/collection-types/${target.uid}/${target.documentId}`;
    await strapi.plugin('email').service('email').send({
      to,
      subject: `【紧急撤下 Emergency stop】${title}`,
      text: `${model.info.displayName}《${title}》已立即停止公开 / was taken offline at once.\n标记 Flag: ${stop.flag}\n操作人 By: ${who}\n理由 Reason: ${stop.reason ?? '-'}\n恢复公开须重新送审并经保密审查 / returning it to public needs a new review round.\n${link}`,
    });
    return to;
  },

  async afterTransition(target: { uid: string; documentId: string }, round: Round) {
    const to = await this.recipients(round);
    if (!to.length || !STATE_TEXT[round.state]) return;
    const model: any = strapi.getModel(target.uid as any);
    const titleField = strapi.plugin('disclosure-workflow').service('content').titleField(target.uid) ?? 'documentId';
    const doc: any = await strapi.db.query(target.uid).findOne({ where: { documentId: target.documentId }, select: [titleField] });
    const title = doc?.[titleField] ?? target.documentId;
    const link = `${strapi.config.get('plugin::disclosure-workflow.adminUrl')}/content-manager/collection-types/${target.uid}/${target.documentId}`;
    const step = round.state === 'in_review' ? `\n环节 Step: ${round.steps[round.current].name}` : '';
    await strapi.plugin('email').service('email').send({
      to,
      subject: `【${STATE_TEXT[round.state].split(' ')[0]}】${title}`,
      text: `${model.info.displayName}《${title}》第 ${round.number} 轮 / round ${round.number}: ${STATE_TEXT[round.state]}.${step}\n${link}`,
    });
  },
});
