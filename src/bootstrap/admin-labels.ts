// Content Manager field labels in Chinese with the English name beside, and the list columns
// editors need. Only labels still at Strapi's default (the attribute name) are replaced, so
// changes made in the admin's "Configure the view" survive restarts.
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT, CATEGORY, DEPARTMENT, GUIDE, ITEM, NOTICE_TEMPLATE, PROCEDURE, REPLY, REQUEST, REVIEW_CASE, OUTBOX } from '../constants';

const LABELS: Record<string, Record<string, string>> = {
  [ITEM]: {
    title: '名称 Title', indexNumber: '索引号 Index number', documentNumber: '文号 Document number', department: '发布机构 Department',
    formedAt: '成文日期 Formed at', publishedDate: '发布日期 Published date', category: '主题分类 Category', genre: '体裁 Genre',
    keywords: '关键词 Keywords', summary: '内容概述 Summary', body: '正文 Body', attachments: '附件 Attachments',
    disclosure: '公开属性 Disclosure', exemptionReason: '不予公开理由 Exemption reason', reviewAt: '复核日期 Review at',
    classified: '涉密 Classified', validity: '有效性 Validity', validityChangedAt: '有效性变更日期 Validity changed at',
    important: '重要 Important', related: '相关信息 Related items', internalNotes: '内部备注 Internal notes',
    interprets: '解读的政策文件 Interprets (policy items)', interpretations: '政策解读 Interpretations',
    effectiveAt: '实施日期 Effective from', repealAt: '废止/失效日期 Repeal date', repealAs: '到期后有效性 Validity when the date comes',
    supersededBy: '被替代为 Superseded by', supersedes: '替代 Supersedes', changedAt: '变更日期 Changed at',
    timelinessDays: '公开用时（工作日）Working days to publication', timelinessMet: '20个工作日内公开 Published within 20 working days',
    emergencyStopReason: '紧急撤下理由 Emergency stop reason (required when marking a live item 涉密 or 不予公开)',
  },
  [DEPARTMENT]: {
    name: '名称 Name', shortName: '简称 Short name', code: '机构代码 Organisation code', regionCode: '行政区划代码 Region code',
    parent: '上级机构 Parent', children: '下级机构 Children', kind: '类型 Kind', head: '负责人 Head', leaderInCharge: '分管领导 Leader in charge',
    contactPerson: '联系人 Contact person', phone: '电话 Phone', fax: '传真 Fax', email: '电子邮箱 Email', website: '网站 Website', address: '地址 Address', officeHours: '办公时间 Office hours',
    disclosureOfficeContact: '信息公开工作机构联系方式 Disclosure office contact', items: '公开事项 Items',
  },
  [CATEGORY]: { name: '名称 Name', code: '分类代码 Code', order: '排序 Order', description: '说明 Description', parent: '上级分类 Parent', children: '下级分类 Children' },
  [PROCEDURE]: {
    name: '事项名称 Matter', code: '事项代码 Code', department: '责任部门 Department', legalBasis: '设定依据 Legal basis', conditions: '办理条件 Conditions',
    materials: '申请材料 Materials', applicationForm: '申请书示范文本 Application form', steps: '办理流程 Steps',
    statutoryTimeLimit: '法定时限 Statutory time limit', statutoryTimeUnit: '法定时限单位 Unit', promisedTimeLimit: '承诺时限 Promised time limit',
    promisedTimeUnit: '承诺时限单位 Unit', fees: '收费标准 Fees', feeBasis: '收费依据 Fee basis', channels: '办理渠道 Channels', contact: '咨询方式 Contact', faq: '常见问题 FAQ',
  },
  [GUIDE]: {
    title: '标题 Title', department: '机关 Organisation', catalogueArrangement: '信息公开目录的结构、分类与编排 Catalogue: categories and arrangement',
    howToObtain: '获取方式 How to obtain information', howToApply: '依申请公开的程序 How to apply', officeName: '信息公开工作机构名称 Disclosure office',
    officeAddress: '办公地址 Address', officeHours: '办公时间 Office hours', phone: '联系电话 Phone', fax: '传真 Fax', email: '电子邮箱 Email', website: '网站 Website',
  },
  [REQUEST]: {
    queryCode: '查询码 Query code', state: '办理环节 Stage', applicantType: '申请人类型 Applicant type', applicantName: '申请人 Applicant',
    phone: '联系电话 Phone', email: '电子邮箱 Email', address: '通信地址 Address', idType: '证件类型 ID type', idNumber: '证件号码 ID number',
    organizationName: '组织名称 Organisation', organizationCode: '统一社会信用代码 Credit code', description: '所需信息描述 Description',
    documentNumber: '文号 Document number', delivery: '获取方式 Delivery', channel: '申请渠道 Channel', submittedAt: '提交日期 Submitted', receivedAt: '收到日期 Received',
    department: '承办部门 Department', handler: '承办人 Handler', dueAt: '答复期限 Due', dueProvisional: '期限为预估 Due date provisional',
    closedAt: '办结日期 Closed', disposition: '办理结果 Disposition', replyDocument: '答复书文件 Reply file', replies: '答复书 Replies',
    fee: '已缴信息处理费（元）Fee paid', feePaidAt: '缴费日期 Fee paid on', events: '办理记录 Events', revision: '版本 Revision', notes: '备注 Notes', reviewCases: '复议诉讼 Review cases',
  },
  [ANNUAL_REPORT]: {
    title: '标题 Title', year: '年度 Year', department: '报告单位 Department (empty = whole government)', overview: '一、总体情况 Overview',
    table2: '二、主动公开 (generated)', table3: '三、收到和处理申请 (generated)', table4: '四、行政复议和诉讼 (generated)',
    problems: '五、存在的主要问题及改进情况 Problems', otherMatters: '六、其他需要报告的事项 Other matters', feesCharged: '信息处理费（元，按缴费记录计算） Fees charged (computed)',
    feesChargedCases: '收费申请数（件，计算） Requests charged (computed)',
    licensingDecisions: '表二 行政许可处理决定数 Licensing decisions', licensingSource: '行政许可数据来源 Licensing source',
    punishmentDecisions: '表二 行政处罚处理决定数 Punishment decisions', punishmentSource: '行政处罚数据来源 Punishment source',
    coercionDecisions: '表二 行政强制处理决定数 Coercion decisions', coercionSource: '行政强制数据来源 Coercion source',
    administrativeFeesAmount: '表二 行政事业性收费（万元） Administrative fees (10,000 yuan)', administrativeFeesSource: '行政事业性收费数据来源 Fees source',
  },
  [REVIEW_CASE]: {
    kind: '类型 Kind', outcome: '结果 Outcome', filedAt: '立案日期 Filed', decidedAt: '审结日期 Decided', request: '申请 Request',
    department: '被申请部门 Department', caseNumber: '案号 Case number', notes: '备注 Notes',
  },
  [REPLY]: {
    title: '标题 Title', replyType: '答复类型 Reply type', exemptionReason: '不予公开理由 Exemption reason', accessRoute: '获取途径 Where to obtain it',
    competentAgency: '负责公开的机关 Competent agency', competentAgencyContact: '该机关联系方式 Its contacts', earlierReply: '已作出的答复 Earlier reply',
    onTheSpot: '当场答复 On the spot', disposition: '办理结果（由答复类型确定）Disposition (from the type)', body: '正文 Body', attachments: '附件 Attachments', request: '申请 Request', department: '承办部门 Department' },
  [OUTBOX]: {
    to: '收件人 To', cc: '抄送 Cc', bcc: '密送 Bcc', from: '发件人 From', replyTo: '回复地址 Reply-to', subject: '主题 Subject',
    text: '正文 Body', html: 'HTML 正文 HTML body', sentAt: '时间 Time',
  },
  [NOTICE_TEMPLATE]: {
    kind: '告知书 Notice', title: '标题 Title ({{…}}: mustache)', organisation: '机关名称 Organisation', numberPattern: '文号格式 Number pattern ({{org}} {{year}} {{seq}})',
    seal: '印章位置 Seal placeholder', contacts: '联系方式 Contacts', body: '正文模板 Body (mustache; one paragraph a line)',
  },
};

const LIST_COLUMNS: Record<string, string[]> = {
  [ITEM]: ['title', 'indexNumber', 'department', 'formedAt', 'disclosure', 'timelinessDays', 'timelinessMet'],
  [GUIDE]: ['title', 'department', 'officeName', 'phone'],
  [DEPARTMENT]: ['name', 'code', 'parent', 'kind'],
  [CATEGORY]: ['code', 'name', 'parent'],
  [PROCEDURE]: ['name', 'department', 'statutoryTimeLimit'],
  [REQUEST]: ['queryCode', 'applicantName', 'state', 'receivedAt', 'dueAt'],
  [REPLY]: ['title', 'disposition', 'request'],
  [ANNUAL_REPORT]: ['title', 'year', 'department'],
  [REVIEW_CASE]: ['caseNumber', 'kind', 'outcome', 'filedAt', 'request'],
  [OUTBOX]: ['sentAt', 'to', 'subject'],
  [NOTICE_TEMPLATE]: ['kind', 'title', 'organisation'],
};

/** Generated fields, and a request's stage, clock and outcome (changed by the case actions), are shown but not typed in. */
const READ_ONLY: Record<string, string[]> = {
  [ITEM]: ['indexNumber', 'publishedDate', 'timelinessDays', 'timelinessMet'],
  [REQUEST]: ['queryCode', 'state', 'submittedAt', 'department', 'handler', 'dueAt', 'dueProvisional', 'closedAt', 'disposition', 'fee', 'feePaidAt', 'events', 'revision', 'replies'],
  [REPLY]: ['request', 'disposition', 'onTheSpot'],
  [ANNUAL_REPORT]: ['table2', 'table3', 'table4'],
  [OUTBOX]: ['to', 'cc', 'bcc', 'from', 'replyTo', 'subject', 'text', 'html', 'sentAt'],
  [NOTICE_TEMPLATE]: ['kind'], // one template per kind, seeded
};

/** List settings: the catalogue newest first (a title sort put look-alike titles together), mail newest first. */
const LIST_SETTINGS: Record<string, Record<string, string>> = {
  [ITEM]: { defaultSortBy: 'formedAt', defaultSortOrder: 'DESC' },
  [REQUEST]: { defaultSortBy: 'receivedAt', defaultSortOrder: 'DESC' },
  [OUTBOX]: { mainField: 'subject', defaultSortBy: 'sentAt', defaultSortOrder: 'DESC' },
};

/** Internal logs with a screen of their own (a request's events: the case panel), hidden from the edit form. */
const HIDDEN: Record<string, string[]> = {
  [REQUEST]: ['events'],
};

const LAYOUT_DONE = { type: 'app', name: 'disclosure', key: 'admin-list-layout-applied' } as const;

export async function labelAdminFields(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service('content-types');
  const layoutDone: string[] = ((await strapi.store.get(LAYOUT_DONE)) as string[]) ?? [];
  for (const [uid, labels] of Object.entries(LABELS)) {
    const contentType = service.findContentType(uid);
    const config = await service.findConfiguration(contentType);
    let changed = false;
    for (const [field, label] of Object.entries(labels)) {
      const meta = config.metadatas?.[field];
      if (!meta) continue;
      if (meta.edit?.label === field) (meta.edit.label = label), (changed = true);
      if (meta.list?.label === field) (meta.list.label = label), (changed = true);
      if (READ_ONLY[uid]?.includes(field) && meta.edit?.editable !== false) (meta.edit.editable = false), (changed = true);
      if (HIDDEN[uid]?.includes(field) && meta.edit?.visible !== false) (meta.edit.visible = false), (changed = true);
    }
    // Once per type, so changes made in "Configure the view" survive restarts.
    if (!layoutDone.includes(uid)) {
      config.layouts.list = LIST_COLUMNS[uid];
      config.settings = { ...config.settings, ...LIST_SETTINGS[uid] };
      layoutDone.push(uid);
      changed = true;
    }
    if (changed) await service.updateConfiguration(contentType, { settings: config.settings, metadatas: config.metadatas, layouts: config.layouts });
  }
  await strapi.store.set({ ...LAYOUT_DONE, value: layoutDone });
}
