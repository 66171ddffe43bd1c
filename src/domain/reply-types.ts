// The types of a 答复书 (条例§36–§39) and the row of the annual report's table 三 each one counts in:
// the reply's `disposition` is derived from its type (and, for §36(3), from the exemption reason),
// never typed. Lapses (逾期不补正, 逾期未缴费) are not replies: only the daily job produces them.
import Joi from 'joi';
import { EXEMPTION_REASONS } from './disclosure-rules';

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

const text = (max: number) => Joi.string().trim().min(1).max(max);
const required = (type: ReplyType | ReplyType[], schema: Joi.StringSchema) =>
  Joi.when('replyType', { is: Joi.valid(...[type].flat()).required(), then: schema.required(), otherwise: schema.allow(null, '') });

const SCHEMA = Joi.object({
  replyType: Joi.string().valid(...REPLY_TYPES).required(),
  exemptionReason: required('withheld', Joi.string().valid(...EXEMPTION_REASONS)),
  accessRoute: required('alreadyPublic', text(1000)),
  competentAgency: required('notOurs', text(200)),
  competentAgencyContact: required('notOurs', text(300)),
  earlierReply: required('repeat', text(300)),
}).unknown(true);

const MESSAGES: Record<string, { zh: string; en: string }> = {
  replyType: { zh: '请选择答复类型', en: `replyType must be one of ${REPLY_TYPES.join(', ')}` },
  exemptionReason: { zh: '不予公开的答复必须注明法定理由', en: 'exemptionReason is required for a §36(3) reply' },
  accessRoute: { zh: '已主动公开的答复必须告知获取途径', en: 'accessRoute is required for a §36(1) reply' },
  competentAgency: { zh: '请填写负责公开该信息的机关名称', en: 'competentAgency is required for a §36(5) reply' },
  competentAgencyContact: { zh: '请填写负责公开该信息的机关的联系方式', en: 'competentAgencyContact is required for a §36(5) reply' },
  earlierReply: { zh: '请注明已作出的答复（文号或日期）', en: 'earlierReply is required for a §36(6) reply' },
};

/** Every field a reply of its type lacks, one entry per field, in zh-Hans and English. */
export function checkReply(reply: ReplyFields): Array<{ path: string; zh: string; en: string; message: string }> {
  const { error } = SCHEMA.validate(reply, { abortEarly: false, convert: false });
  const paths = [...new Set((error?.details ?? []).map((d) => String(d.path[0])))];
  return paths.map((path) => {
    const text = MESSAGES[path] ?? { zh: `${path} 无效`, en: `${path} is invalid` };
    return { path, ...text, message: `${text.zh} / ${text.en}` };
  });
}

/** The attributes a reply's type is made of (the reply document's and a case action's input alike). */
export const REPLY_TYPE_FIELDS = ['replyType', 'exemptionReason', 'accessRoute', 'competentAgency', 'competentAgencyContact', 'earlierReply'] as const;
