// 告知书 of a case: issuing one allocates its 文号 (atomically per kind and year, shared by every
// instance) and records the variables it is rendered from; rendering lays the latest issued notice
// of a kind out with the office's current template, as a printable page or a .docx. The wording
// is in src/domain/notice-templates.ts, the variables and layout in src/domain/notices.ts.
import type { Core } from '@strapi/strapi';
import { NOTICE_TEMPLATE, REPLY, REQUEST, REQUEST_NOTICE } from '../../../constants';
import { NOTICE_KINDS, chineseDate, composeNotice, formatNumber, issuableKinds, noticeByPost, noticeFilename, noticeHtml, noticeVariables, sourceEvent, type NoticeKind } from '../../../domain/notices';
import { noticeDocx } from '../../../domain/notice-docx';
import { localDate, toDateString } from '../../../domain/local-date';
import { refuse } from '../../../domain/case-refusal';

const COUNTERS = 'disclosure_notice_numbers';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CASE_FIELDS = ['id', 'documentId', 'queryCode', 'applicantName', 'address', 'email', 'delivery', 'channel', 'description', 'submittedAt', 'receivedAt', 'dueAt', 'events'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => strapi.plugin('disclosure-workflow').service('audit');
  const today = () => localDate(new Date(), strapi.config.get('disclosure.timeZone'));
  const checkKind = (kind: string): NoticeKind => (NOTICE_KINDS.includes(kind as NoticeKind) ? (kind as NoticeKind) : refuse('INVALID_INPUT', `unknown notice kind ${kind}`));

  async function loadCase(documentId: string) {
    const row = await strapi.db.query(REQUEST).findOne({ where: { documentId }, select: CASE_FIELDS });
    if (!row) refuse('NOT_FOUND');
    const receivedAt = toDateString(row.receivedAt);
    // Rows written without the case service (older imports) still have their receipt, as in case.ts.
    const events = row.events?.length ? row.events : receivedAt ? [{ type: 'received', date: receivedAt }] : [];
    return { ...row, submittedAt: toDateString(row.submittedAt), receivedAt, dueAt: toDateString(row.dueAt), events };
  }

  async function template(kind: NoticeKind) {
    return (await strapi.db.query(NOTICE_TEMPLATE).findOne({ where: { kind } })) ?? refuse('NOT_FOUND', `no template for ${kind}`);
  }

  /** The reply a 答复书 is about: the published version once issued, else the draft. */
  async function replyOf(documentId: unknown) {
    if (typeof documentId !== 'string' || !documentId) return null; // an unset filter would match every reply
    const rows = await strapi.db.query(REPLY).findMany({ where: { documentId }, orderBy: { id: 'desc' } });
    return rows.find((r: any) => r.publishedAt) ?? rows[0] ?? null;
  }

  /** One atomic upsert: correct under concurrency on PostgreSQL and SQLite (≥ 3.35) alike. */
  async function nextNumber(trx: any, kind: NoticeKind, year: number): Promise<number> {
    const result = await strapi.db.connection
      .raw(
        `INSERT INTO ${COUNTERS} (kind, year, last_value) VALUES (?, ?, 1)
         ON CONFLICT (kind, year) DO UPDATE SET last_value = ${COUNTERS}.last_value + 1
         RETURNING last_value`,
        [kind, year],
      )
      .transacting(trx);
    return Number((Array.isArray(result) ? result : result.rows)[0].last_value);
  }

  const summary = (row: any) => ({
    documentId: row.documentId,
    kind: row.kind,
    number: row.number,
    issuedAt: toDateString(row.issuedAt),
    postedAt: toDateString(row.postedAt),
    byPost: Boolean(row.byPost),
  });

  return {
    /** Issues a notice of `kind` on the case dated `date` (default today): a new 文号 and the variables, recorded and audited. */
    async issue({ documentId, kind, date = today(), actor = null }: { documentId: string; kind: string; date?: string; actor?: number | null }) {
      const k = checkKind(kind);
      if (date > today()) refuse('DATE_IN_FUTURE');
      const row = await loadCase(documentId);
      const event = sourceEvent(k, row.events);
      if (!event) refuse('CASE_STATE', `nothing to notify: the case has no ${k} step`);
      const reply = k === 'reply' ? await replyOf(event.reply) : null;
      if (k === 'reply' && !reply) refuse('CASE_STATE', 'the reply document is missing');
      const tpl = await template(k);
      const year = Number(date.slice(0, 4));
      const created = await strapi.db.transaction(async ({ trx }) => {
        const seq = await nextNumber(trx, k, year);
        const number = formatNumber(tpl.numberPattern, { org: tpl.organisation, year, seq });
        const variables = { ...noticeVariables(row, reply), number, seq, year, date: chineseDate(date) };
        const notice = await strapi.db.query(REQUEST_NOTICE).create({ data: { request: row.id, kind: k, number, issuedAt: date, byPost: noticeByPost(k, row), variables } });
        await audit().append({ event: 'request.noticeIssued', targetUid: REQUEST, targetDocumentId: documentId, actor, data: { notice: notice.documentId, kind: k, number } });
        return notice;
      });
      return summary(created);
    },

    /** The kinds the case has something to notify about now. */
    async issuable(documentId: string) {
      return issuableKinds((await loadCase(documentId)).events);
    },

    /** The notices issued on a case, oldest first. */
    async list(documentId: string) {
      await loadCase(documentId);
      const rows = await strapi.db.query(REQUEST_NOTICE).findMany({ where: { request: { documentId } }, orderBy: { id: 'asc' } });
      return rows.map(summary);
    },

    /** The latest issued notice of `kind` on the case, laid out with the current template. */
    async render({ documentId, kind, format = 'html' }: { documentId: string; kind: string; format?: 'html' | 'docx' }) {
      const k = checkKind(kind);
      if (format !== 'html' && format !== 'docx') refuse('INVALID_INPUT', `unknown format ${format}`);
      await loadCase(documentId);
      const [notice] = await strapi.db.query(REQUEST_NOTICE).findMany({ where: { request: { documentId }, kind: k }, orderBy: { id: 'desc' }, limit: 1 });
      if (!notice) refuse('NOTICE_NOT_ISSUED', k);
      const blocks = composeNotice(await template(k), notice.variables ?? {});
      const { filename, ascii } = noticeFilename(k, notice.variables ?? {}, format);
      return format === 'docx'
        ? { filename, asciiFilename: ascii, contentType: DOCX, body: await noticeDocx(blocks) }
        : { filename, asciiFilename: ascii, contentType: 'text/html; charset=utf-8', body: noticeHtml(blocks) };
    },

    /** Issued paper notices not posted yet (`within`: a filter on their cases, the reader's units and cases), oldest first. */
    async toPost(within: Record<string, unknown> | null = null) {
      const rows = await strapi.db.query(REQUEST_NOTICE).findMany({
        where: { byPost: true, postedAt: { $null: true }, ...(within ? { request: within } : {}) },
        populate: { request: { select: ['documentId', 'queryCode', 'applicantName', 'address'] } },
        orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
        limit: 1000,
      });
      return rows.map((row: any) => ({
        ...summary(row),
        request: row.request?.documentId ?? null,
        queryCode: row.request?.queryCode ?? null,
        // A consultation letter goes to the consulted party, whose address the office adds.
        addressee: row.kind === 'consultation' ? row.variables?.consultation?.party ?? '' : row.request?.applicantName ?? '',
        address: row.kind === 'consultation' ? '' : row.request?.address ?? '',
      }));
    },

    /** Records the day a paper notice was posted; once. */
    async markPosted({ documentId, date = today(), actor }: { documentId: string; date?: string; actor: number | null }) {
      const notice = await strapi.db.query(REQUEST_NOTICE).findOne({ where: { documentId }, populate: { request: { select: ['documentId'] } } });
      if (!notice) refuse('NOT_FOUND');
      if (notice.postedAt) refuse('ALREADY_DONE');
      if (date > today()) refuse('DATE_IN_FUTURE');
      if (date < toDateString(notice.issuedAt)!) refuse('DATE_OUT_OF_ORDER');
      // Recorded and audited together, or neither.
      await strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(REQUEST_NOTICE).updateMany({ where: { id: notice.id, postedAt: { $null: true } }, data: { postedAt: date } });
        if (!count) refuse('CONFLICT');
        await audit().append({
          event: 'request.noticePosted',
          targetUid: REQUEST,
          targetDocumentId: notice.request?.documentId ?? null,
          actor,
          data: { notice: documentId, kind: notice.kind, number: notice.number, postedAt: date },
        });
      });
      return { ...summary(notice), postedAt: date };
    },
  };
};
