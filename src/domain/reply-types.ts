// The types of a 答复书 (条例§36–§39) and the row of the annual report's table 三 each one counts in:
// the reply's `disposition` is derived from its type (and, for §36(3), from the exemption reason),
// never typed. Lapses (逾期不补正, 逾期未缴费) are not replies: only the daily job produces them.
// Plain data (the admin bundle imports it); the checks are in reply-rules.ts.
import type { EXEMPTION_REASONS } from './disclosure-rules';

export const REPLY_TYPES = [
  'alreadyPublic', // §36(1) 已主动公开: tell where to get it
  'provided', // §36(2) 可以公开: provide it, or say how and when
  'withheld', // §36(3) 不予公开, with the statutory reason
  'notHeld', // §36(4) 经检索没有
  'notOurs', // §36(5) 不属于本机关负责公开: name the competent agency
  'repeat', // §36(6) 重复申请
  'specialLaw', // §36(7) 工商、不动产登记资料等: apply under the special law
  'partial', // §37 区分处理
  'needsCreation', // §38 需要另行制作或加工分析
  'complaint', // §39¶1 信访、投诉、举报
  'publication', // §39¶2 公开出版物
  'unclear', // §30 补正后申请内容仍不明确
  'confirmation', // 要求确认或重新出具已获取信息 (a row of the 2021 format, no article of its own)
  'other', // anything else the office decides (table 三 (六)3)
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

/** The statute each type answers to, for labels and notices. */
export const REPLY_TYPE_ARTICLES: Record<ReplyType, string> = {
  alreadyPublic: '第三十六条第（一）项',
  provided: '第三十六条第（二）项',
  withheld: '第三十六条第（三）项',
  notHeld: '第三十六条第（四）项',
  notOurs: '第三十六条第（五）项',
  repeat: '第三十六条第（六）项',
  specialLaw: '第三十六条第（七）项',
  partial: '第三十七条',
  needsCreation: '第三十八条',
  complaint: '第三十九条第一款',
  publication: '第三十九条第二款',
  unclear: '第三十条',
  confirmation: '',
  other: '',
};

const DENIED_BY_REASON: Record<(typeof EXEMPTION_REASONS)[number], string> = {
  stateSecret: 'deniedStateSecret',
  lawForbidden: 'deniedLawForbidden',
  safetyStability: 'deniedSafetyStability',
  thirdPartyRights: 'deniedThirdPartyRights',
  internalAffairs: 'deniedInternalAffairs',
  processInfo: 'deniedProcessInfo',
  enforcementCase: 'deniedEnforcementCase',
  adminQuery: 'deniedAdminQuery',
};

const DISPOSITION_OF: Record<Exclude<ReplyType, 'withheld'>, string> = {
  alreadyPublic: 'granted',
  provided: 'granted',
  notHeld: 'unableNoInfo',
  notOurs: 'unableNoInfo',
  repeat: 'notProcessedRepeat',
  specialLaw: 'deniedAdminQuery',
  partial: 'partialGrant',
  needsCreation: 'unableNeedCreation',
  complaint: 'notProcessedComplaint',
  publication: 'notProcessedPublication',
  unclear: 'unableUnclear',
  confirmation: 'notProcessedConfirm',
  other: 'otherReasons',
};

export interface ReplyFields {
  replyType?: unknown;
  exemptionReason?: unknown;
  accessRoute?: unknown;
  competentAgency?: unknown;
  competentAgencyContact?: unknown;
  earlierReply?: unknown;
}

/** The table 三 row of a reply of this type; null while the type (or §36(3)'s reason) is missing. */
export function replyDisposition(reply: ReplyFields): string | null {
  const type = reply.replyType as ReplyType;
  if (type === 'withheld') return DENIED_BY_REASON[reply.exemptionReason as keyof typeof DENIED_BY_REASON] ?? null;
  return (DISPOSITION_OF as Record<string, string>)[type] ?? null;
}

/** What each type must say besides its type (the rest may stay empty). */
export const REPLY_TYPE_REQUIRES: Partial<Record<ReplyType, Array<(typeof REPLY_TYPE_FIELDS)[number]>>> = {
  withheld: ['exemptionReason'],
  alreadyPublic: ['accessRoute'],
  notOurs: ['competentAgency', 'competentAgencyContact'],
  repeat: ['earlierReply'],
};

/** The attributes a reply's type is made of (the reply document's and a case action's input alike). */
export const REPLY_TYPE_FIELDS = ['replyType', 'exemptionReason', 'accessRoute', 'competentAgency', 'competentAgencyContact', 'earlierReply'] as const;
