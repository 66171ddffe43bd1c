// One table of audit event labels in zh-Hans and English: the audit page, its CSV export and the
// admin all read it from here (the route returns `eventLabel: { zh, en }`). The app labels the
// events it writes itself through the `eventLabels` setting.
import { REFUSALS } from './refusal';
import type { State } from './state-machine';

export type Label = { zh: string; en: string };

/** A round's state, as the slip prints it and the admin shows it (GET /settings → states). */
export const STATE_LABELS: Record<State, Label> = {
  draft: { zh: '草稿（未送审）', en: 'Draft (not submitted)' },
  in_review: { zh: '审核中', en: 'In review' },
  awaiting_signoff: { zh: '待保密审查', en: 'Awaiting confidentiality sign-off' },
  approved: { zh: '已审核并通过保密审查', en: 'Approved and signed off' },
  returned: { zh: '已退回', en: 'Returned to the author' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  escalated: { zh: '已报请确定', en: 'Referred outside for a decision' },
};

export const EVENT_LABELS: Record<string, Label> = {
  submit: { zh: '送审', en: 'Submitted for review' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  'decision.approve': { zh: '审核同意', en: 'Approved' },
  'decision.return': { zh: '审核退回', en: 'Returned' },
  'decision.reject': { zh: '审核驳回', en: 'Rejected' },
  'sign-off.public': { zh: '保密审查：可以公开', en: 'Sign-off: public' },
  'sign-off.redacted': { zh: '保密审查：删减后公开', en: 'Sign-off: public after redaction' },
  'sign-off.withhold': { zh: '保密审查：不予公开', en: 'Sign-off: withhold' },
  'sign-off.escalate': { zh: '保密审查：报请确定', en: 'Sign-off: referred outside' },
  voided: { zh: '审核失效（内容已修改）', en: 'Review voided (content changed)' },
  publish: { zh: '发布', en: 'Published' },
  unpublish: { zh: '撤销发布', en: 'Unpublished' },
  'publish.refused': { zh: '拒绝发布', en: 'Publication refused' },
  'decision.refused': { zh: '拒绝审核', en: 'Decision refused' },
  'sign-off.refused': { zh: '拒绝保密审查', en: 'Sign-off refused' },
  'unpublish.refused': { zh: '拒绝撤销发布', en: 'Unpublication refused' },
  'unpublish.emergency': { zh: '紧急撤下（标记涉密或不予公开）', en: 'Emergency stop (marked classified or withheld)' },
  'chain.create': { zh: '新建审核流程', en: 'Approval chain created' },
  'chain.update': { zh: '修改审核流程', en: 'Approval chain changed' },
  'chain.delete': { zh: '删除审核流程', en: 'Approval chain deleted' },
  'schedule.create': { zh: '设定定时任务', en: 'Schedule created' },
  'schedule.cancel': { zh: '取消定时任务', en: 'Schedule cancelled' },
  'schedule.reschedule': { zh: '修改定时时间', en: 'Schedule moved' },
  'schedule.retry': { zh: '重试定时任务', en: 'Schedule retried' },
  'schedule.fired': { zh: '定时任务已执行', en: 'Schedule fired' },
  'schedule.failed': { zh: '定时任务失败', en: 'Schedule failed' },
  'audit.export': { zh: '导出审计记录', en: 'Audit trail exported' },
  'no-reviewer': { zh: '无人可审（已通知提交人）', en: 'Nobody may act (submitter told)' },
  'membership.add': { zh: '添加部门成员', en: 'Department membership added' },
  'membership.remove': { zh: '移除部门成员', en: 'Department membership removed' },
  'dictionary.import': { zh: '导入错敏词库', en: 'Sensitive-term dictionary imported' },
  'inspection.override': { zh: '保密审查员放行检查结果', en: 'Check finding overridden by the secrecy reviewer' },
  'inspection.recheck': { zh: '词库更新后复查已发布内容', en: 'Published content re-checked after a dictionary change' },
  'migration.attested': { zh: '迁移批次：保密审查员与信息公开办确认', en: 'Migration: attested by the secrecy reviewer and the office' },
  'migration.batch': { zh: '迁移批次', en: 'Migration batch' },
  'attachment.refused': { zh: '拒绝修改附件', en: 'Attachment change refused' },
};

/** The label of one stored event; a refusal names its reason (`data.code`). */
export function eventLabel(event: string, data?: any, appLabels: Record<string, Label> = {}): Label {
  const base = EVENT_LABELS[event] ?? appLabels[event] ?? { zh: event, en: event };
  const code = data && typeof data === 'object' ? data.code : undefined;
  const reason = typeof code === 'string' && code in REFUSALS ? REFUSALS[code as keyof typeof REFUSALS] : null;
  return reason ? { zh: `${base.zh}：${reason[1]}`, en: `${base.en}: ${reason[2]}` } : base;
}
