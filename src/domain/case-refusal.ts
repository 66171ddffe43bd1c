// Refusals of 依申请公开 case handling (条例§30–§36): a machine-readable code, an HTTP status and
// text in zh-Hans and English. `status` and `details` are what Strapi's error middleware answers
// with: `{ error: { status, name: 'CaseRefusal', message, details: { code, zh, en } } }`.
export const CASE_REFUSALS = {
  NOT_FOUND: [404, '申请不存在', 'request not found'],
  INVALID_INPUT: [400, '参数错误', 'invalid input'],
  NOT_ALLOWED: [403, '您的岗位不能处理依申请公开件', 'your role may not handle disclosure requests'],
  CONFLICT: [409, '其他人已处理该环节，请刷新后重试', 'someone else acted on this step first; reload and try again'],
  CASE_STATE: [409, '申请当前所处环节不能进行此操作', 'not possible at the stage this request is in'],
  HANDLER_NOT_MEMBER: [400, '承办人须为承办部门的成员', 'the handler must be a member of the department the case is assigned to'],
  NOT_HANDLER: [403, '只有承办人或信息公开工作机构可以办理', 'only the assigned handler or the disclosure office may act on this request'],
  OFFICE_ONLY: [403, '须由信息公开工作机构办理或批准', 'only the disclosure office (gov-office) may do or approve this'],
  DATE_IN_FUTURE: [400, '日期不能晚于今天', 'the date cannot be in the future'],
  DATE_OUT_OF_ORDER: [400, '日期早于上一办理环节', 'the date is earlier than the previous step'],
  CORRECTION_USED: [409, '补正告知只能发出一次', 'only one correction notice is allowed'],
  CORRECTION_TOO_LATE: [409, '补正告知须在收到申请之日起7个工作日内发出', 'a correction notice must be sent within 7 working days of receipt'],
  CORRECTION_LAPSED: [409, '已超过补正期限', 'the time set for the correction has passed'],
  CORRECTION_NOT_DUE: [409, '补正期限尚未届满', 'the time set for the correction has not passed yet'],
  EXTENSION_USED: [409, '只能延期一次', 'only one extension is allowed'],
  EXTENSION_TOO_LONG: [400, '延长期限最长不得超过20个工作日', 'an extension is at most 20 working days'],
  REASON_REQUIRED: [400, '须填写理由', 'a reason is required'],
  NOT_GRANTED: [409, '只有予以公开或部分公开的答复可以转为主动公开', 'only granted or partly granted replies can become proactive items'],
  ALREADY_DONE: [409, '该操作已完成', 'this was already done'],
  CONSULTATION_NOT_DUE: [409, '征求意见的答复期限尚未届满，不能记为未答复', 'the answer date has not passed: the party cannot be recorded as not answering yet'],
  FEE_USED: [409, '每件申请只能发出一次收费通知', 'only one fee notice per application'],
  FEE_TOO_LATE: [409, '收费通知须在答复期限内发出', 'a fee notice must be issued within the reply period'],
  FEE_NOT_DUE: [409, '未超出免费范围，不得收费', 'within the free allowance: no fee may be charged'],
  FEE_LAPSED: [409, '已超过缴费期限', 'the time to pay has passed'],
  FEE_NOT_LAPSED: [409, '缴费期限尚未届满', 'the time to pay has not passed yet'],
  FEE_AMOUNT: [400, '缴费金额与收费通知不一致', 'the amount paid differs from the fee notice'],
  DEPARTMENT_REQUIRED: [409, '书面答复须先分办到承办部门', 'assign the case to a department before drafting a written reply'],
  REASONS_NOT_ASKED: [409, '须先要求申请人说明理由（条例第三十五条）', 'ask the applicant for reasons first (§35)'],
  NOTICE_NOT_ISSUED: [404, '尚未出具该告知书', 'no notice of this kind has been issued on this request'],
} as const;

export type CaseRefusalCode = keyof typeof CASE_REFUSALS;

export class CaseRefusal extends Error {
  readonly code: CaseRefusalCode;
  readonly status: number;
  readonly zh: string;
  readonly en: string;
  readonly details: { code: CaseRefusalCode; zh: string; en: string };

  constructor(code: CaseRefusalCode, detail?: string) {
    const [status, zh, en] = CASE_REFUSALS[code];
    super(`${zh} / ${en}${detail ? ` (${detail})` : ''}`);
    this.name = 'CaseRefusal';
    this.code = code;
    this.status = status;
    this.zh = zh;
    this.en = en;
    this.details = { code, zh, en };
  }
}

export const refuse = (code: CaseRefusalCode, detail?: string): never => {
  throw new CaseRefusal(code, detail);
};
