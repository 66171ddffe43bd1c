// zh-Hans / English labels of every coded value the content types store (their enumeration
// attributes), for people to read: the admin's lists, forms and filters, exports. The value lists
// stay with their owners (item rules, catalogue query, request codes, request flow, annual report);
// each label map here is typed by its list, so a value added to a list without a label, or a label
// for a value that is not in the list, does not compile. Department kinds and time units have no
// list elsewhere: the maps below are that list (tests/unit/code-labels.test.js holds them to the
// schemas). Only type imports: the admin bundle imports this file as plain data.
import type { DISCLOSURE, EXEMPTION_REASONS } from './disclosure-rules';
import type { GENRES, VALIDITIES } from './catalogue-query';
import type { APPLICANT_TYPES, CASE_STATES, CHANNELS, DELIVERY, DISPOSITIONS, WITHDRAWAL_CHANNELS } from './request-codes';
import type { REVIEW_KINDS, REVIEW_OUTCOMES } from './annual-report';
import type { REPLY_TYPES } from './reply-types';
import type { NOTICE_KINDS } from './notices';

export interface CodeLabel {
  zh: string;
  en: string;
}
type Labels<T extends readonly string[]> = Record<T[number], CodeLabel>;

export const DISCLOSURE_LABELS: Labels<typeof DISCLOSURE> = {
  proactive: { zh: '主动公开', en: 'Proactive' },
  on_request: { zh: '依申请公开', en: 'On request' },
  withheld: { zh: '不予公开', en: 'Withheld' },
};

export const EXEMPTION_REASON_LABELS: Labels<typeof EXEMPTION_REASONS> = {
  stateSecret: { zh: '属于国家秘密', en: 'State secret' },
  lawForbidden: { zh: '其他法律行政法规禁止公开', en: 'Forbidden by other law' },
  safetyStability: { zh: '危及“三安全一稳定”', en: 'Endangers security or stability' },
  thirdPartyRights: { zh: '保护第三方合法权益', en: 'Third-party rights' },
  internalAffairs: { zh: '属于三类内部事务信息', en: 'Internal affairs' },
  processInfo: { zh: '属于四类过程性信息', en: 'Process information' },
  enforcementCase: { zh: '属于行政执法案卷', en: 'Enforcement case file' },
  adminQuery: { zh: '属于行政查询事项', en: 'Administrative query matter' },
};

export const GENRE_CODE_LABELS: Labels<typeof GENRES> = {
  regulation: { zh: '规章', en: 'Regulation' },
  normativeDocument: { zh: '行政规范性文件', en: 'Normative document' },
  notice: { zh: '通知', en: 'Notice' },
  announcement: { zh: '公告', en: 'Announcement' },
  report: { zh: '报告', en: 'Report' },
  decision: { zh: '决定', en: 'Decision' },
  opinion: { zh: '意见', en: 'Opinion' },
  plan: { zh: '规划计划', en: 'Plan' },
  interpretation: { zh: '政策解读', en: 'Policy interpretation' },
  other: { zh: '其他', en: 'Other' },
};

export const VALIDITY_CODE_LABELS: Labels<typeof VALIDITIES> = {
  valid: { zh: '有效', en: 'Valid' },
  expired: { zh: '失效', en: 'Expired' },
  repealed: { zh: '废止', en: 'Repealed' },
};

/** `department.kind`: this map is the list of kinds. */
export const DEPARTMENT_KIND_LABELS = {
  government: { zh: '人民政府', en: 'Government' },
  department: { zh: '政府部门', en: 'Department' },
  section: { zh: '内设机构', en: 'Section' },
  township: { zh: '乡镇（街道）', en: 'Township' },
  institution: { zh: '事业单位', en: 'Public institution' },
  enterprise: { zh: '企业', en: 'Enterprise' },
} satisfies Record<string, CodeLabel>;

/** `timeUnit` of procedures and their steps: this map is the list of units. */
export const TIME_UNIT_LABELS = {
  working_days: { zh: '工作日', en: 'Working days' },
  calendar_days: { zh: '自然日', en: 'Calendar days' },
} satisfies Record<string, CodeLabel>;

export const CASE_STATE_LABELS: Labels<typeof CASE_STATES> = {
  awaitingConfirmation: { zh: '待确认收到', en: 'Awaiting confirmation of receipt' },
  received: { zh: '已登记', en: 'Received' },
  assigned: { zh: '已分办', en: 'Assigned' },
  correction: { zh: '待补正', en: 'Awaiting correction' },
  consultation: { zh: '征求意见中', en: 'In consultation' },
  extended: { zh: '已延期', en: 'Extended' },
  feePending: { zh: '待缴费', en: 'Awaiting fee payment' },
  replying: { zh: '答复审核中', en: 'Reply in review' },
  replied: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const APPLICANT_TYPE_LABELS: Labels<typeof APPLICANT_TYPES> = {
  naturalPerson: { zh: '自然人', en: 'Natural person' },
  commercial: { zh: '商业企业', en: 'Business' },
  research: { zh: '科研机构', en: 'Research institution' },
  publicInterest: { zh: '社会公益组织', en: 'Public-interest organisation' },
  legalService: { zh: '法律服务机构', en: 'Legal services' },
  otherOrg: { zh: '其他组织', en: 'Other organisation' },
};

export const DISPOSITION_LABELS: Labels<typeof DISPOSITIONS> = {
  granted: { zh: '予以公开', en: 'Granted' },
  partialGrant: { zh: '部分公开', en: 'Partly granted' },
  deniedStateSecret: { zh: '不予公开：属于国家秘密', en: 'Denied: state secret' },
  deniedLawForbidden: { zh: '不予公开：其他法律行政法规禁止公开', en: 'Denied: forbidden by other law' },
  deniedSafetyStability: { zh: '不予公开：危及“三安全一稳定”', en: 'Denied: endangers security or stability' },
  deniedThirdPartyRights: { zh: '不予公开：保护第三方合法权益', en: 'Denied: third-party rights' },
  deniedInternalAffairs: { zh: '不予公开：属于三类内部事务信息', en: 'Denied: internal affairs' },
  deniedProcessInfo: { zh: '不予公开：属于四类过程性信息', en: 'Denied: process information' },
  deniedEnforcementCase: { zh: '不予公开：属于行政执法案卷', en: 'Denied: enforcement case file' },
  deniedAdminQuery: { zh: '不予公开：属于行政查询事项', en: 'Denied: administrative query matter' },
  unableNoInfo: { zh: '无法提供：本机关不掌握相关政府信息', en: 'Unable: information not held' },
  unableNeedCreation: { zh: '无法提供：没有现成信息需要另行制作', en: 'Unable: would need to be created' },
  unableUnclear: { zh: '无法提供：补正后申请内容仍不明确', en: 'Unable: still unclear after correction' },
  notProcessedComplaint: { zh: '不予处理：信访举报投诉类申请', en: 'Not processed: complaint or petition' },
  notProcessedRepeat: { zh: '不予处理：重复申请', en: 'Not processed: repeat request' },
  notProcessedPublication: { zh: '不予处理：要求提供公开出版物', en: 'Not processed: public publication' },
  notProcessedMassive: { zh: '不予处理：无正当理由大量反复申请', en: 'Not processed: unreasonably massive' },
  notProcessedConfirm: { zh: '不予处理：要求行政机关确认或重新出具已获取信息', en: 'Not processed: confirm or reissue' },
  otherOverdueCorrection: { zh: '其他处理：申请人无正当理由逾期不补正', en: 'Other: no correction in time' },
  otherOverdueFee: { zh: '其他处理：申请人逾期未按收费通知要求缴纳费用', en: 'Other: fee not paid in time' },
  otherReasons: { zh: '其他处理：其他', en: 'Other handling' },
};

/** A reply's row: every disposition but the two lapses. */
export const REPLY_DISPOSITION_LABELS = Object.fromEntries(
  Object.entries(DISPOSITION_LABELS).filter(([code]) => code !== 'otherOverdueCorrection' && code !== 'otherOverdueFee'),
) as Record<string, CodeLabel>;

export const DELIVERY_LABELS: Labels<typeof DELIVERY> = {
  paper: { zh: '纸质', en: 'Paper' },
  email: { zh: '电子邮件', en: 'Email' },
  disc: { zh: '光盘', en: 'Disc' },
  online: { zh: '网上', en: 'Online' },
};

export const CHANNEL_LABELS: Labels<typeof CHANNELS> = {
  in_person: { zh: '当面', en: 'In person' },
  letter: { zh: '信函', en: 'Letter' },
  online: { zh: '网上', en: 'Online' },
  fax: { zh: '传真', en: 'Fax' },
};

export const WITHDRAWAL_CHANNEL_LABELS: Labels<typeof WITHDRAWAL_CHANNELS> = { ...CHANNEL_LABELS, phone: { zh: '电话', en: 'Telephone' } };

/** The article each type answers to is in reply-types.ts (REPLY_TYPE_ARTICLES); `withheld` and `other` read as elsewhere. */
export const REPLY_TYPE_LABELS: Labels<typeof REPLY_TYPES> = {
  alreadyPublic: { zh: '已主动公开（告知获取途径）', en: 'Already public (where to get it)' },
  provided: { zh: '予以公开（提供或告知获取方式）', en: 'Disclosed' },
  withheld: { zh: '不予公开', en: 'Withheld' },
  notHeld: { zh: '本机关不掌握（经检索没有）', en: 'Not held after search' },
  notOurs: { zh: '不属于本机关负责公开', en: 'Not this agency\'s to disclose' },
  repeat: { zh: '重复申请（不予重复处理）', en: 'Repeat request' },
  specialLaw: { zh: '依特别规定办理（工商、不动产登记资料等）', en: 'Governed by a special law' },
  partial: { zh: '区分处理（部分公开）', en: 'Partly disclosed' },
  needsCreation: { zh: '需要另行制作或加工分析', en: 'Would need creating or analysing' },
  complaint: { zh: '信访、投诉、举报（不作为申请处理）', en: 'Petition, complaint or report' },
  publication: { zh: '公开出版物（告知获取途径）', en: 'Public publication' },
  unclear: { zh: '补正后申请内容仍不明确', en: 'Still unclear after correction' },
  confirmation: { zh: '要求确认或重新出具已获取信息', en: 'Confirm or reissue' },
  other: { zh: '其他', en: 'Other' },
};

export const REVIEW_KIND_CODE_LABELS: Labels<typeof REVIEW_KINDS> = {
  reconsideration: { zh: '行政复议', en: 'Administrative reconsideration' },
  litigationDirect: { zh: '行政诉讼（未经复议直接起诉）', en: 'Litigation (without reconsideration)' },
  litigationAfterReconsideration: { zh: '行政诉讼（复议后起诉）', en: 'Litigation after reconsideration' },
};

export const REVIEW_OUTCOME_LABELS: Labels<typeof REVIEW_OUTCOMES> = {
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他', en: 'Other' },
  pending: { zh: '尚未审结', en: 'Pending' },
};

/**
 * The kinds of 告知书 (templates and issued notices). `correction` and `consultation` are also case
 * stages, and the admin looks a label up by the value alone: they read as the stage does.
 */
export const NOTICE_KIND_LABELS: Labels<typeof NOTICE_KINDS> = {
  receipt: { zh: '受理回执', en: 'Acknowledgement of receipt' },
  correction: CASE_STATE_LABELS.correction,
  extension: { zh: '延期答复告知书', en: 'Notice of extension' },
  consultation: CASE_STATE_LABELS.consultation,
  feeNotice: { zh: '收费通知书', en: 'Fee notice' },
  reply: { zh: '答复书', en: 'Reply' },
};

/** Which label map each enumeration attribute uses: content-type or component uid → attribute → labels. */
export const ENUM_LABELS: Record<string, Record<string, Record<string, CodeLabel>>> = {
  'api::disclosure-item.disclosure-item': {
    genre: GENRE_CODE_LABELS,
    disclosure: DISCLOSURE_LABELS,
    exemptionReason: EXEMPTION_REASON_LABELS,
    validity: VALIDITY_CODE_LABELS,
    repealAs: { repealed: VALIDITY_CODE_LABELS.repealed, expired: VALIDITY_CODE_LABELS.expired },
  },
  'api::department.department': { kind: DEPARTMENT_KIND_LABELS },
  'api::handling-procedure.handling-procedure': { statutoryTimeUnit: TIME_UNIT_LABELS, promisedTimeUnit: TIME_UNIT_LABELS },
  'procedure.step': { timeUnit: TIME_UNIT_LABELS },
  'api::disclosure-request.disclosure-request': {
    state: CASE_STATE_LABELS,
    applicantType: APPLICANT_TYPE_LABELS,
    delivery: DELIVERY_LABELS,
    channel: CHANNEL_LABELS,
    disposition: DISPOSITION_LABELS,
  },
  'api::request-reply.request-reply': { disposition: REPLY_DISPOSITION_LABELS, replyType: REPLY_TYPE_LABELS, exemptionReason: EXEMPTION_REASON_LABELS },
  'api::review-case.review-case': { kind: REVIEW_KIND_CODE_LABELS, outcome: REVIEW_OUTCOME_LABELS },
  'api::notice-template.notice-template': { kind: NOTICE_KIND_LABELS },
  'api::request-notice.request-notice': { kind: NOTICE_KIND_LABELS },
};

/**
 * value → label in one language. The admin's enumeration inputs, filters and list cells look a
 * value up by the value alone (Strapi's `formatMessage({ id: value })`), so a value used by two
 * attributes must read the same in both; a clash throws rather than silently picking one.
 */
export function codeLabelMessages(lang: keyof CodeLabel): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [uid, fields] of Object.entries(ENUM_LABELS)) {
    for (const [field, labels] of Object.entries(fields)) {
      for (const [value, label] of Object.entries(labels)) {
        if (value in messages && messages[value] !== label[lang]) {
          throw new Error(`code ${value} (${uid}.${field}) is labelled both "${messages[value]}" and "${label[lang]}"`);
        }
        messages[value] = label[lang];
      }
    }
  }
  return messages;
}
