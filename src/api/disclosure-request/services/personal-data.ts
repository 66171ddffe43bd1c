// Applicants' personal data (个人信息保护法: need to know, with a trail).
// - Who may read it: the Content Manager's field-level RBAC. gov-author reads requests without the
//   personal fields, plus a second read permission with every field under the condition
//   "is the case's handler" (registered here, at register time: an unknown condition would make
//   Strapi grant the permission without it).
// - The trail: every admin response that carries a request's personal data (Content Manager
//   list, edit view, save, relation pickers; the case panel and dashboard routes of the workflow
//   plugin) appends one audit event `request.personal-data.read` per request shown, with the
//   reader, the time, the case and the fields, before the response leaves (fail closed).
import { isDeepStrictEqual } from 'util';
import type { Core } from '@strapi/strapi';
import { REQUEST } from '../../../constants';
import { errors } from '@strapi/utils';
import { PERSONAL_DATA_FIELDS, isPersonalDataField, personalDataKeysOf } from '../../../domain/request-personal-data';

export const HANDLER_CONDITION_NAME = 'disclosure-request-handler';
/** The condition's id as Strapi stores it on a permission (no plugin: `api::<name>`). */
export const HANDLER_CONDITION = `api::${HANDLER_CONDITION_NAME}`;
export const READ_EVENT = 'request.personal-data.read';
const CM_READ = 'plugin::content-manager.explorer.read';

/** "Is the case's handler": by row id, so it holds on loaded entities too (the CM loads to-one relations as counts). */
export function registerHandlerCondition(strapi: Core.Strapi) {
  return strapi.service('admin::permission').conditionProvider.register({
    displayName: '是该申请的承办人 Is the case handler',
    name: HANDLER_CONDITION_NAME,
    category: '依申请公开 Requests',
    async handler(user: { id: number }) {
      const rows = await strapi.db.query(REQUEST).findMany({ where: { handler: { id: user.id } }, select: ['id'] });
      return rows.length ? { id: { $in: rows.map((r: any) => r.id) } } : false;
    },
  });
}

const CM_REQUEST = new RegExp(`^/content-manager/collection-types/${REQUEST.replace(/[.]/g, '\\.')}(/|$)`);
const CM_RELATIONS = /^\/content-manager\/relations\/([^/]+)\/(?:([^/]+)\/)?([^/]+)$/;
const CASE_ROUTES = /^\/disclosure-workflow\/requests(\/|$)/;

/** Attribute names used as keys anywhere in a filter tree, or in a sort. */
function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, out));
  else if (typeof value === 'string') value.split(',').forEach((part) => out.add(part.trim().split(':')[0]));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.add(k), keysIn(v, out));
  return out;
}

const isRow = (value: unknown): value is Record<string, any> => Boolean(value) && typeof value === 'object' && !Array.isArray(value) && typeof (value as any).documentId === 'string';

/** The request rows of a response body: `{ data }`, `{ results }`, the dashboard's `{ data: { cases } }`. */
function rowsOf(body: any): Record<string, any>[] {
  if (!body || typeof body !== 'object') return [];
  const candidates = [body.data, ...(Array.isArray(body.results) ? body.results : []), ...(Array.isArray(body.data?.cases) ? body.data.cases : [])];
  return candidates.filter(isRow);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => strapi.plugin('disclosure-workflow').service('audit');

  /** Which requests a response is about, if it may hold requests at all. */
  function requestRowsOf(ctx: any): { rows: Record<string, any>[]; relation: boolean } | null {
    const path: string = ctx.path;
    if (CM_REQUEST.test(path) || CASE_ROUTES.test(path)) return { rows: rowsOf(ctx.body), relation: false };
    const relation = CM_RELATIONS.exec(path);
    if (relation) {
      const attribute: any = (strapi.getModel(relation[1] as any) as any)?.attributes?.[relation[3]];
      if (attribute?.target === REQUEST) return { rows: rowsOf(ctx.body), relation: true };
    }
    return null;
  }

  /**
   * The request fields this user reads on every case they can reach (null: all of them). A read
   * limited only by the department condition counts: which cases they reach is the department
   * scope's business (the Document Service middleware), not a limit on fields.
   */
  async function unconditionalFields(user: any, ability: any): Promise<Set<string> | null> {
    const scope = strapi.plugin('disclosure-workflow').service('scope');
    // Strapi registers a permission's condition results as { $and: [{ $or: results }] }.
    const departmentOnly = user ? { $and: [{ $or: [scope.condition(REQUEST, await scope.of(user))] }] } : null;
    const rules = (ability?.rulesFor?.(CM_READ, REQUEST) ?? []).filter((r: any) => !r.inverted && (!r.conditions || isDeepStrictEqual(r.conditions, departmentOnly)));
    if (rules.some((r: any) => !r.fields)) return null;
    return new Set(rules.flatMap((r: any) => [].concat(r.fields)));
  }

  const service = {
    fields: PERSONAL_DATA_FIELDS,

    /**
     * Document Service middleware for Content Manager reads of requests: a user who may not read an
     * applicant's personal data on every case cannot filter, sort or search by it either (that would
     * tell them the value). Filters and sorts by such fields are a 400; the list's search box
     * searches the description and the document number only.
     */
    documentMiddleware() {
      return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
        if (ctx.uid !== REQUEST || !['findMany', 'findFirst', 'count'].includes(ctx.action)) return next();
        const request: any = strapi.requestContext.get();
        if (!request || !String(request.path ?? '').startsWith('/content-manager/')) return next();
        const open = await unconditionalFields(request.state?.user, request.state?.userAbility);
        if (open === null) return next();
        const params = { ...(ctx.params ?? {}) };
        const hidden = [...keysIn(params.filters), ...keysIn(params.sort)].filter((k) => isPersonalDataField(k) && !open.has(k));
        if (hidden.length) {
          const zh = '无权按申请人个人信息筛选或排序';
          const en = 'you may not filter or sort by an applicant\'s personal data';
          throw new errors.ValidationError(`${zh} / ${en}`, { errors: [...new Set(hidden)].map((k) => ({ path: [k], message: `${zh} / ${en}`, name: 'ValidationError', zh, en })) });
        }
        if (typeof params._q === 'string' && params._q.trim()) {
          const q = params._q.trim();
          delete params._q;
          const search = { $or: [{ description: { $containsi: q } }, { documentNumber: { $containsi: q } }] };
          params.filters = params.filters ? { $and: [params.filters, search] } : search;
        }
        ctx.params = params;
        return next();
      };
    },

    /** Appends one trail event per request, all in one transaction (one commit for a list). */
    async record({ actor, ip, via, reads }: { actor: number; ip?: string | null; via: string; reads: Array<{ documentId: string; fields: string[] }> }) {
      if (!reads.length) return;
      await strapi.db.transaction(async () => {
        for (const read of reads) {
          await audit().append({
            event: READ_EVENT,
            targetUid: REQUEST,
            targetDocumentId: read.documentId,
            actor,
            ip: ip ?? null,
            data: { via, fields: read.fields, shown: reads.length },
          });
        }
      });
    },

    /**
     * Koa middleware (outermost, registered in src/index.ts): after the route ran, masks a request's
     * personal data in relation pickers for users who may not read it (the CM shows the query code
     * there), then records what the response shows. A trail that cannot be written fails the read.
     */
    middleware() {
      return async (ctx: any, next: () => Promise<unknown>) => {
        await next();
        if (ctx.status < 200 || ctx.status >= 300 || ctx.state?.auth?.strategy?.name !== 'admin' || !ctx.state.user) return;
        const found = requestRowsOf(ctx);
        if (!found || !found.rows.length) return;
        if (found.relation) {
          const ability = ctx.state.userAbility;
          const manager = strapi.service('admin::permission').createPermissionsManager({ ability, model: REQUEST });
          for (const row of found.rows) {
            for (const field of personalDataKeysOf(row)) {
              if (!ability?.can(CM_READ, manager.toSubject({ id: row.id, documentId: row.documentId }, REQUEST), field)) delete row[field];
            }
          }
        }
        const reads = found.rows
          .map((row) => ({ documentId: row.documentId, fields: personalDataKeysOf(row).filter((f) => row[f] !== null && row[f] !== '') }))
          .filter((r) => r.fields.length);
        const unique = [...new Map(reads.map((r) => [r.documentId, r])).values()];
        try {
          await service.record({ actor: ctx.state.user.id, ip: ctx.request.ip, via: `${ctx.method} ${ctx.path}`, reads: unique });
        } catch (error) {
          strapi.log.error(`[disclosure] could not record a read of applicants' personal data: ${(error as Error).message}`);
          ctx.status = 500;
          ctx.body = { data: null, error: { status: 500, name: 'InternalServerError', message: '无法记录个人信息查阅，未返回数据 / the read could not be recorded, nothing was returned', details: {} } };
        }
      };
    },
  };
  return service;
};
