// 告知书 generated from a 依申请公开 case (条例§30–§36; 国办函〔2020〕109号): the variables a notice
// template sees, built from the case row and its events; the 文号; the text blocks of one notice
// and its printable A4 page (GB/T 9704 margins). Pure: no Strapi, shared by the service, the .docx
// builder and the unit tests. Templates are mustache (logic-less); text is rendered unescaped and
// escaped once, when laid out as HTML.
import Mustache from 'mustache';
import { REPLY_TYPE_ARTICLES } from './reply-types';
import { CHANNEL_LABELS, REPLY_TYPE_LABELS } from './code-labels';

export const NOTICE_KINDS = ['receipt', 'correction', 'extension', 'consultation', 'feeNotice', 'reply'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The case events a kind is generated from (the last one counts): without one there is nothing to notify. */
const SOURCE_EVENTS: Record<NoticeKind, string[]> = {
  receipt: ['received'],
  correction: ['correctionRequested'],
  extension: ['extended'],
  consultation: ['pauseStarted'],
  feeNotice: ['feeNoticed'],
  reply: ['replied', 'replyDrafted'],
};

type CaseEvent = { type: string; date?: string } & Record<string, any>;

const last = (events: CaseEvent[], types: string[]) => [...(events ?? [])].reverse().find((e) => types.includes(e.type)) ?? null;

export const sourceEvent = (kind: NoticeKind, events: CaseEvent[]) => last(events, SOURCE_EVENTS[kind]);

/** The kinds this case has something to notify about, in NOTICE_KINDS order. */
export const issuableKinds = (events: CaseEvent[]): NoticeKind[] => NOTICE_KINDS.filter((kind) => sourceEvent(kind, events));

/** '2026-11-30' → '2026年11月30日' (GB/T 9704: Arabic numerals, no leading zeros); '' when missing. */
export function chineseDate(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : '';
}

const yuan = (value: unknown) => (value === null || value === undefined || value === '' ? '' : Number(value).toFixed(2));

/** The statutory ground of each exemption reason (§14–§16), worded for a 答复书. 行政查询事项 has no article of its own. */
export const EXEMPTION_GROUNDS: Record<string, { text: string; article: string }> = {
  stateSecret: { text: '属于国家秘密', article: '第十四条' },
  lawForbidden: { text: '属于法律、行政法规禁止公开的政府信息', article: '第十四条' },
  safetyStability: { text: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', article: '第十四条' },
  thirdPartyRights: { text: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', article: '第十五条' },
  internalAffairs: { text: '属于人事管理、后勤管理、内部工作流程等方面的内部事务信息', article: '第十六条第一款' },
  processInfo: { text: '属于行政机关在履行行政管理职能过程中形成的过程性信息', article: '第十六条第二款' },
  enforcementCase: { text: '属于行政执法案卷信息', article: '第十六条第二款' },
  adminQuery: { text: '属于行政查询事项', article: '' },
};

export interface NoticeCase {
  queryCode?: string | null;
  applicantName?: string | null;
  address?: string | null;
  email?: string | null;
  delivery?: string | null;
  channel?: string | null;
  description?: string | null;
  submittedAt?: string | null;
  receivedAt?: string | null;
  dueAt?: string | null;
  events?: CaseEvent[] | null;
}

export interface NoticeReply {
  title?: string | null;
  replyType?: string | null;
  exemptionReason?: string | null;
  accessRoute?: string | null;
  competentAgency?: string | null;
  competentAgencyContact?: string | null;
  earlierReply?: string | null;
  body?: string | null;
}

function replyVariables(reply: NoticeReply) {
  const type = reply.replyType ?? 'other';
  const ground = EXEMPTION_GROUNDS[reply.exemptionReason ?? ''];
  return {
    [type]: true, // the section of the template for this type: {{#reply.withheld}}…{{/reply.withheld}}
    replyType: type,
    typeLabel: (REPLY_TYPE_LABELS as Record<string, { zh: string }>)[type]?.zh ?? '',
    article: (REPLY_TYPE_ARTICLES as Record<string, string>)[type] ?? '',
    title: reply.title ?? '',
    exemptionReason: reply.exemptionReason ?? '',
    exemptionText: ground?.text ?? '',
    exemptionArticle: ground?.article ?? '',
    accessRoute: reply.accessRoute ?? '',
    competentAgency: reply.competentAgency ?? '',
    competentAgencyContact: reply.competentAgencyContact ?? '',
    earlierReply: reply.earlierReply ?? '',
    body: reply.body ?? '',
  };
}

/**
 * What a notice template can use, from the case and (for a 答复书) its reply. Each group is null
 * when the case has no such event, so `{{#fee}}…{{/fee}}` sections drop out. Dates in Chinese form.
 */
export function noticeVariables(row: NoticeCase, reply?: NoticeReply | null) {
  const events = row.events ?? [];
  const received = last(events, ['received']);
  const correction = last(events, ['correctionRequested']);
  const extension = last(events, ['extended']);
  const consultation = last(events, ['pauseStarted']);
  const fee = last(events, ['feeNoticed']);
  return {
    applicantName: row.applicantName ?? '',
    address: row.address ?? '',
    queryCode: row.queryCode ?? '',
    description: row.description ?? '',
    channel: (CHANNEL_LABELS as Record<string, { zh: string }>)[row.channel ?? '']?.zh ?? '',
    submittedAt: chineseDate(row.submittedAt),
    receivedAt: chineseDate(row.receivedAt ?? received?.date),
    dueAt: chineseDate(row.dueAt),
    correction: correction && { date: chineseDate(correction.date), deadline: chineseDate(correction.deadline), items: correction.items ?? '' },
    extension: extension && { date: chineseDate(extension.date), days: extension.days, reason: extension.reason ?? '' },
    consultation: consultation && {
      date: chineseDate(consultation.date),
      party: consultation.party ?? '',
      kind: consultation.kind,
      thirdParty: consultation.kind !== 'otherAgency',
      otherAgency: consultation.kind === 'otherAgency',
      deliveredAt: chineseDate(consultation.deliveredAt),
      answerBy: chineseDate(consultation.answerBy),
    },
    fee: fee && {
      date: chineseDate(fee.date),
      mode: fee.mode,
      perCase: fee.mode === 'perCase',
      perPage: fee.mode === 'perPage',
      pages: fee.pages ?? '',
      nth: fee.nth ?? '',
      quoted: yuan(fee.quoted),
      reduction: Number(fee.reduction) > 0 ? yuan(fee.reduction) : '',
      amount: yuan(fee.amount),
      reason: fee.reason ?? '',
      payBy: chineseDate(fee.payBy),
    },
    reply: reply ? replyVariables(reply) : null,
  };
}

/** Whether the notice goes on paper: consultation letters always (the party's address is the office's to add), else an applicant without e-mail or asking for paper. */
export const noticeByPost = (kind: NoticeKind, row: NoticeCase): boolean => kind === 'consultation' || !row.email || row.delivery === 'paper';

/** Mustache, never HTML-escaped here (the page escapes once) and without partials. */
export const renderText = (template: string, view: object): string => Mustache.render(template ?? '', view, {}, { escape: (value: unknown) => String(value) });

/** The template fields that are not valid mustache (an unclosed section, a stray tag), each named: a broken template could render no notice. */
export function templateProblems(data: Record<string, unknown>): Array<{ path: string; zh: string; en: string; message: string }> {
  return ['title', 'numberPattern', 'contacts', 'body'].flatMap((path) => {
    if (typeof data[path] !== 'string') return [];
    try {
      Mustache.parse(data[path] as string);
      return [];
    } catch (error) {
      const zh = `模板格式错误：${(error as Error).message}`;
      const en = `not a valid template: ${(error as Error).message}`;
      return [{ path, zh, en, message: `${zh} / ${en}` }];
    }
  });
}

/** The 文号: `{{org}}依申〔{{year}}〕{{seq}}号` → 某县政府办依申〔2026〕3号. */
export const formatNumber = (pattern: string, values: { org: string; year: number; seq: number }): string => renderText(pattern, values).trim();

/** The name of the notice as a file: 补正告知书-<queryCode>.docx. */
const FILE_TITLES: Record<NoticeKind, string> = {
  receipt: '受理回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  consultation: '征求第三方意见书',
  feeNotice: '收费通知书',
  reply: '答复书',
};

export function noticeFilename(kind: NoticeKind, vars: { queryCode?: string; consultation?: { otherAgency?: boolean } | null }, ext: 'html' | 'docx') {
  const title = kind === 'consultation' && vars.consultation?.otherAgency ? '征求意见函' : FILE_TITLES[kind];
  const code = String(vars.queryCode ?? '').replace(/[^A-Za-z0-9-]/g, '');
  return { filename: `${title}-${code}.${ext}`, ascii: `${kind}-${code}.${ext}` };
}

export interface NoticeTemplate {
  title: string;
  organisation: string;
  seal?: string | null;
  contacts?: string | null;
  body: string;
}

export interface NoticeBlocks {
  title: string;
  number: string;
  paragraphs: Array<{ text: string; indent: boolean }>;
  organisation: string;
  seal: string;
  date: string;
  contacts: string[];
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** The text blocks of one notice: `vars` are the issued notice's snapshot (with `number` and `date`). */
export function composeNotice(template: NoticeTemplate, vars: Record<string, any>): NoticeBlocks {
  const view = { ...vars, organisation: template.organisation };
  return {
    title: renderText(template.title, view).trim(),
    number: String(vars.number ?? ''),
    // A salutation line ("张三：") starts at the margin; paragraphs are indented two characters.
    paragraphs: lines(renderText(template.body, view)).map((text) => ({ text, indent: !/[:：]$/.test(text) })),
    organisation: template.organisation ?? '',
    seal: template.seal ?? '',
    date: String(vars.date ?? ''),
    contacts: lines(renderText(template.contacts ?? '', view)),
  };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A complete printable A4 page; every text escaped. */
export function noticeHtml(blocks: NoticeBlocks): string {
  const e = escapeHtml;
  const paragraphs = blocks.paragraphs.map((p) => `<p class="${p.indent ? 'para' : 'salutation'}">${e(p.text)}</p>`).join('\n');
  const contacts = blocks.contacts.map((c) => `<p>${e(c)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(blocks.title)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: FangSong, "仿宋_GB2312", "仿宋", STFangsong, SimSun, "宋体", serif; font-size: 16pt; line-height: 1.75; color: #000; margin: 0; }
h1 { font-family: "方正小标宋简体", SimSun, "宋体", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 0.5em; }
p { margin: 0; }
.number { text-align: right; margin-bottom: 1em; }
.para { text-indent: 2em; }
.signature { text-align: right; margin-top: 2em; }
.seal { color: #888; }
.contacts { margin-top: 2em; font-size: 14pt; }
@media screen { body { max-width: 156mm; margin: 20mm auto; } }
</style>
</head>
<body>
<h1>${e(blocks.title)}</h1>
<p class="number">${e(blocks.number)}</p>
${paragraphs}
<div class="signature">
<p class="seal">${e(blocks.seal)}</p>
<p>${e(blocks.organisation)}</p>
<p>${e(blocks.date)}</p>
</div>
<div class="contacts">
${contacts}
</div>
</body>
</html>
`;
}
