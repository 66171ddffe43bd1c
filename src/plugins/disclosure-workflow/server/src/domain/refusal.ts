// Refusals carry a machine-readable code, an HTTP status and text in zh-Hans and English.
export const REFUSALS = {
  NOT_SUBMITTED: [403, '尚未提交审核或审核已失效', 'not submitted for review, or the review was voided'],
  IN_REVIEW: [403, '正在审核中，尚未审核完毕', 'still in review'],
  NOT_SIGNED_OFF: [403, '尚未通过保密审查', 'no confidentiality sign-off yet'],
  CHANGED_AFTER_APPROVAL: [409, '审核后内容已修改，须重新送审', 'the content changed after it was approved'],
  WITHHELD: [403, '该信息不予公开，不能发布', 'withheld items can never be published'],
  CLASSIFIED: [403, '涉密信息不得发布', 'classified items can never be published'],
  INVALID_STATE: [409, '当前状态下不能进行此操作', 'not possible in the current state'],
  CONFLICT: [409, '其他人已处理该环节，请刷新后重试', 'someone else acted on this step first; reload and try again'],
  NOT_ALLOWED: [403, '您的岗位不能处理此环节', 'your role may not act on this step'],
  NOT_IN_DEPARTMENT: [403, '该文档不属于您所在的部门，不能审核或审查', 'this document belongs to a department you are not a member of'],
  NO_PERMISSION: [403, '您没有进行此操作的权限，请联系系统管理员', 'you do not have permission for this action; ask your administrator'],
  SEPARATION_OF_DUTIES: [403, '不得审核本人提交的或已审核过的内容', 'separation of duties: you submitted or already acted in this round'],
  NOT_SUBMITTER: [403, '只有提交人可以撤回', 'only the submitter can withdraw'],
  COMMENT_REQUIRED: [400, '退回或驳回须填写意见', 'a comment is required to return or reject'],
  OPINION_REQUIRED: [400, '除“可以公开”外须填写审查意见', 'an opinion is required for every conclusion except public'],
  EXEMPTION_REASON_REQUIRED: [400, '不予公开须注明法定理由', 'withhold needs a statutory exemption reason'],
  REFERRED_TO_REQUIRED: [400, '报请确定须填写报送机关', 'escalate needs the body it is referred to'],
  NO_CHAIN: [400, '没有适用的审核流程', 'no approval chain applies to this document'],
  NOT_FOUND: [404, '文档不存在', 'document not found'],
  INVALID_INPUT: [400, '参数错误', 'invalid input'],
  NOT_GOVERNED: [400, '该内容类型不受审核流程管理', 'this content type is not governed by the workflow'],
  // Attachments (media library): see services/attachments.ts.
  FILE_LOCKED: [409, '该文件是审核中、已审核通过或已发布文档的附件，不能替换、改名或删除；如需修改，请上传新文件并修改草稿（须重新送审）', 'this file is an attachment of a document that is in review, approved or published: it cannot be replaced, renamed or deleted; upload a new file and change the draft instead (which needs a new review)'],
  FILE_TYPE_NOT_ALLOWED: [400, '不允许上传此类型的附件', 'this type of attachment is not allowed'],
  NOT_FILE_OWNER: [403, '只能修改或删除本人上传的文件', 'you may only change or delete files you uploaded'],
  INSPECTION_FAILED: [409, '发布前检查发现须处理的问题（个人信息、错敏词、链接或附件），请修改后重新送审，或由保密审查员说明理由后放行', 'the pre-publication checks found problems that must be dealt with (personal data, wrong expressions, links or attachments): correct them, or a secrecy reviewer overrides them with a reason'],
  OVERRIDE_REASON_REQUIRED: [400, '放行检查结果须写明理由', 'overriding a finding needs a written reason'],
  // Companions (a policy and its 解读 reviewed and published together): see README "Companions".
  COMPANION_IN_REVIEW: [409, '关联文档（如政策解读）已在审核中或已单独审核通过，不能随主件一并送审；请先撤回或处理该文档', 'a companion (e.g. an interpretation) is already in a review round of its own or approved on its own: it cannot be submitted with the lead; withdraw or finish it first'],
  FOLLOWS_LEAD: [409, '该文档随主件一并审核，须在主件上审核、审查或撤回', 'this document is reviewed together with its lead document: decide, sign off or withdraw on the lead'],
  COMPANION_NOT_PUBLISHABLE: [409, '随主件一并发布的关联文档（如政策解读）不能发布，主件也不能发布', 'a companion published with this document (e.g. its interpretation) cannot be published, so neither can the lead'],
  COMPANION_REFUSED: [409, '关联文档（如政策解读）不能随主件完成此操作', 'the action cannot be applied to a companion of this document (e.g. its interpretation)'],
  COMPANION_OTHER_DEPARTMENT: [409, '关联文档（如政策解读）属于其他部门，不能随主件一并审核；请由其所属部门单独送审', 'a companion (e.g. an interpretation) belongs to another department: it cannot be reviewed with the lead; its own department submits it'],
  NO_COMPANIONS: [400, '该内容类型没有配置关联文档，或该文档没有可一并处理的关联文档', 'this content type has no companions configured, or this document has none to carry'],
  ATTACH_THROUGH_DRAFT: [403, '受审核管理的文档只能通过修改草稿添加附件', 'files are attached to governed documents by editing their draft'],
} as const;

export type RefusalCode = keyof typeof REFUSALS;

export class WorkflowRefusal extends Error {
  readonly code: RefusalCode;
  readonly status: number;
  readonly zh: string;
  readonly en: string;
  /** More for the caller, beside code and texts (INSPECTION_FAILED: the blocking findings). */
  readonly extra?: Record<string, unknown>;

  constructor(code: RefusalCode, detail?: string, extra?: Record<string, unknown>) {
    const [status, zh, en] = REFUSALS[code];
    super(`${zh} / ${en}${detail ? ` (${detail})` : ''}`);
    this.name = 'WorkflowRefusal';
    this.code = code;
    this.status = status;
    this.zh = zh;
    this.en = en;
    this.extra = extra;
  }
}

export const refuse = (code: RefusalCode, detail?: string): never => {
  throw new WorkflowRefusal(code, detail);
};
