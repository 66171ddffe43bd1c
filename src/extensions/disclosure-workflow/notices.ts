// Admin routes of a case's 告知书 (registered in strapi-server.ts beside the request routes); the
// work is done by strapi.service('api::disclosure-request.notices'). Notices carry the applicant's
// personal data: only those who may read the case list or render them, each rendering goes on
// the personal-data trail, and only the office issues them or records their posting.
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refuse } from '../../domain/case-refusal';
import { NOTICE_KINDS } from '../../domain/notices';
import { requestActionId } from '../../api/disclosure-request/permissions';
import { REQUEST, REQUEST_NOTICE } from '../../constants';

const day = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).message('{{#label}} must be a date YYYY-MM-DD');
const ISSUE = Joi.object({ kind: Joi.string().valid(...NOTICE_KINDS).required(), date: day });
const DOWNLOAD = Joi.object({ kind: Joi.string().valid(...NOTICE_KINDS).required(), format: Joi.string().valid('html', 'docx').default('html') });
const POSTED = Joi.object({ date: day });

function validate(schema: Joi.ObjectSchema, input: unknown) {
  const { value, error } = schema.validate(input ?? {}, { abortEarly: false });
  if (error) throw new errors.ValidationError(error.message, { errors: error.details.map((d) => ({ path: d.path.map(String), message: d.message })) });
  return value;
}

/** `correction.docx` → { kind, format }; a `format` in the query string wins over none in the path. */
function fileParams(param: string, query: any) {
  const match = /^([A-Za-z]+)(?:\.(html|docx))?$/.exec(param ?? '');
  return { kind: match?.[1] ?? param, format: match?.[2] ?? query?.format };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = () => strapi.service('api::disclosure-request.notices');
  const cases = () => strapi.service('api::disclosure-request.case');
  const can = (ctx: any, name: 'read' | 'handle' | 'manage') => cases().can(ctx.state.user.id, requestActionId(strapi, name));
  const scope = () => strapi.plugin('disclosure-workflow').service('scope');

  /** As GET /requests/:documentId: read-requests in scope sees every case of their units, a handler their own. */
  async function assertReader(ctx: any) {
    const all = await can(ctx, 'read');
    if (!all && !(await can(ctx, 'handle'))) refuse('NOT_ALLOWED');
    await scope().assertReachable(REQUEST, ctx.params.documentId, await scope().of(ctx.state.user));
    if (all) return;
    const own = await strapi.db.query(REQUEST).findOne({ where: { documentId: ctx.params.documentId, handler: { id: ctx.state.user.id } }, select: ['id'] });
    if (!own) refuse('NOT_FOUND');
  }

  const assertOffice = async (ctx: any) => {
    if (!(await can(ctx, 'manage'))) refuse('OFFICE_ONLY');
  };

  const trail = (ctx: any, reads: Array<{ documentId: string; fields: string[] }>) =>
    strapi.service('api::disclosure-request.personal-data').record({ actor: ctx.state.user.id, ip: ctx.request.ip, via: `${ctx.method} ${ctx.path}`, reads });

  return {
    /** The notices issued on the case, what can be issued now, and whether this user may issue. */
    async find(ctx: any) {
      await assertReader(ctx);
      const { documentId } = ctx.params;
      ctx.body = { data: { notices: await notices().list(documentId), issuable: await notices().issuable(documentId), canIssue: await can(ctx, 'manage') } };
    },
    async issue(ctx: any) {
      const { kind, date } = validate(ISSUE, { ...(ctx.request.body ?? {}), kind: ctx.params.kind });
      await assertOffice(ctx);
      await scope().assertReachable(REQUEST, ctx.params.documentId, await scope().of(ctx.state.user));
      ctx.body = { data: await notices().issue({ documentId: ctx.params.documentId, kind, date, actor: ctx.state.user.id }) };
    },
    async download(ctx: any) {
      const { kind, format } = validate(DOWNLOAD, fileParams(ctx.params.kind, ctx.query));
      await assertReader(ctx);
      const file = await notices().render({ documentId: ctx.params.documentId, kind, format });
      await trail(ctx, [{ documentId: ctx.params.documentId, fields: ['applicantName', 'address', 'queryCode'] }]);
      ctx.set('Content-Disposition', `${format === 'docx' ? 'attachment' : 'inline'}; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      ctx.type = file.contentType;
      ctx.body = file.body;
    },
    /** The posting list: paper notices not posted yet, on the cases this user reads. */
    async toPost(ctx: any) {
      const all = await can(ctx, 'read');
      if (!all && !(await can(ctx, 'handle'))) refuse('NOT_ALLOWED');
      const units = scope().where(REQUEST, await scope().of(ctx.state.user));
      const within = [units, all ? null : { handler: { id: ctx.state.user.id } }].filter(Boolean);
      const rows = await notices().toPost(within.length ? { $and: within } : null);
      const shown = [...new Set(rows.map((r: any) => r.request))] as string[];
      await trail(ctx, shown.map((documentId) => ({ documentId, fields: ['applicantName', 'address', 'queryCode'] })));
      ctx.body = { data: { notices: rows, canRecord: await can(ctx, 'manage') } };
    },
    async posted(ctx: any) {
      const { date } = validate(POSTED, ctx.request.body);
      await assertOffice(ctx);
      const notice = await strapi.db.query(REQUEST_NOTICE).findOne({ where: { documentId: ctx.params.id }, populate: { request: { select: ['documentId'] } } });
      if (!notice) refuse('NOT_FOUND');
      await scope().assertReachable(REQUEST, notice.request?.documentId, await scope().of(ctx.state.user));
      ctx.body = { data: await notices().markPosted({ documentId: ctx.params.id, date, actor: ctx.state.user.id }) };
    },
  };
};
