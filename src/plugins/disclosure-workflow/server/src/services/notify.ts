// E-mails the people who act next (reviewers, the secrecy reviewer — only those whose department
// scope covers the document — or the submitter when the document comes back), through Strapi's
// email plugin. When nobody may act, the submitter and the `noReviewerRoles` are told (NO_REVIEWER).
import type { Core } from '@strapi/strapi';
import { pendingRoles, pendingScope, type Round } from '../domain/state-machine';
import { formatLocal } from '../domain/schedule';

const STATE_TEXT: Record<string, string> = {
  in_review: '待审核 awaiting your review',
  awaiting_signoff: '待保密审查 awaiting confidentiality sign-off',
  escalated: '已报请确定，待登记结果 referred outside: record the decision',
  returned: '已退回 returned to you',
  rejected: '已驳回 rejected',
  approved: '已审核通过，可以发布 approved: ready to publish',
};

const emails = (users: any[]) => [...new Set(users.map((u) => u.email).filter(Boolean))] as string[];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Ids of the members covering the department, or null when no department scope applies. */
  async scopeOf(department: string | null): Promise<number[] | null> {
    if (!department || !strapi.config.get('plugin::disclosure-workflow.departments')) return null;
    return strapi.plugin('disclosure-workflow').service('membership').membersCovering({ department });
  },

  async recipients(round: Round, department: string | null = null): Promise<string[]> {
    const roles = pendingRoles(round);
    if (!roles.length) {
      if (!['returned', 'rejected', 'approved'].includes(round.state)) return [];
      return emails(await strapi.db.query('admin::user').findMany({ where: { id: round.submitter, isActive: true }, select: ['email'] }));
    }
    const members = pendingScope(round) === 'department' ? await this.scopeOf(department) : null;
    const id = members ? { $ne: round.submitter, $in: members } : { $ne: round.submitter };
    return emails(await strapi.db.query('admin::user').findMany({ where: { roles: { code: { $in: roles } }, isActive: true, id }, select: ['email'] }));
  },

  /** Nobody may act on the step a document waits at: the submitter and the office (in scope) are told at once. */
  async noReviewer(target: { uid: string; documentId: string }, round: Round, department: string | null, title: string) {
    const roles: string[] = strapi.config.get('plugin::disclosure-workflow.noReviewerRoles') ?? [];
    const members = await this.scopeOf(department);
    const office = roles.length ? await strapi.db.query('admin::user').findMany({ where: { roles: { code: { $in: roles } }, isActive: true, ...(members ? { id: { $in: members } } : {}) }, select: ['email'] }) : [];
    const submitter = await strapi.db.query('admin::user').findMany({ where: { id: round.submitter, isActive: true }, select: ['email'] });
    const to = emails([...submitter, ...office]);
    const step = round.state === 'in_review' ? round.steps[round.current].name : '保密审查 sign-off';
    strapi.log.warn(`[disclosure-workflow] NO_REVIEWER: nobody may act on "${step}" for ${target.uid} ${target.documentId} (roles ${pendingRoles(round).join(', ')}, department ${department ?? '-'})`);
    await strapi.plugin('disclosure-workflow').service('audit').append({
      event: 'no-reviewer', targetUid: target.uid, targetDocumentId: target.documentId, round: round.number, actor: null,
      data: { code: 'NO_REVIEWER', step, roles: pendingRoles(round), department },
    });
    if (!to.length) return;
    const link = `${strapi.config.get('plugin::disclosure-workflow.adminUrl')}/content-manager/collection-types/${target.uid}/${target.documentId}`;
    await strapi.plugin('email').service('email').send({
      to,
      subject: `【无人可审 NO_REVIEWER】${title}`,
      text: `《${title}》第 ${round.number} 轮停在“${step}”：没有可以处理此环节的人员（岗位 ${pendingRoles(round).join('、')}，须为该文档所属部门的成员）。请为该部门指定人员或调整审核流程。\nNobody may act on this step (roles ${pendingRoles(round).join(', ')}, members of the document's department). Assign members to the department or change the approval chain.\n${link}`,
    });
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

  async afterTransition(target: { uid: string; documentId: string }, round: Round, department: string | null = null) {
    const to = await this.recipients(round, department);
    if (!STATE_TEXT[round.state]) return;
    const model: any = strapi.getModel(target.uid as any);
    const titleField = strapi.plugin('disclosure-workflow').service('content').titleField(target.uid) ?? 'documentId';
    const doc: any = await strapi.db.query(target.uid).findOne({ where: { documentId: target.documentId }, select: [titleField] });
    const title = doc?.[titleField] ?? target.documentId;
    if (!to.length) return pendingRoles(round).length ? this.noReviewer(target, round, department, title) : undefined;
    const link = `${strapi.config.get('plugin::disclosure-workflow.adminUrl')}/content-manager/collection-types/${target.uid}/${target.documentId}`;
    const step = round.state === 'in_review' ? `\n环节 Step: ${round.steps[round.current].name}` : '';
    await strapi.plugin('email').service('email').send({
      to,
      subject: `【${STATE_TEXT[round.state].split(' ')[0]}】${title}`,
      text: `${model.info.displayName}《${title}》第 ${round.number} 轮 / round ${round.number}: ${STATE_TEXT[round.state]}.${step}\n${link}`,
    });
  },
});
